import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyWithDevPayments, mailsTo, ORIGIN } from '../owner/owner-test-kit.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
});
afterEach(async () => {
  await t.close();
});

const join = (workshopId: string, email: string) =>
  t.app.request(
    '/v1/waitlist',
    jsonRequest('POST', { siteId: site.id, workshopId, email, pageUrl: `${ORIGIN}/w` }, { Origin: ORIGIN }),
  );
const waitlistOf = (workshopId: string) =>
  t.app.request(`/v1/sites/${site.id}/owner/workshops/${workshopId}/waitlist`, { headers: site.auth });
const offer = (workshopId: string, headers = site.auth) =>
  t.app.request(
    `/v1/sites/${site.id}/owner/workshops/${workshopId}/waitlist/offer`,
    jsonRequest('POST', {}, headers),
  );

describe('the owner’s waitlist', () => {
  it('lists people in order and offers a free seat to the next one, 409 when no seat or nobody is left', async () => {
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    await buyWithDevPayments(t, site.id, w.id, 'first@example.org');
    for (const [i, email] of ['ann@example.org', 'bob@example.org'].entries()) {
      t.setNow(t.deps.now() + 1000 * (i + 1));
      expect((await join(w.id, email)).status).toBe(201);
    }
    const listed = await (await waitlistOf(w.id)).json();
    expect(listed).toMatchObject({
      workshopId: w.id,
      seatsLeft: 0,
      entries: [
        { position: 1, email: 'ann@example.org', offeredAt: null },
        { position: 2, email: 'bob@example.org', offeredAt: null },
      ],
    });

    const full = await offer(w.id);
    expect([full.status, (await full.json()).error.code]).toEqual([409, 'no_free_seat']);

    // The owner raises the capacity: one seat is free, Ann is offered it by email.
    await t.deps.workshops.update(site.id, w.id, { capacity: 2 });
    const offered = await offer(w.id);
    expect([offered.status, await offered.json()]).toEqual([200, { offeredTo: 'ann@example.org' }]);
    const [mail] = await mailsTo(t, 'ann@example.org');
    expect(mail.subject).toBe('A seat opened up: Pasta by hand');
    expect(mail.text).toContain(`${ORIGIN}/w`);
    const after = await (await waitlistOf(w.id)).json();
    expect(after.entries[0].offeredAt).toMatch(/^\d{4}-/);
    expect(after.entries[1].offeredAt).toBeNull();

    expect(await (await offer(w.id)).json()).toEqual({ offeredTo: 'bob@example.org' });
    const empty = await offer(w.id);
    expect([empty.status, (await empty.json()).error.code]).toEqual([409, 'waitlist_empty']);
  });

  it('belongs to the owner of the workshop’s site only', async () => {
    const w = await publishedWorkshop(t, site.id);
    const other = await t.site();
    expect((await t.app.request(`/v1/sites/${site.id}/owner/workshops/${w.id}/waitlist`)).status).toBe(401);
    expect((await offer(w.id, other.auth)).status).toBe(403);
    const otherW = await publishedWorkshop(t, other.id);
    const res = await waitlistOf(otherW.id);
    expect([res.status, (await res.json()).error.code]).toEqual([404, 'not_found']);
  });
});
