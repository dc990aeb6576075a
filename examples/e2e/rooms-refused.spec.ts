import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  joinAsLearner,
  mintTicket,
  openWorkshop,
  refundTicket,
  room,
  roomContext,
  startAsHost,
  videoFrames,
} from './rooms-harness/room-fixtures.ts';

// Everyone without a valid pass is refused: by the join endpoint (no ticket, another workshop's,
// expired, refunded) or at the WebSocket (forged peer id/token), and never receives media.

/** Counts the RTCPeerConnections a page creates and the remote tracks they receive. */
function watchPeerConnections() {
  const w = window as unknown as { __pcs: number; __tracks: number };
  w.__pcs = 0;
  w.__tracks = 0;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs++;
      this.addEventListener('track', () => w.__tracks++);
    }
  } as typeof RTCPeerConnection;
}
const media = (page: Page) => page.evaluate(() => (window as unknown as { __tracks: number }).__tracks);

test('refused tickets never reach the room, forged signalling credentials are refused at the WebSocket', async ({
  browser,
  server,
}) => {
  const workshopId = await openWorkshop(server, 'Refusals');
  const otherWorkshop = await openWorkshop(server, 'Another room');
  const hostContext = await roomContext(browser);
  const host = await hostContext.newPage();
  await startAsHost(host, `${server.url}/room/${workshopId}`, server.ownerKey);

  const context = await roomContext(browser, watchPeerConnections);
  const page = await context.newPage();
  const url = `${server.url}/room/${workshopId}`;
  try {
    await page.goto(url);
    await expect(room(page)).toContainText('We could not find your ticket on this device');

    const cases = [
      ['another workshop', await mintTicket(server, otherWorkshop), 'This ticket is for another workshop'],
      ['expired', await mintTicket(server, workshopId, { expiresAt: Date.now() - 60_000 }), 'expired'],
      ['refunded', await mintTicket(server, workshopId, { status: 'refunded' }), 'revoked'],
    ] as const;
    for (const [, ticket, message] of cases) {
      await page.goto(`${url}#ticket=${ticket}`);
      await page.reload();
      // The join screen asks for its pass at once: the refusal shows before anyone clicks…
      await expect(room(page).getByRole('alert')).toContainText(message);
      // …and "Join" asks again and says the same.
      await room(page).getByRole('button', { name: 'Join the room' }).click();
      await expect(room(page).getByRole('alert')).toContainText(message);
    }
    expect(await media(page)).toBe(0);

    // A forged pass: PeerJS's own client with an id/token the server never issued.
    const valid = await (
      await fetch(`${server.url}/v1/rooms/${workshopId}/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticket: await mintTicket(server, workshopId) }),
      })
    ).json();
    const outcomes = await page.evaluate(
      async ({ port, valid }) => {
        const attempt = (id: string, token: string) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(
              `ws://localhost:${port}/peerjs/peerjs?key=lectern&id=${id}&token=${token}`,
            );
            ws.onmessage = (e) => resolve(`open:${JSON.parse(e.data).type}`);
            ws.onerror = () => resolve('refused');
          });
        return [
          await attempt('ll-forged000000000000000000', valid.token),
          await attempt(
            valid.peerId,
            `${valid.token.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
          ),
          await attempt(valid.peerId, valid.token),
        ];
      },
      { port: new URL(server.url).port, valid },
    );
    expect(outcomes).toEqual(['refused', 'refused', 'open:OPEN']);
    // Nothing was ever received by this page.
    expect(await media(page)).toBe(0);
    await expect(room(host).getByRole('heading', { name: 'Participants (1)' })).toBeVisible();
  } finally {
    await context.close();
    await hostContext.close();
  }
});

test('a ticket refunded during the room: the host lets the learner go, and the pass opens nothing again', async ({
  browser,
  server,
}) => {
  const workshopId = await openWorkshop(server, 'Refund during the room');
  const url = `${server.url}/room/${workshopId}`;
  const hostContext = await roomContext(browser);
  const context = await roomContext(browser);
  try {
    const host = await hostContext.newPage();
    await startAsHost(host, url, server.ownerKey);
    const page = await context.newPage();
    const ticket = await mintTicket(server, workshopId);
    await joinAsLearner(page, `${url}#ticket=${ticket}`, 'Refunded Reader');
    await expect(room(page).locator('[data-phase=live]')).toBeVisible();
    expect((await videoFrames(page)).advancing).toBeGreaterThan(2);
    await expect(room(host).getByRole('heading', { name: 'Participants (2)' })).toBeVisible();

    // Refunded elsewhere (no event reaches this server): the host's roster check lets them go.
    await refundTicket(server, ticket);
    // Two roster checks in a row (every 10 s) must miss them: 10–20 s.
    await expect(room(page)).toContainText('This ticket is no longer valid', { timeout: 35_000 });
    await expect(room(page).locator('video')).toHaveCount(0);
    await expect(room(host).getByRole('heading', { name: 'Participants (1)' })).toBeVisible();
    // Coming back is refused at the join screen.
    await page.reload();
    await expect(room(page).getByRole('alert')).toContainText('revoked');
  } finally {
    await context.close();
    await hostContext.close();
  }
});
