import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { freePort } from './harness/lectern-server.ts';
import {
  CLIENT_HEADER,
  type RoundRobinProxy,
  startRoundRobinProxy,
} from './processes-harness/round-robin-proxy.ts';
import {
  buyTicket,
  type ServerProcess,
  startPostgres,
  startServerProcess,
} from './processes-harness/server-processes.ts';
import {
  joinAsLearner,
  openWorkshop,
  room,
  roomContext,
  startAsHost,
  videoFrames,
  watchFirstFrame,
} from './rooms-harness/room-fixtures.ts';

// Two server processes (`server/src/main.ts`, each its own Node process and data dir) on one
// PostgreSQL, behind a load balancer written for the test: HTTP round-robin, each signalling
// WebSocket sent to the process its room's tag picks (the routing docs/deploy.md configures in
// nginx), and — so the case is certain rather than left to the rotation — the host's HTTP pinned
// to the room's signalling process and the learner's to the other one: the learner's pass comes
// from a process that holds no socket of the room, so it can learn the host's peer id only from
// the database, and its admission is signed by another process than the host's key came from.
test.describe.configure({ mode: 'serial' });

let postgres: { url: string; stop(): void };
let proxy: RoundRobinProxy;
const pin: Record<string, number> = {};
const processes: ServerProcess[] = [];
const ownerKey = `lk_demo_${randomBytes(18).toString('base64url')}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startPostgres();
  const ports = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(ports, pin);
  const shared = {
    LECTERN_DATABASE_URL: postgres.url,
    // Every process signs and checks passes, tickets, sessions and admissions with one secret.
    LECTERN_SECRET: randomBytes(32).toString('base64url'),
    LECTERN_PUBLIC_URL: proxy.url,
  };
  // The first process migrates and seeds the demo site; the second starts on the migrated database.
  processes.push(await startServerProcess(ports[0], shared, ownerKey));
  processes.push(await startServerProcess(ports[1], shared));
});
test.afterAll(async () => {
  await proxy?.stop();
  for (const p of processes) await p.stop();
  postgres?.stop();
});

test('a learner whose requests reach another process than the host’s gets the host’s picture and chat', async ({
  browser,
}) => {
  const server = {
    url: proxy.url,
    async ownerAuth() {
      const res = await fetch(`${proxy.url}/v1/owner/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ siteId: 'demo', key: ownerKey }),
      });
      if (!res.ok) throw new Error(`owner session: ${res.status} ${await res.text()}`);
      return { Authorization: `Bearer ${(await res.json()).token}` };
    },
  };
  const workshopId = await openWorkshop(server, 'Two processes');
  // The room's tag (`roomTagOf` in server/src/rooms/room-pass.ts) picks its signalling process.
  const signallingProcess = Number.parseInt(sha256(`room:${workshopId}`).slice(0, 8), 16) % 2;
  pin.host = signallingProcess;
  pin.learner = 1 - signallingProcess;
  const ticket = await buyTicket(proxy.url, workshopId);
  const roomUrl = `${proxy.url}/room/${workshopId}`;

  const hostContext = await roomContext(browser, undefined, {
    extraHTTPHeaders: { [CLIENT_HEADER]: 'host' },
  });
  const learnerContext = await roomContext(browser, watchFirstFrame, {
    extraHTTPHeaders: { [CLIENT_HEADER]: 'learner' },
  });
  try {
    const host = await hostContext.newPage();
    const learner = await learnerContext.newPage();
    await startAsHost(host, roomUrl, ownerKey);
    await joinAsLearner(learner, `${roomUrl}#ticket=${ticket}`, 'Ada');

    await expect(room(learner).locator('[data-phase=live]')).toBeVisible({ timeout: 30_000 });
    const frames = await videoFrames(learner);
    expect(frames.width).toBeGreaterThan(0);
    expect(frames.advancing).toBeGreaterThan(2);

    await room(learner).getByLabel('Message').fill('Hello from process one');
    await room(learner).getByLabel('Message').press('Enter');
    await expect(room(host).locator('.messages')).toContainText('Hello from process one');
    await room(host).getByLabel('Message').fill('Welcome, from process zero');
    await room(host).getByRole('button', { name: 'Send' }).click();
    await expect(room(learner).locator('.messages')).toContainText('Welcome, from process zero');

    // Where the requests went: each side's pass came from a different process, and both
    // signalling sockets reached the one process the room's tag picks.
    const joins = (client: string) =>
      proxy.served.filter((s) => s.client === client && s.kind === 'http' && s.path.endsWith('/join'));
    expect(joins('host').length).toBeGreaterThan(0);
    expect(joins('learner').length).toBeGreaterThan(0);
    expect(new Set(joins('host').map((s) => s.backend))).toEqual(new Set([signallingProcess]));
    expect(new Set(joins('learner').map((s) => s.backend))).toEqual(new Set([1 - signallingProcess]));
    const sockets = proxy.served.filter((s) => s.kind === 'ws');
    const role = (path: string) => /[?&]id=(l[hl])-/.exec(path)?.[1];
    expect(new Set(sockets.map((s) => role(s.path)))).toEqual(new Set(['lh', 'll']));
    expect(new Set(sockets.map((s) => s.backend))).toEqual(new Set([signallingProcess]));
    // The requests without a pinned client (the test's own setup) were spread over both.
    const unpinned = proxy.served.filter((s) => s.kind === 'http' && s.client === '');
    expect(new Set(unpinned.map((s) => s.backend))).toEqual(new Set([0, 1]));
  } finally {
    await hostContext.close();
    await learnerContext.close();
  }
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
