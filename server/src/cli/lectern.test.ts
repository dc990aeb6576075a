import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { SiteStore } from '../sites/site-store.ts';
import { runCli } from './lectern.ts';

let dataDir: string;
const saved = {
  dataDir: process.env.LECTERN_DATA_DIR,
  publicUrl: process.env.LECTERN_PUBLIC_URL,
  port: process.env.PORT,
};
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-cli-'));
  process.env.LECTERN_DATA_DIR = dataDir;
  delete process.env.LECTERN_PUBLIC_URL;
  delete process.env.PORT;
});
afterEach(() => {
  restore('LECTERN_DATA_DIR', saved.dataDir);
  restore('LECTERN_PUBLIC_URL', saved.publicUrl);
  restore('PORT', saved.port);
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

describe('the snippet printed by lectern site create', () => {
  const snippetOf = (out: string) => /src="([^"]+)\/lectern\.js"/.exec(out)?.[1];

  it('uses LECTERN_PUBLIC_URL when given', async () => {
    process.env.LECTERN_PUBLIC_URL = 'https://lectern.example/';
    const res = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    expect(snippetOf(res.out)).toBe('https://lectern.example');
  });

  it('uses the URL the server on this data dir serves at (npm start on PORT=18787)', async () => {
    // What `npm start` records at start (main.ts → recordServerUrl).
    writeFileSync(path.join(dataDir, 'server-url'), 'http://localhost:18787\n');
    const res = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    expect(snippetOf(res.out)).toBe('http://localhost:18787');
    expect(res.out).toContain('data-site="site_');
  });

  it('falls back to the default port with no server and no setting', async () => {
    const res = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    expect(snippetOf(res.out)).toBe('http://localhost:8787');
  });
});

describe('lectern site origins', () => {
  async function site() {
    const res = await run('site', 'create', '--name', 'Blog', '--origin', 'https://blog.example');
    return /site id:\s+(\S+)/.exec(res.out)![1];
  }
  const origins = async (id: string) => (await run('site', 'origins', 'list', '--site', id)).out.split('\n');

  it('adds an origin and keeps the ones already registered', async () => {
    const id = await site();
    const res = await run(
      'site',
      'origins',
      'add',
      '--site',
      id,
      '--origin',
      'https://www.blog.example/some/post',
    );
    expect(res.code).toBe(0);
    expect(res.out).toContain(`Added https://www.blog.example to ${id}.`);
    expect(await origins(id)).toEqual(['https://blog.example', 'https://www.blog.example']);
    // Adding it again changes nothing.
    await run('site', 'origins', 'add', '--site', id, '--origin', 'https://www.blog.example');
    expect(await origins(id)).toEqual(['https://blog.example', 'https://www.blog.example']);
  });

  it('removes one origin and leaves the others', async () => {
    const id = await site();
    await run('site', 'origins', 'add', '--site', id, '--origin', 'http://localhost:4000');
    const res = await run('site', 'origins', 'remove', '--site', id, '--origin', 'https://blog.example');
    expect(res.code).toBe(0);
    expect(await origins(id)).toEqual(['http://localhost:4000']);
  });

  it('refuses what is not an http(s) origin and changes nothing', async () => {
    const id = await site();
    for (const bad of ['blog.example', 'ftp://blog.example', 'javascript:alert(1)']) {
      const res = await run('site', 'origins', 'add', '--site', id, '--origin', bad);
      expect(res.code).toBe(64);
      expect(res.err).toContain(`not an http(s) origin: ${bad}`);
    }
    expect(await origins(id)).toEqual(['https://blog.example']);
  });

  it('refuses to remove an unregistered origin or the last one', async () => {
    const id = await site();
    const unknown = await run('site', 'origins', 'remove', '--site', id, '--origin', 'https://other.example');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/https:\/\/other\.example is not registered/);
    const last = await run('site', 'origins', 'remove', '--site', id, '--origin', 'https://blog.example');
    expect(last.code).toBe(1);
    expect(last.err).toMatch(/at least one origin/);
    expect(await origins(id)).toEqual(['https://blog.example']);
  });

  it('names an unknown site and a missing --site', async () => {
    expect((await run('site', 'origins', 'list', '--site', 'nope')).err).toMatch(/no site "nope"/);
    const usage = await run('site', 'origins', 'add', '--origin', 'https://a.example');
    expect(usage.code).toBe(64);
    expect(usage.err).toMatch(/--site SITE_ID/);
  });
});

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
