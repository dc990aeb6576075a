import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConsoleContext } from '../console-context.ts';
import { analyticsFixture } from './analytics-fixture.ts';
import { fetchExport, Section } from './analytics-section.tsx';

vi.mock('uplot', () => ({
  default: class {
    static tzDate = (d: Date) => d;
    destroy() {}
    setSize() {}
  },
}));

const keep = (token: string) =>
  sessionStorage.setItem(
    'lectern-owner-session:demo',
    JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
  );

function context(
  overrides: Partial<ConsoleContext> = {},
): ConsoleContext & { calls: string[]; went: unknown[] } {
  const calls: string[] = [];
  const went: unknown[] = [];
  return {
    server: 'https://lectern.test',
    site: 'demo',
    locale: 'en',
    level: 2,
    route: { section: 'analytics', params: { from: '2026-12-01', to: '2026-12-03' } },
    call: (async (path: string) => {
      calls.push(path);
      return analyticsFixture();
    }) as ConsoleContext['call'],
    navigate: (section, params) => went.push([section, params]),
    calls,
    went,
    ...overrides,
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

it('asks the owner API for the period in the address, and keeps a new period there', async () => {
  const ctx = context();
  render(<Section ctx={ctx} />, root);
  await vi.waitFor(() => expect(root.querySelector('[data-panel="funnel"]')).not.toBeNull());
  expect(ctx.calls).toEqual(['/v1/sites/demo/owner/analytics?from=2026-12-01&to=2026-12-03']);
  expect(root.querySelector('h2')?.textContent).toBe('Analytics');
  expect(root.querySelector('[data-panel="funnel"] h3')?.textContent).toBe('Funnel');
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Last 7 days')!.click();
  await vi.waitFor(() => expect(ctx.went).toHaveLength(1));
  expect(ctx.went[0]).toEqual(['analytics', { from: expect.any(String), to: expect.any(String) }]);
});

it('downloads the export with the owner session, signing in again through the console when it ended', async () => {
  keep('old');
  const seen: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      seen.push(`${url} ${auth}`);
      return auth === 'Bearer new'
        ? new Response(new Uint8Array([0x50, 0x4b, 3, 4]), { headers: { 'Content-Type': 'application/zip' } })
        : new Response('{"error":{"code":"unauthorized","message":"expired"}}', { status: 401 });
    }),
  );
  // The console's call waits for the owner to sign in again: here the new session appears.
  const ctx = context({ call: (async () => keep('new')) as ConsoleContext['call'] });
  const zip = await fetchExport(ctx, { from: '2026-12-01', to: '2026-12-03' });
  expect(new Uint8Array(await zip.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  const url = 'https://lectern.test/v1/sites/demo/owner/analytics/export?from=2026-12-01&to=2026-12-03';
  expect(seen).toEqual([`${url} Bearer old`, `${url} Bearer new`]);
});

it('an export the server refuses for another reason fails once, without asking for the key', async () => {
  keep('t');
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 400 })),
  );
  const call = vi.fn();
  await expect(fetchExport(context({ call }), { from: '2026-12-03', to: '2026-12-01' })).rejects.toThrow(
    'HTTP 400',
  );
  expect(call).not.toHaveBeenCalled();
});
