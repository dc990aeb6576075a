import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { onPostgres } from '../test-support/test-database.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { clientErrorFromDatabase } from './database-errors.ts';
import { forUpdate } from './row-lock.ts';

// What the dialect layer promises, on whichever database this run uses: numbers where `pg` alone
// returns strings, the row lock where the dialect has one. `npm run test:pg` runs it on PostgreSQL.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe(`the database layer (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('returns count, sum, avg and bigint ms times as numbers', async () => {
    const site = await t.site();
    const starts = Date.now() + 86_400_000;
    await publishedWorkshop(t, site.id, { capacity: 7, startsAt: new Date(starts).toISOString() });
    await publishedWorkshop(t, site.id, { capacity: 5 });
    const row = await t.database.db
      .selectFrom('workshops')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(capacity)`.as('seats'),
        sql<number>`avg(capacity)`.as('mean'),
        sql<number>`max(starts_at)`.as('latest'),
        sql<number>`min(floor(starts_at / 86400000))`.as('day'),
      ])
      .where('site_id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 2, seats: 12, mean: 6, latest: expect.any(Number), day: expect.any(Number) });
    expect(row.latest).toBeGreaterThan(starts - 1000);
    expect(row.day).toBe(Math.floor(Math.min(starts, row.latest) / 86_400_000));
    const w = await t.database.db
      .selectFrom('workshops')
      .select(['starts_at', 'capacity'])
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(typeof w.starts_at).toBe('number');
  });

  it('leaves pg’s own (global) type parsers alone for other users of pg in the process', () => {
    expect(pg.types.getTypeParser(pg.types.builtins.INT8)('9007199254740993')).toBe('9007199254740993');
  });

  it('locks the workshop row with FOR UPDATE on PostgreSQL, and not on SQLite', () => {
    const query = forUpdate(t.database.db, t.database.db.selectFrom('workshops').select('id')).compile();
    expect(/for update$/i.test(query.sql)).toBe(onPostgres);
  });

  it('answers a NUL character in an id with 400 on PostgreSQL (it cannot store one), 404 on SQLite', async () => {
    const res = await t.app.request('/v1/orders/ord_%00x');
    expect(res.status).toBe(onPostgres ? 400 : 404);
    if (onPostgres) expect((await res.json()).error.code).toBe('bad_request');
    expect(clientErrorFromDatabase({ code: '22021' })?.status).toBe(400);
    expect(clientErrorFromDatabase({ code: '23505' })).toBeUndefined();
  });
});
