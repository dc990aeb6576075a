import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { startCheckpointer } from './checkpointer.ts';
import { openDatabase } from './database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('copies committed pages from the WAL into the database file from a worker thread', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-checkpoint-'));
  dirs.push(dir);
  const database = openDatabase(dir);
  const file = path.join(dir, 'lectern.sqlite');
  const checkpointer = startCheckpointer(database.sqlite, createLogger('silent'), 20);
  // The serving connection no longer checkpoints at SQLite's default 1000 pages.
  expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(100_000);

  database.sqlite.exec('create table blobs (id integer primary key, body text not null)');
  const insert = database.sqlite.prepare('insert into blobs (body) values (?)');
  database.sqlite.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(4000));
  })();
  const before = statSync(file).size;
  expect(before).toBeLessThan(1_000_000);
  for (let i = 0; i < 200 && statSync(file).size < 2_000_000; i++)
    await new Promise((r) => setTimeout(r, 10));
  expect(statSync(file).size).toBeGreaterThan(2_000_000);

  await checkpointer.stop();
  expect((database.sqlite.prepare('select count(*) as n from blobs').get() as { n: number }).n).toBe(500);
  await database.close();
});
