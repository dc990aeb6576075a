import { importAdmissionKey, verifyAdmission } from '@lectern/widget/room/admission';
import { beforeEach, describe, expect, it } from 'vitest';
import { type SecondProcess, twoProcesses } from '../jobs/second-process.ts';
import { jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { PRESENCE_TIMING } from './room-presence.ts';
import { paidTicket } from './test-tickets.ts';

// Two server processes on one database: process A holds the signalling sockets (its presence
// reports them), process B answers the HTTP requests.
const ORIGIN = 'https://blog.example';
const processes = twoProcesses({ LECTERN_ROOM_LEARNER_LIMIT: '1' });
let a: TestApp;
let b: SecondProcess;
let site: Awaited<ReturnType<TestApp['site']>>;
let workshopId: string;

beforeEach(async () => {
  ({ a, b } = processes);
  site = await a.site([ORIGIN]);
  const w = await publishedWorkshop(a, site.id, {
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  workshopId = w.id;
});

const joinOn = (app: TestApp['app'], body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/v1/rooms/${workshopId}/join`, jsonRequest('POST', body, { Origin: ORIGIN, ...headers }));

/** A learner with a paid ticket whose pass process A's signalling server holds. */
async function learnerConnectedOnA(email: string) {
  const { token } = await paidTicket(a.deps, site.id, workshopId, email);
  const pass = await (await joinOn(a.app, { ticket: token })).json();
  expect(await a.deps.rooms.connect(pass.peerId, pass.token)).toMatchObject({ role: 'learner' });
  await a.deps.roomPresence.connected(pass.peerId, workshopId, 'learner');
  return { token, pass };
}

describe('a room served by two processes', () => {
  it("tells a learner joining through B the host connected on A, with an admission A's key verifies", async () => {
    const host = await (await joinOn(a.app, {}, site.auth)).json();
    await a.deps.roomPresence.connected(host.peerId, workshopId, 'host');
    const { token } = await paidTicket(a.deps, site.id, workshopId);
    const learner = await (await joinOn(b.app, { ticket: token })).json();
    expect(learner.hostPeerId).toBe(host.peerId);
    // Both peer ids carry the room's tag, so a load balancer sends their sockets to one process.
    expect(learner.peerId.slice(3, 11)).toBe(host.peerId.slice(3, 11));
    const key = await importAdmissionKey(host.admissionKey);
    const admitted = await verifyAdmission(learner.admission, key, {
      peerId: learner.peerId,
      workshop: workshopId,
      now: Date.now(),
    });
    expect(admitted).toMatchObject({ peerId: learner.peerId });
  });

  it('counts learners connected on A when B checks whether the room is full', async () => {
    const first = await learnerConnectedOnA('first@example.org');
    const { token } = await paidTicket(a.deps, site.id, workshopId, 'second@example.org');
    const full = await joinOn(b.app, { ticket: token });
    expect(full.status).toBe(409);
    expect((await full.json()).error.details.reason).toBe('room_full');
    const roster = await b.deps.rooms.roster(workshopId);
    expect(roster.learners.map((l) => [l.peerId, l.online])).toEqual([[first.pass.peerId, true]]);
  });

  it("forgets a crashed process's connections once they stop being refreshed", async () => {
    const first = await learnerConnectedOnA('first@example.org');
    a.setNow(a.deps.now() + PRESENCE_TIMING.expiryMs - 1);
    await b.deps.roomPresence.heartbeat(); // B's heartbeat keeps A's still-fresh row
    expect(await b.deps.roomPresence.learnersOnline(workshopId)).toEqual(new Set([first.pass.peerId]));
    a.setNow(a.deps.now() + 2); // A never refreshed: it died
    await b.deps.roomPresence.heartbeat();
    expect(await a.database.db.selectFrom('room_presence').selectAll().execute()).toEqual([]);
    const { token } = await paidTicket(a.deps, site.id, workshopId, 'second@example.org');
    expect((await joinOn(b.app, { ticket: token })).status).toBe(201);
  });

  it('a learner the host removes through B is offline at once, and A closes its socket at its heartbeat', async () => {
    const first = await learnerConnectedOnA('first@example.org');
    const host = await (await joinOn(a.app, {}, site.auth)).json();
    await a.deps.roomPresence.connected(host.peerId, workshopId, 'host');
    expect(await a.deps.rooms.closedOf([first.pass.peerId, host.peerId])).toEqual([]);
    const res = await b.app.request(
      `/v1/rooms/${workshopId}/remove`,
      jsonRequest('POST', { peerId: first.pass.peerId }, site.auth),
    );
    expect(res.status).toBe(200);
    expect(await a.deps.roomPresence.learnersOnline(workshopId)).toEqual(new Set());
    expect(await a.deps.roomPresence.hostOf(workshopId)).toBe(host.peerId);
    expect(await a.deps.rooms.closedOf([first.pass.peerId, host.peerId])).toEqual([first.pass.peerId]);
  });
});
