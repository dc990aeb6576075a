import { beforeEach, expect, it } from 'vitest';
import type { TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { type SecondProcess, twoProcesses } from './second-process.ts';

const processes = twoProcesses();
let t: TestApp;
let other: SecondProcess;
beforeEach(() => {
  ({ a: t, b: other } = processes);
});

it('offers two seats freed at once in two processes to two different people waiting', async () => {
  const site = await t.site();
  const w = await publishedWorkshop(t, site.id);
  const now = t.deps.now();
  const waiting = ['first@example.org', 'second@example.org', 'third@example.org'];
  await t.database.db
    .insertInto('waitlist')
    .values(
      waiting.map((email, i) => ({
        id: `wl_${i}`,
        site_id: site.id,
        workshop_id: w.id,
        email,
        locale: 'en',
        page_url: null,
        created_at: now + i,
        offered_at: null,
      })),
    )
    .execute();
  const offered = await Promise.all([t.deps.waitlist.offerNext(w.id), other.deps.waitlist.offerNext(w.id)]);
  expect(offered.sort()).toEqual(['first@example.org', 'second@example.org']);
  const rows = await t.database.db
    .selectFrom('waitlist')
    .select(['email', 'offered_at'])
    .orderBy('id')
    .execute();
  expect(rows.map((r) => r.offered_at !== null)).toEqual([true, true, false]);
});
