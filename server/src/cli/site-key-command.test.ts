import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { SiteStore } from '../sites/site-store.ts';
import { runCli } from './lectern.ts';

let dataDir: string;
const saved = process.env.LECTERN_DATA_DIR;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-cli-key-'));
  process.env.LECTERN_DATA_DIR = dataDir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.LECTERN_DATA_DIR;
  else process.env.LECTERN_DATA_DIR = saved;
});

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

describe('lectern site rotate-key', () => {
  it('prints a new key that opens the site while the old one stops', async () => {
    const created = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    const id = /site id:\s+(\S+)/.exec(created.out)![1];
    const oldKey = /owner key:\s+(\S+)/.exec(created.out)![1];
    const res = await run('site', 'rotate-key', '--site', id);
    expect(res.code).toBe(0);
    const newKey = /New owner key for \S+: (\S+)/.exec(res.out)![1];
    expect(newKey).not.toBe(oldKey);
    const database = openDatabase(dataDir);
    try {
      const sites = new SiteStore(database.db);
      expect(await sites.verifyKey(id, newKey)).toBe(true);
      expect(await sites.verifyKey(id, oldKey)).toBe(false);
      expect(await sites.keyVersion(id)).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('names an unknown site and a missing --site', async () => {
    const unknown = await run('site', 'rotate-key', '--site', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no site "nope"/);
    const usage = await run('site', 'rotate-key');
    expect(usage.code).toBe(64);
    expect(usage.err).toMatch(/--site SITE_ID/);
  });
});
