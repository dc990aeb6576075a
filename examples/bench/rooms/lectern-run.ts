// One Lectern room in the rooms benchmark: the owner starts it as host, then learners join one
// after another, each timed from their click on "Join the room" to the host's first frame.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import { watchFirstFrame } from '../../e2e/rooms-harness/room-fixtures.ts';
import { collectPeerConnections } from './host-load.ts';

const VERBOSE = process.env.BENCH_ROOM_VERBOSE === '1';

/** ms from `start` (the click, performance.now) to the first presented frame of the room video. */
function firstFrameSince(page: Page, start: number): Promise<number> {
  return page.evaluate(`window.__firstFrame.then((f) => f.at - ${start})`);
}

export type LecternRoom = {
  url: string;
  ownerKey: string;
  workshopId: string;
  /** A fresh learner ticket for the workshop. */
  ticket: () => Promise<string>;
  /** The room script to serve as `/lectern.js` (see rooms-harness/build-room.ts), or null for the real build. */
  script: string | null;
};

/** The host and `n` learners; with `leaveAfter` each learner leaves before the next one joins. */
export async function lecternRun(browser: Browser, room: LecternRoom, n: number, leaveAfter = false) {
  const { url, ownerKey, workshopId, ticket, script } = room;
  const contexts: BrowserContext[] = [];
  const ctx = async (init?: () => void) => {
    const c = await browser.newContext();
    contexts.push(c);
    if (script)
      await c.route('**/lectern.js', (r) => r.fulfill({ body: script, contentType: 'text/javascript' }));
    if (init) await c.addInitScript(init);
    return c.newPage();
  };
  const host = await ctx(collectPeerConnections);
  await host.goto(`${url}/room/${workshopId}`);
  const hr = host.locator('lectern-room');
  await hr.getByRole('button', { name: 'Host this workshop' }).click();
  await hr.getByLabel('Owner key').fill(ownerKey);
  await hr.getByRole('button', { name: 'Start the room' }).click();
  await hr.locator('[data-role=host]').waitFor();
  await host.waitForFunction(() => (window as unknown as { __pcs: unknown[] }).__pcs !== undefined);
  const times: number[] = [];
  const steps: Record<string, number>[] = [];
  const pages: Page[] = [];
  for (let i = 0; i < n; i++) {
    const page = await ctx(watchFirstFrame);
    pages.push(page);
    // The join screen fetches the learner's pass while it shows and then says whether the host
    // is in; a person reads that before clicking, so the click comes once it shows.
    await page.goto(`${url}/room/${workshopId}#ticket=${await ticket()}`);
    const join = page.locator('lectern-room').getByRole('button', { name: 'Join the room' });
    await join.waitFor();
    await page.locator('lectern-room').locator('[data-phase=lobby] [role=status]').waitFor();
    // The clock starts at the click: signalling + host's admission + call + media. A real
    // (trusted) click, as a person's: it also grants the user activation that lets the room play
    // the host's sound, where a scripted click would leave the video to start muted after a refusal.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (e) => {
          (window as unknown as { __clickAt: number }).__clickAt = e.timeStamp;
        },
        { capture: true, once: true },
      );
    });
    await join.click();
    const start = (await page.evaluate('window.__clickAt')) as number;
    times.push(await firstFrameSince(page, start));
    // Where the time went: the widget's User Timing marks, ms after the click (first of each).
    steps.push(
      (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lectern:room:'))
        .reverse()
        .map((m) => [m.name.slice(13), Math.round(m.startTime - ${start})])
        .concat(performance.getEntriesByType('resource')
          .filter((r) => r.name.endsWith('/join') && r.startTime >= ${start})
          .slice(0, 1)
          .flatMap((r) => [['joinSent', Math.round(r.startTime - ${start})], ['joinAnswered', Math.round(r.responseEnd - ${start})]])))`)) as Record<
        string,
        number
      >,
    );
    if (VERBOSE)
      console.log(`  lectern join ${i + 1}/${n}: ${Math.round(times[i])} ms ${JSON.stringify(steps[i])}`);
    if (leaveAfter) await page.context().close();
  }
  return { times, steps, host, close: async () => Promise.all(contexts.map((c) => c.close())) };
}
