import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { buyWithDevPayments, ORIGIN } from './owner-test-kit.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
});
afterEach(async () => {
  await t.close();
});

const get = (path: string, headers = site.auth) => t.app.request(path, { headers });
const base = () => `/v1/sites/${site.id}/owner`;

/** Gives the order's ticket a room pass that was connected from `from` for `ms` (what signalling writes). */
async function inRoom(orderId: string, workshopId: string, name: string, from: number, ms: number) {
  const ticket = await t.database.db
    .selectFrom('tickets')
    .select('id')
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  const peerId = `p-${orderId}-${from}`;
  await t.database.db
    .insertInto('room_passes')
    .values({
      peer_id: peerId,
      workshop_id: workshopId,
      site_id: site.id,
      role: 'learner',
      ticket_id: ticket.id,
      name,
      issued_at: from,
      expires_at: from + 86_400_000,
      superseded_at: null,
      removed_at: null,
      connected_at: from,
    })
    .execute();
  t.setNow(from);
  await t.deps.rooms.timeInRoom.joined(peerId);
  t.setNow(from + ms);
  await t.deps.rooms.timeInRoom.left(peerId);
}

describe('attendees', () => {
  it('lists buyers with payment, ticket and time in the room, and exports them as CSV', async () => {
    const w = await publishedWorkshop(t, site.id, { title: 'Café, "crema" & co' });
    const zhang = await buyWithDevPayments(t, site.id, w.id, 'zhang@example.cn');
    t.setNow(t.deps.now() + 1000);
    const evil = await buyWithDevPayments(t, site.id, w.id, '-cmd@example.org');
    // A hold that was never paid is nobody's seat: not listed.
    await t.app.request(
      '/v1/checkout',
      jsonRequest('POST', { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` }, { Origin: ORIGIN }),
    );
    const start = t.deps.now();
    // Two devices / a reconnection: the stretches add up.
    await inRoom(zhang, w.id, '张伟', start, 20 * 60_000);
    await inRoom(zhang, w.id, '张伟', start + 30 * 60_000, 10 * 60_000);

    const res = await get(`${base()}/workshops/${w.id}/attendees`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { attendees } = await res.json();
    expect(attendees).toHaveLength(2);
    expect(attendees[0]).toMatchObject({
      orderId: zhang,
      name: '张伟',
      email: 'zhang@example.cn',
      status: 'paid',
      amount: 3000,
      currency: 'EUR',
      provider: 'dev',
      ticket: 'active',
      joined: true,
      firstJoinedAt: new Date(start).toISOString(),
      secondsInRoom: 30 * 60,
    });
    expect(attendees[0].paidAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(attendees[1]).toMatchObject({ orderId: evil, name: null, joined: false, secondsInRoom: 0 });

    const csv = await get(`${base()}/workshops/${w.id}/attendees.csv`, { ...site.auth, Origin: ORIGIN });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(csv.headers.get('access-control-expose-headers')).toContain('Content-Disposition');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="attendees-${w.id}-\\d{4}-\\d\\d-\\d\\d\\.csv"`),
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'order_id,name,email,status,paid_at,amount,currency,ticket,joined_room,first_joined_at,minutes_in_room',
    );
    expect(lines[1]).toMatch(
      new RegExp(`^${zhang},张伟,zhang@example.cn,paid,[^,]+,30.00,EUR,active,yes,[^,]+,30$`),
    );
    expect(lines[2]).toMatch(new RegExp(`^${evil},,'-cmd@example.org,paid,[^,]+,30.00,EUR,active,no,,0$`));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('counts an open stretch up to now, and not past the pass expiry', async () => {
    const w = await publishedWorkshop(t, site.id);
    const order = await buyWithDevPayments(t, site.id, w.id, 'a@example.org');
    const ticket = await t.database.db.selectFrom('tickets').select('id').executeTakeFirstOrThrow();
    const now = t.deps.now();
    await t.database.db
      .insertInto('room_passes')
      .values({
        peer_id: 'p-open',
        workshop_id: w.id,
        site_id: site.id,
        role: 'learner',
        ticket_id: ticket.id,
        name: 'Ann',
        issued_at: now,
        expires_at: now + 60 * 60_000,
        superseded_at: null,
        removed_at: null,
        connected_at: now,
      })
      .execute();
    await t.deps.rooms.timeInRoom.joined('p-open');
    // A second open (a reconnect racing the close) keeps the first start.
    t.setNow(now + 5 * 60_000);
    await t.deps.rooms.timeInRoom.joined('p-open');
    t.setNow(now + 15 * 60_000);
    const open = (await (await get(`${base()}/workshops/${w.id}/attendees`)).json()).attendees[0];
    expect([open.orderId, open.secondsInRoom]).toEqual([order, 15 * 60]);
    // The server stopped while they were in: the pass's expiry bounds the stretch.
    t.setNow(now + 5 * 60 * 60_000);
    const fresh = await t.deps.ownerAuth.issue(site.id, t.deps.now());
    const later = (
      await (
        await get(`${base()}/workshops/${w.id}/attendees`, { Authorization: `Bearer ${fresh.token}` })
      ).json()
    ).attendees[0];
    expect(later.secondsInRoom).toBe(60 * 60);
    await t.deps.rooms.timeInRoom.left('p-open');
    const row = await t.database.db.selectFrom('room_passes').selectAll().executeTakeFirstOrThrow();
    expect([row.online_since, Number(row.in_room_ms)]).toEqual([null, 60 * 60_000]);
  });

  it('is for the owner of that site only, and 404 for another site’s workshop', async () => {
    const w = await publishedWorkshop(t, site.id);
    const other = await t.site();
    const otherW = await publishedWorkshop(t, other.id);
    for (const path of [
      `${base()}/workshops/${w.id}/attendees`,
      `${base()}/workshops/${w.id}/attendees.csv`,
    ]) {
      expect((await t.app.request(path)).status).toBe(401);
      const res = await get(path, other.auth);
      expect([res.status, (await res.json()).error.code]).toEqual([403, 'forbidden']);
    }
    const res = await get(`${base()}/workshops/${otherW.id}/attendees`);
    expect([res.status, (await res.json()).error.code]).toEqual([404, 'not_found']);
  });
});
