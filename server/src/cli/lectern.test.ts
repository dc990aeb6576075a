import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { runCli } from './lectern.ts';

let dataDir: string;
const saved = process.env.LECTERN_DATA_DIR;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-cli-'));
  process.env.LECTERN_DATA_DIR = dataDir;
});
afterEach(() => {
  process.env.LECTERN_DATA_DIR = saved;
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

describe('lectern site create', () => {
  it('creates a site, prints its id and owner key once, and stores only the hash', async () => {
    const res = await run('site', 'create', '--name', 'My blog', '--origin', 'https://blog.example/');
    expect(res.code).toBe(0);
    const id = /site id:\s+(\S+)/.exec(res.out)?.[1];
    const key = /owner key:\s+(\S+)/.exec(res.out)?.[1];
    expect(id).toMatch(/^site_/);
    expect(key).toMatch(/^lk_/);
    const db = openDatabase(dataDir);
    const row = await db.db.selectFrom('sites').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    await db.close();
    expect(JSON.parse(row.origins)).toEqual(['https://blog.example']);
    expect(row.owner_key_hash).not.toBe(key);
    const list = await run('site', 'list');
    expect(list.out).toContain(id);
  });

  it('rejects a missing origin with a usage hint and creates nothing', async () => {
    const res = await run('site', 'create', '--name', 'No origin');
    expect(res.code).toBe(64);
    expect(res.err).toMatch(/origins/);
    expect((await run('site', 'list')).out).toBe('');
  });

  it('rejects an unknown command', async () => {
    const res = await run('site', 'explode');
    expect(res.code).toBe(64);
    expect(res.err).toMatch(/unknown command "site explode"/);
  });
});
