import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/lectern.ts';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.ts';

let dataDir: string;
let database: TestDatabase;
const saved = { dataDir: process.env.LECTERN_DATA_DIR, databaseUrl: process.env.LECTERN_DATABASE_URL };
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-settings-cli-'));
  process.env.LECTERN_DATA_DIR = dataDir;
  // Under `npm run test:pg`, a fresh PostgreSQL database per test; else the data dir's SQLite file.
  database = await createTestDatabase();
  restore('LECTERN_DATABASE_URL', database.url);
});
afterEach(async () => {
  restore('LECTERN_DATA_DIR', saved.dataDir);
  restore('LECTERN_DATABASE_URL', saved.databaseUrl);
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
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

async function storedSettings(siteId: string) {
  const database = connectDatabase(loadConfig());
  try {
    const row = await database.db
      .selectFrom('sites')
      .select('settings')
      .where('id', '=', siteId)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.settings);
  } finally {
    await database.close();
  }
}

describe('lectern site settings', () => {
  it('shows the settings and changes them through the owner API’s validation', async () => {
    const created = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    const id = /site id:\s+(\S+)/.exec(created.out)![1];
    const shown = await run('site', 'settings', '--site', id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('payment methods:  provider default (dev)');
    expect(shown.out).toContain('content 0.4, instructor 0.3, interactivity 0.3');

    const changed = await run(
      'site',
      'settings',
      '--site',
      id,
      '--payment-methods',
      'card,wechat_pay',
      '--reco-split',
      '0.5',
      '--weights',
      '0.5,0.25,0.25',
    );
    expect(changed.code).toBe(0);
    expect(changed.out).toContain('payment methods:  card, wechat_pay');
    expect(await storedSettings(id)).toEqual({
      paymentMethodTypes: ['card', 'wechat_pay'],
      recoSplit: 0.5,
      ratingWeights: { content: 0.5, instructor: 0.25, interactivity: 0.25 },
    });
  });

  it('refuses what the API refuses and changes nothing', async () => {
    const created = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    const id = /site id:\s+(\S+)/.exec(created.out)![1];
    for (const args of [
      ['--payment-methods', 'card,bitcoin'],
      ['--reco-split', '2'],
      ['--weights', '0.5,0.5,0.5'],
    ]) {
      const res = await run('site', 'settings', '--site', id, ...args);
      expect(res.code, args.join(' ')).toBe(64);
      expect(res.err).toMatch(/nothing changed/);
    }
    expect(await storedSettings(id)).toEqual({});
    expect((await run('site', 'settings', '--site', 'nope')).code).toBe(1);
    expect((await run('site', 'settings')).code).toBe(64);
  });
});
