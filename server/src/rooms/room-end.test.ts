import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  // Starts in five minutes, five minutes long: the room is open (from 15 minutes before the
  // start) and closes 30 minutes after the end, inside the owner session's hour.
  const w = await publishedWorkshop(t, site.id, {
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    durationMinutes: 5,
  });
  workshopId = w.id;
});
afterEach(async () => {
  await t.close();
});

const post = (path: string, headers: Record<string, string>) =>
  t.app.request(`/v1/rooms/${workshopId}/${path}`, jsonRequest('POST', {}, { Origin: ORIGIN, ...headers }));
const checkout = () =>
  t.app.request(
    '/v1/checkout',
    jsonRequest(
      'POST',
      { siteId: site.id, workshopId, returnUrl: `${ORIGIN}/w`, email: 'r@example.org' },
      { Origin: ORIGIN },
    ),
  );
const card = async () =>
  (await (await t.app.request(`/v1/sites/${site.id}/workshops`, { headers: { Origin: ORIGIN } })).json())
    .workshops[0];
const hostPass = async () =>
  (await (await post('join', site.auth)).json()) as { peerId: string; token: string };
const bearer = (p: { peerId: string; token: string }) => ({ Authorization: `Bearer ${p.peerId}~${p.token}` });

describe('ending the room', () => {
  it('shows on the public card and refuses checkout with 409 room_ended, holding no seat', async () => {
    expect((await card()).roomEndedAt).toBeNull();
    expect((await post('end', site.auth)).status).toBe(200);

    const ended = await card();
    expect(Date.parse(ended.roomEndedAt)).toBeGreaterThan(0);
    expect(ended.seatsLeft).toBe(10);
    const res = await checkout();
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('room_ended');
    expect(await t.database.db.selectFrom('orders').selectAll().execute()).toEqual([]);
  });
});

describe('POST /v1/rooms/:workshop/reopen', () => {
  it("lets the host reopen with the room's host pass: learners and the host get in again, checkout sells", async () => {
    const pass = await hostPass();
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    expect((await post('end', bearer(pass))).status).toBe(200);
    expect((await post('join', site.auth)).status).toBe(403);

    const res = await post('reopen', bearer(pass));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: false });
    expect((await card()).roomEndedAt).toBeNull();
    expect((await post('join', site.auth)).status).toBe(201);
    const learner = await t.app.request(
      `/v1/rooms/${workshopId}/join`,
      jsonRequest('POST', { ticket: token }, { Origin: ORIGIN }),
    );
    expect(learner.status).toBe(201);
    expect((await checkout()).status).toBe(201);
  });

  it('accepts an owner session, refuses a learner pass, another site and no credential', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const learner = await (
      await t.app.request(
        `/v1/rooms/${workshopId}/join`,
        jsonRequest('POST', { ticket: token }, { Origin: ORIGIN }),
      )
    ).json();
    await post('end', site.auth);
    const other = await t.site([ORIGIN]);
    expect((await post('reopen', bearer(learner))).status).toBe(403);
    expect((await post('reopen', other.auth)).status).toBe(403);
    expect((await post('reopen', {})).status).toBe(401);
    expect((await card()).roomEndedAt).not.toBeNull();
    expect((await post('reopen', site.auth)).status).toBe(200);
    expect((await card()).roomEndedAt).toBeNull();
  });

  it("refuses once the room's window has closed", async () => {
    await post('end', site.auth);
    // 5 minutes to the start + 5 long + the 30-minute grace: the window is over.
    t.setNow(Date.now() + 41 * 60_000);
    const late = await post('reopen', site.auth);
    expect(late.status).toBe(403);
    expect((await late.json()).error).toMatchObject({ code: 'room_closed', details: { reason: 'ended' } });
    const rooms = await t.database.db.selectFrom('rooms').selectAll().execute();
    expect(rooms[0].ended_at).not.toBeNull();
  });

  it('refuses for a cancelled workshop', async () => {
    await post('end', site.auth);
    await t.deps.workshops.cancel(site.id, workshopId);
    const cancelled = await post('reopen', site.auth);
    expect(cancelled.status).toBe(403);
    expect((await cancelled.json()).error.details.reason).toBe('cancelled');
    const rooms = await t.database.db.selectFrom('rooms').selectAll().execute();
    expect(rooms[0].ended_at).not.toBeNull();
  });
});
