import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { nameKey } from './display-name.ts';
import { paidTicket } from './test-tickets.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
let workshopId: string;

beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id, {
    hostName: 'Ada Lovelace',
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  workshopId = w.id;
});
afterEach(async () => {
  await t.close();
});

const join = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(`/v1/rooms/${workshopId}/join`, jsonRequest('POST', body, { Origin: ORIGIN, ...headers }));

describe("a learner taking the host's name", () => {
  it('reads names the way people do: no case, spaces, invisible or full-width differences', () => {
    for (const name of [
      'ada lovelace',
      'ADA  LOVELACE',
      'AdaLovelace',
      'Ada\u200bLovelace',
      'ａｄａ lovelace',
    ]) {
      expect(nameKey(name), name).toBe(nameKey('Ada Lovelace'));
    }
    expect(nameKey('Ada Lovelace Jr')).not.toBe(nameKey('Ada Lovelace'));
  });

  it("marks a learner's name that reads as the host's, whether the workshop's host name or the name the host joined with", async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    for (const name of ['Ada Lovelace', ' ada  LOVELACE', 'ＡＤＡ Lovelace']) {
      const res = await join({ ticket: token, name });
      expect(res.status, name).toBe(201);
      expect((await res.json()).name, name).toBe(`${name.trim()} (learner)`);
    }
    expect((await join({ name: 'Professor A' }, site.auth)).status).toBe(201);
    expect((await (await join({ ticket: token, name: 'professor a' })).json()).name).toBe(
      'professor a (learner)',
    );
    expect((await (await join({ ticket: token, name: 'Ada L.' })).json()).name).toBe('Ada L.');
    const learnerNames = await t.database.db
      .selectFrom('room_passes')
      .select('name')
      .where('role', '=', 'learner')
      .execute();
    expect(learnerNames.map((p) => p.name).sort()).toEqual(
      [
        'Ada Lovelace (learner)',
        'ada  LOVELACE (learner)',
        'ＡＤＡ Lovelace (learner)',
        'professor a (learner)',
        'Ada L.',
      ].sort(),
    );
  });

  it("marks it in the workshop's language", async () => {
    const zh = await publishedWorkshop(t, site.id, {
      hostName: '王老师',
      language: 'zh-CN',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    });
    const { token } = await paidTicket(t.deps, site.id, zh.id);
    const res = await t.app.request(
      `/v1/rooms/${zh.id}/join`,
      jsonRequest('POST', { ticket: token, name: '王 老师' }, { Origin: ORIGIN }),
    );
    expect((await res.json()).name).toBe('王 老师（学员）');
  });
});
