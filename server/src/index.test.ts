import { describe, expect, it } from 'vitest';

// The names other workspaces import from this package (see package.json `exports`).
describe('@lectern/server public surface', () => {
  it('runs the server in-process and nothing more', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual(['loadConfig', 'startServer']);
  });

  it('gives tests and benchmarks outside the server their fakes and helpers', async () => {
    expect(Object.keys(await import('./test-support/index.ts')).sort()).toEqual([
      'FakeStripe',
      'ROOM_PAGE_CSS',
      'TicketSigner',
      'createTestApp',
      'createTestDatabase',
      'onPostgres',
    ]);
  });
});
