import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANGE, seedFixture } from '../analytics/test-fixture.ts';
import { loadConfig } from '../config.ts';
import { connectDatabase, migrate } from '../db/database.ts';
import { SiteStore } from '../sites/site-store.ts';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.ts';
import { runCli } from './lectern.ts';

const saved = { dataDir: process.env.LECTERN_DATA_DIR, databaseUrl: process.env.LECTERN_DATABASE_URL };
let siteId: string;
let testDatabase: TestDatabase;
beforeAll(async () => {
  process.env.LECTERN_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'lectern-cli-analytics-'));
  // Under `npm run test:pg`, a fresh PostgreSQL database; else the data dir's SQLite file.
  testDatabase = await createTestDatabase();
  restore('LECTERN_DATABASE_URL', testDatabase.url);
  const database = connectDatabase(loadConfig());
  await migrate(database.db);
  siteId = (await new SiteStore(database.db).create({ name: 'Fixture', origins: ['https://blog.example'] }))
    .site.id;
  await seedFixture(database.db, siteId);
  await database.close();
});
afterAll(async () => {
  restore('LECTERN_DATA_DIR', saved.dataDir);
  restore('LECTERN_DATABASE_URL', saved.databaseUrl);
  await testDatabase.drop();
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lectern analytics', () => {
  it('prints the figures as JSON with at least the issue’s keys', async () => {
    const { code, out } = await run(
      'analytics',
      '--site',
      siteId,
      '--from',
      RANGE.from,
      '--to',
      RANGE.to,
      '--json',
    );
    expect(code).toBe(0);
    const a = JSON.parse(out);
    expect(a.funnel).toMatchObject({
      pageViews: 16,
      workshopViews: 13,
      checkouts: 10,
      paid: 13,
      attended: 9,
    });
    expect(
      a.revenue.map(({ currency, gross, refunded, net, orders }: Record<string, unknown>) => ({
        currency,
        gross,
        refunded,
        net,
        orders,
      })),
    ).toEqual([
      { currency: 'EUR', gross: 13000, refunded: 2000, net: 11000, orders: 7 },
      { currency: 'USD', gross: 7500, refunded: 0, net: 7500, orders: 5 },
    ]);
    for (const key of [
      'attendance',
      'retention',
      'recommendations',
      'satisfaction',
      'realtime',
      'pages',
      'workshops',
      'prediction',
      'segments',
    ]) {
      expect(a).toHaveProperty(key);
    }
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run('analytics', '--site', siteId, '--from', RANGE.from, '--to', RANGE.to);
    expect(code).toBe(0);
    expect(out).toContain(
      'Funnel: 16 page views → 13 workshop views (81.3 %) → 10 checkouts (76.9 %) → 13 paid (130 %) → 9 attended (69.2 %)',
    );
    expect(out).toContain(
      '  EUR: gross €130.00, refunded €20.00, net €110.00, 7 orders, average €18.57 (previous net €20.00)',
    );
    expect(out).toContain('  USD: gross $75.00, refunded $0.00, net $75.00, 5 orders, average $15.00');
    expect(out).toContain(
      'Attendance: 9 of 12 tickets (75 %), median 30 min, mean 29.4 min; per attendee-hour: chat 2.26, question 0.45',
    );
    expect(out).toContain('model ahead by 5 points; not yet significant');
    expect(out).toContain('Segments: too little data (10 of 40 readers)');
  });

  it('refuses a missing site, an unknown one and a bad range', async () => {
    expect((await run('analytics')).code).toBe(64);
    expect((await run('analytics', '--site', 'nope')).code).toBe(1);
    const bad = await run('analytics', '--site', siteId, '--from', '2026-12-01', '--to', '2026-11-01');
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('from: must not be after to');
  });
});
