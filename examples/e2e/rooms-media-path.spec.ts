import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  mintTicket,
  openWorkshop,
  room,
  roomContext,
  startAsHost,
  videoFrames,
  watchFirstFrame,
} from './rooms-harness/room-fixtures.ts';

// A learner page loaded before the host's picture came with the connection's first answer: its
// offer asks to receive nothing (Chromium would honour the legacy options it drops here).
function offerAsksForNoMedia() {
  const createOffer = RTCPeerConnection.prototype.createOffer as (
    this: RTCPeerConnection,
  ) => Promise<RTCSessionDescriptionInit>;
  Object.defineProperty(RTCPeerConnection.prototype, 'createOffer', {
    configurable: true,
    value(this: RTCPeerConnection) {
      return createOffer.call(this);
    },
  });
}

/** The widget's User Timing marks on the learner's way in, ms since the page's time origin. */
const marks = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lectern:room:'))
        .map((m) => [m.name.slice('lectern:room:'.length), m.startTime]),
    ),
  ) as Promise<Record<string, number>>;

test('the host picture comes with the answer to the learner first offer; an older page gets it over the data channel', async ({
  browser,
  server,
}) => {
  const workshopId = await openWorkshop(server, 'Media path test');
  const url = `${server.url}/room/${workshopId}`;
  const hostContext = await roomContext(browser);
  const current = await roomContext(browser, watchFirstFrame);
  const older = await roomContext(browser, watchFirstFrame);
  await older.addInitScript(offerAsksForNoMedia);
  try {
    await startAsHost(await hostContext.newPage(), url, server.ownerKey);
    const pages: Page[] = [];
    for (const [context, name] of [
      [current, 'Nia'],
      [older, 'Oz'],
    ] as const) {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${url}#ticket=${await mintTicket(server, workshopId)}`);
      await room(page).getByLabel('Your name (shown to others)').fill(name);
      await room(page).getByRole('button', { name: 'Join the room' }).click();
      await expect(room(page).locator('[data-phase=live]')).toBeVisible();
      const v = await videoFrames(page);
      expect(v.advancing).toBeGreaterThan(2);
      expect(await page.evaluate(`window.__firstFrame.then((f) => [f.width, f.height])`)).toEqual([640, 480]);
    }
    const [now, before] = await Promise.all(pages.map(marks));
    // Current page: the tracks arrived with the host's answer, before the data channel opened,
    // and no offer came over it.
    expect(now.media).toBeLessThan(now.host);
    expect(now.call).toBeUndefined();
    // Older page: the host offered its tracks over the open data channel, and the page answered.
    expect(before.call).toBeGreaterThan(before.host);
    expect(before.media).toBeGreaterThan(before.call);
  } finally {
    for (const c of [hostContext, current, older]) await c.close();
  }
});
