import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { satisfaction } from '../contract/satisfaction.ts';
import { paidTicket } from '../rooms/test-tickets.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
let workshopId: string;
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site();
  workshopId = (
    await publishedWorkshop(t, site.id, { startsAt: new Date(Date.now() + 60_000).toISOString() })
  ).id;
});
afterEach(async () => {
  await t.close();
});

const rate = (body: unknown) => t.app.request(`/v1/rooms/${workshopId}/ratings`, jsonRequest('POST', body));
const ratings = () => t.database.db.selectFrom('ratings').selectAll().execute();
/** The ticket's room pass, as the join route writes it; `connected` as signalling marks it. */
async function roomPass(orderId: string, connected: boolean) {
  const ticket = await t.database.db
    .selectFrom('tickets')
    .select('id')
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  const now = t.deps.now();
  await t.database.db
    .insertInto('room_passes')
    .values({
      peer_id: `p-${ticket.id}-${connected}`,
      workshop_id: workshopId,
      site_id: site.id,
      role: 'learner',
      ticket_id: ticket.id,
      name: 'Learner',
      issued_at: now,
      expires_at: now + 3_600_000,
      superseded_at: null,
      removed_at: null,
      connected_at: connected ? now : null,
    })
    .execute();
}
/** A paid ticket that joined the room. */
async function attendee() {
  const ticket = await paidTicket(t.deps, site.id, workshopId);
  await roomPass(ticket.orderId, true);
  return ticket;
}
const endRoom = () => t.app.request(`/v1/rooms/${workshopId}/end`, jsonRequest('POST', {}, site.auth));

describe('ratings', () => {
  it('computes S = 0.4·content + 0.3·instructor + 0.3·interactivity by default', () => {
    expect(satisfaction({ content: 5, instructor: 4, interactivity: 3 })).toBe(4.1);
  });

  it('opens when the room ends, stores one rating per ticket, and shows the score to the owner only', async () => {
    const a = await attendee();
    const b = await attendee();
    const early = await rate({ ticket: a.token, content: 5, instructor: 5, interactivity: 5 });
    expect(early.status).toBe(409);
    expect((await endRoom()).status).toBe(200);
    expect((await rate({ ticket: a.token, content: 2, instructor: 2, interactivity: 2 })).status).toBe(201);
    // Rating again replaces the first one.
    expect(
      (await rate({ ticket: a.token, content: 5, instructor: 4, interactivity: 3, comment: 'Great' })).status,
    ).toBe(201);
    expect((await rate({ ticket: b.token, content: 3, instructor: 4, interactivity: 5 })).status).toBe(201);
    expect(await ratings()).toHaveLength(2);

    const url = `/v1/rooms/${workshopId}/ratings`;
    expect((await t.app.request(url)).status).toBe(401);
    const other = await t.site();
    expect((await t.app.request(url, { headers: other.auth })).status).toBe(403);
    const summary = await (await t.app.request(url, { headers: site.auth })).json();
    expect(summary).toMatchObject({
      count: 2,
      averages: { content: 4, instructor: 4, interactivity: 4 },
      satisfaction: 4,
      comments: [{ comment: 'Great' }],
    });

    const weights = { content: 1, instructor: 0, interactivity: 0 };
    const put = await t.app.request(
      `/v1/sites/${site.id}/rating-weights`,
      jsonRequest('PUT', weights, site.auth),
    );
    expect(put.status).toBe(200);
    await t.database.db.updateTable('ratings').set({ content: 5 }).execute();
    const reweighted = await (await t.app.request(url, { headers: site.auth })).json();
    expect(reweighted).toMatchObject({ weights, satisfaction: 5 });
  });

  it('rejects bad input with 4xx JSON and leaves the table unchanged', async () => {
    await endRoom();
    const { token } = await attendee();
    const { token: revoked, orderId } = await attendee();
    await t.deps.tickets.revoke(t.deps.db, orderId);
    const cases: [unknown, number][] = [
      [{ ticket: token, content: 6, instructor: 4, interactivity: 4 }, 400],
      [{ ticket: token, content: 0, instructor: 4, interactivity: 4 }, 400],
      [{ ticket: token, content: 3.5, instructor: 4, interactivity: 4 }, 400],
      [{ ticket: token, content: 3, instructor: 4 }, 400],
      [{ ticket: token, content: 3, instructor: 4, interactivity: 4, comment: 'x'.repeat(2001) }, 400],
      [{ ticket: token, content: 3, instructor: 4, interactivity: 4, extra: 1 }, 400],
      [{ ticket: 'forged-ticket-token', content: 3, instructor: 4, interactivity: 4 }, 401],
      [{ ticket: revoked, content: 3, instructor: 4, interactivity: 4 }, 403],
      ['not json', 400],
    ];
    for (const [body, status] of cases) {
      const res = await rate(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.code).toBeTypeOf('string');
    }
    const badWeights = await t.app.request(
      `/v1/sites/${site.id}/rating-weights`,
      jsonRequest('PUT', { content: 0.5, instructor: 0.5, interactivity: 0.5 }, site.auth),
    );
    expect(badWeights.status).toBe(400);
    expect(await ratings()).toEqual([]);
  });

  it('refuses tickets that never joined the room with 403 not_attended', async () => {
    const absent = await paidTicket(t.deps, site.id, workshopId);
    // A join screen fetched a pass, but it never connected to the room.
    const fetchedOnly = await paidTicket(t.deps, site.id, workshopId);
    await roomPass(fetchedOnly.orderId, false);
    const present = await attendee();
    await endRoom();
    for (const { token } of [absent, fetchedOnly]) {
      const res = await rate({ ticket: token, content: 1, instructor: 1, interactivity: 1 });
      expect([res.status, (await res.json()).error.code]).toEqual([403, 'not_attended']);
    }
    expect(await ratings()).toEqual([]);
    // The learner who was there rates twice; the owner's averages count the second rating once.
    await rate({ ticket: present.token, content: 1, instructor: 1, interactivity: 1 });
    await rate({ ticket: present.token, content: 5, instructor: 4, interactivity: 3 });
    const summary = await (
      await t.app.request(`/v1/rooms/${workshopId}/ratings`, { headers: site.auth })
    ).json();
    expect(summary).toMatchObject({ count: 1, averages: { content: 5, instructor: 4, interactivity: 3 } });
  });
});
