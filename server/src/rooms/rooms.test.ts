import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { paidTicket } from './test-tickets.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
let workshopId: string;

beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
  // Starts in five minutes: inside the default 15-minute open-before window.
  const w = await publishedWorkshop(t, site.id, {
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  workshopId = w.id;
});
afterEach(async () => {
  await t.close();
});

const join = (body: unknown, headers: Record<string, string> = {}, id = workshopId) =>
  t.app.request(`/v1/rooms/${id}/join`, jsonRequest('POST', body, { Origin: ORIGIN, ...headers }));
const passes = () => t.database.db.selectFrom('room_passes').selectAll().execute();

describe('POST /v1/rooms/:workshop/join', () => {
  it('gives a learner with a paid ticket an expiring pass the signalling server accepts', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const res = await join({ ticket: token });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = await res.json();
    expect(body).toMatchObject({ role: 'learner', name: 'Learner 1', signalling: { path: '/peerjs' } });
    expect(body.peerId).toMatch(/^ll-[0-9a-f]{24}$/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(await t.deps.rooms.participant(body.peerId, body.token)).toMatchObject({
      workshopId,
      role: 'learner',
    });
    expect(await t.deps.rooms.participant(body.peerId, `${body.token}x`)).toBeNull();
    expect(await t.deps.rooms.participant('ll-000000000000000000000000', body.token)).toBeNull();
  });

  it('lets the owner host with an owner session, and refuses another site owner', async () => {
    const res = await join({}, site.auth);
    expect(res.status).toBe(201);
    expect((await res.json()).role).toBe('host');
    const other = await t.site([ORIGIN]);
    expect((await join({}, other.auth)).status).toBe(403);
  });

  it('refuses without a ticket, with a forged, expired, refunded or other-workshop ticket, and stores nothing', async () => {
    const other = await publishedWorkshop(t, site.id, {
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const { token: otherTicket } = await paidTicket(t.deps, site.id, other.id);
    const { token: refunded, orderId } = await paidTicket(t.deps, site.id, workshopId);
    await t.deps.tickets.revoke(t.deps.db, orderId);
    await t.database.db.updateTable('orders').set({ status: 'refunded' }).where('id', '=', orderId).execute();
    const expired = await t.deps.tickets.signer.sign(
      { ticketId: 'tkt_x', orderId: 'ord_x', workshopId, siteId: site.id },
      Date.now() - 1000,
    );
    const cases: [unknown, number][] = [
      [{}, 401],
      [{ ticket: 'not-a-real-ticket-token' }, 401],
      [{ ticket: expired }, 401],
      [{ ticket: refunded }, 403],
      [{ ticket: otherTicket }, 403],
      [{ ticket: 42 }, 400],
      ['{nope', 400],
    ];
    for (const [body, status] of cases) {
      const res = await join(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.code).toBeTypeOf('string');
    }
    expect(await passes()).toEqual([]);
  });

  it('says when the room opens, and refuses after the host ended it', async () => {
    const later = await publishedWorkshop(t, site.id, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const { token } = await paidTicket(t.deps, site.id, later.id);
    const res = await join({ ticket: token }, {}, later.id);
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'room_closed', details: { reason: 'not_open_yet' } });
    expect(body.error.message).toContain(body.error.details.opensAt);

    const mine = await paidTicket(t.deps, site.id, workshopId);
    expect(
      (await t.app.request(`/v1/rooms/${workshopId}/end`, jsonRequest('POST', {}, site.auth))).status,
    ).toBe(200);
    const after = await join({ ticket: mine.token });
    expect((await after.json()).error.details.reason).toBe('ended');
  });

  it('hands the seat to a second device when its pass connects, not when the join screen fetches it', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const kicked: string[] = [];
    const close = vi.spyOn(t.deps.peerSockets, 'close').mockImplementation((id) => {
      kicked.push(id);
    });
    try {
      const first = await (await join({ ticket: token, name: 'Ana' })).json();
      expect(await t.deps.rooms.connect(first.peerId, first.token)).toMatchObject({ role: 'learner' });
      const roster = async () =>
        (
          await (await t.app.request(`/v1/rooms/${workshopId}/roster`, { headers: site.auth })).json()
        ).learners.map((l: { peerId: string }) => l.peerId);
      // The second device opens the room page: its pass is fetched, nobody is pushed out yet.
      const second = await (await join({ ticket: token })).json();
      expect(second.name).toBe('Ana');
      expect(await t.deps.rooms.participant(first.peerId, first.token)).not.toBeNull();
      expect(await roster()).toEqual([first.peerId]);
      expect(kicked).toEqual([]);
      // The first device reconnecting (network drop) keeps its seat.
      expect(await t.deps.rooms.connect(first.peerId, first.token)).not.toBeNull();
      expect(kicked).toEqual([]);
      // The second device joins: the first is superseded, its socket closed, and refused from then on.
      expect(await t.deps.rooms.connect(second.peerId, second.token)).not.toBeNull();
      expect(kicked).toEqual([first.peerId]);
      expect(await t.deps.rooms.participant(first.peerId, first.token)).toBeNull();
      expect(await t.deps.rooms.connect(first.peerId, first.token)).toBeNull();
      expect(await roster()).toEqual([second.peerId]);
      expect((await t.app.request(`/v1/rooms/${workshopId}/roster`)).status).toBe(401);
    } finally {
      close.mockRestore();
    }
  });

  it("accepts the room's host pass for host controls (it outlives an owner session), and no other pass", async () => {
    const hostPass = await (await join({}, site.auth)).json();
    const learner = await (
      await join({ ticket: (await paidTicket(t.deps, site.id, workshopId)).token })
    ).json();
    const other = await publishedWorkshop(t, site.id, {
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const otherHost = await (await join({}, site.auth, other.id)).json();
    const as = (p: { peerId: string; token: string }) => ({ Authorization: `Bearer ${p.peerId}~${p.token}` });
    const roster = (headers: Record<string, string>) =>
      t.app.request(`/v1/rooms/${workshopId}/roster`, { headers });
    expect((await roster(as(hostPass))).status).toBe(200);
    for (const refused of [
      as(learner),
      as(otherHost),
      { Authorization: `Bearer ${hostPass.peerId}~forged` },
    ]) {
      const res = await roster(refused);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const ended = await t.app.request(`/v1/rooms/${workshopId}/end`, jsonRequest('POST', {}, as(hostPass)));
    expect(ended.status).toBe(200);
    expect(await t.deps.rooms.endedAt(workshopId)).not.toBeNull();
  });

  it("a refund closes the ticket's live pass: socket kicked and refused, off the roster, status says why", async () => {
    const kicked: string[] = [];
    const close = vi.spyOn(t.deps.peerSockets, 'close').mockImplementation((id) => {
      kicked.push(id);
    });
    try {
      const inRoom = await paidTicket(t.deps, site.id, workshopId);
      const pass = await (await join({ ticket: inRoom.token })).json();
      expect(await t.deps.rooms.connect(pass.peerId, pass.token)).not.toBeNull();
      // A pass fetched by a join screen, its ticket refunded before "Join".
      const early = await paidTicket(t.deps, site.id, workshopId);
      const unused = await (await join({ ticket: early.token })).json();

      expect(await t.deps.orders.refund(inRoom.orderId)).toBe(true);
      expect(await t.deps.orders.refund(early.orderId)).toBe(true);
      // The refund's side effects run after its commit.
      await expect.poll(() => kicked).toEqual([pass.peerId, unused.peerId]);
      expect(await t.deps.rooms.connect(pass.peerId, pass.token)).toBeNull();
      expect(await t.deps.rooms.connect(unused.peerId, unused.token)).toBeNull();
      const roster = await (
        await t.app.request(`/v1/rooms/${workshopId}/roster`, { headers: site.auth })
      ).json();
      expect(roster.learners).toEqual([]);
      const status = await t.app.request(`/v1/rooms/${workshopId}/status`, {
        headers: { Authorization: `Bearer ${pass.peerId}~${pass.token}` },
      });
      expect(status.status).toBe(401);
      expect((await status.json()).error.details).toEqual({ reason: 'ticket_revoked' });
    } finally {
      close.mockRestore();
    }
  });

  it('refuses a new learner when the learner limit is reached (online seats)', async () => {
    const small = await createTestApp({ LECTERN_ROOM_LEARNER_LIMIT: '1' });
    try {
      const s = await small.site([ORIGIN]);
      const w = await publishedWorkshop(small, s.id, {
        startsAt: new Date(Date.now() + 60_000).toISOString(),
      });
      const a = await paidTicket(small.deps, s.id, w.id);
      const b = await paidTicket(small.deps, s.id, w.id);
      const req = (token: string) =>
        small.app.request(
          `/v1/rooms/${w.id}/join`,
          jsonRequest('POST', { ticket: token }, { Origin: ORIGIN }),
        );
      const first = await (await req(a.token)).json();
      await small.deps.roomPresence.connected(first.peerId, w.id, 'learner');
      const full = await req(b.token);
      expect(full.status).toBe(409);
      expect((await full.json()).error.details.reason).toBe('room_full');
      // The same seat may always come back (a reconnect or second device).
      expect((await req(a.token)).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('removes a learner: the pass dies and the ticket cannot rejoin', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const pass = await (await join({ ticket: token })).json();
    const res = await t.app.request(
      `/v1/rooms/${workshopId}/remove`,
      jsonRequest('POST', { peerId: pass.peerId }, site.auth),
    );
    expect(res.status).toBe(200);
    expect(await t.deps.rooms.participant(pass.peerId, pass.token)).toBeNull();
    expect((await join({ ticket: token })).status).toBe(403);
  });

  it('answers status to pass holders only', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const pass = await (await join({ ticket: token })).json();
    const ok = await t.app.request(`/v1/rooms/${workshopId}/status`, {
      headers: { Authorization: `Bearer ${pass.peerId}~${pass.token}` },
    });
    expect(await ok.json()).toMatchObject({ hostPeerId: null, ended: false });
    const bad = await t.app.request(`/v1/rooms/${workshopId}/status`, {
      headers: { Authorization: `Bearer ${pass.peerId}~1.forged` },
    });
    expect(bad.status).toBe(401);
  });
});

describe('GET /room/:workshop', () => {
  it('serves the room page with escaped workshop text and the loader', async () => {
    await t.deps.workshops.update(site.id, workshopId, { title: '<img src=x onerror=alert(1)>' });
    const res = await t.app.request(`/room/${workshopId}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`<lectern-room workshop="${workshopId}">`);
    expect(html).toContain(`src="/lectern.js" data-site="${site.id}"`);
    expect(html).not.toContain('<img src=x');
    expect((await t.app.request('/room/ws_nope')).status).toBe(404);
  });
});
