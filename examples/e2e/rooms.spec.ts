import { LOBBY_CHECK_MS, ROSTER_SWEEP_MS } from '@lectern/widget/room/protocol';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  joinAsLearner,
  mintTicket,
  openWorkshop,
  peakAudio,
  room,
  roomContext,
  startAsHost,
  videoFrames,
  watchFirstFrame,
} from './rooms-harness/room-fixtures.ts';

// One room, one host and three learners, reused across the steps below (serial: each step
// builds on the room the previous one left).
test.describe.configure({ mode: 'serial' });

// The host's "screen": a red canvas stream stands in for getDisplayMedia, which has no picker to
// answer in headless Chromium. Everything after the capture (track switch, delivery) is real.
function fakeScreen() {
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const g = canvas.getContext('2d')!;
    setInterval(() => {
      g.fillStyle = '#ff0000';
      g.fillRect(0, 0, 640, 360);
    }, 50);
    const stream = canvas.captureStream(15);
    Object.defineProperty(stream.getVideoTracks()[0], 'label', { value: 'screen:0:0' });
    return stream;
  };
}

let workshopId: string;
let hostContext: BrowserContext;
let host: Page;
const learners: { context: BrowserContext; page: Page; name: string; ticket: string }[] = [];

test.beforeAll(async ({ browser, server }) => {
  workshopId = await openWorkshop(server);
  hostContext = await roomContext(browser, fakeScreen);
  host = await hostContext.newPage();
  for (const name of ['Ada', 'Bo', 'Cy']) {
    const context = await roomContext(browser, watchFirstFrame);
    learners.push({
      context,
      page: await context.newPage(),
      name,
      ticket: await mintTicket(server, workshopId),
    });
  }
});
test.afterAll(async () => {
  for (const c of [hostContext, ...learners.map((l) => l.context)]) await c?.close();
});

const roomUrl = (base: string) => `${base}/room/${workshopId}`;

test('host and three learners: every learner receives the host video', async ({ server }) => {
  // The host admits learners on the admission the server signed into their pass (WebCrypto on
  // this http://localhost page), so it never needs to read the roster for them.
  // (The host also re-reads the roster every ROSTER_SWEEP_MS to let refunded tickets go: reads
  // from the first sweep on are not admissions, and a busy machine can take that long.)
  const rosterReads: string[] = [];
  const started = Date.now();
  host.on('request', (r) => {
    if (r.url().includes('/roster') && Date.now() - started < ROSTER_SWEEP_MS) rosterReads.push(r.url());
  });
  await startAsHost(host, roomUrl(server.url), server.ownerKey);
  // The join screen is the room itself with the form over its stage: "Join" does not rebuild the
  // room, the very video element under the form gets the host's picture.
  const [ada] = learners;
  await ada.page.goto(`${roomUrl(server.url)}#ticket=${ada.ticket}`);
  const lobby = room(ada.page).locator('[data-phase=lobby]');
  await expect(lobby.locator('.stage').getByRole('button', { name: 'Join the room' })).toBeVisible();
  // "In the room" once the host's signalling socket is up: at once if it was when the pass was
  // fetched, else at the join screen's next check.
  await expect(lobby.locator('.stage [role=status]')).toHaveText('Test Host is in the room.', {
    timeout: LOBBY_CHECK_MS + 10_000,
  });
  const stageVideo = await lobby.locator('.stage video').elementHandle();
  await room(ada.page).getByLabel('Your name (shown to others)').fill(ada.name);
  await room(ada.page).getByRole('button', { name: 'Join the room' }).click();
  for (const l of learners.slice(1))
    await joinAsLearner(l.page, `${roomUrl(server.url)}#ticket=${l.ticket}`, l.name);
  await expect
    .poll(() =>
      stageVideo?.evaluate((v: HTMLVideoElement) => v.isConnected && v.srcObject instanceof MediaStream),
    )
    .toBe(true);
  for (const l of learners) {
    await expect(room(l.page).locator('[data-phase=live]')).toBeVisible();
    const v = await videoFrames(l.page);
    expect(v.width).toBeGreaterThan(0);
    expect(v.height).toBeGreaterThan(0);
    expect(v.advancing).toBeGreaterThan(2);
    // The very first picture is the camera's full size (Chromium's fake camera: 640×480), not a
    // quarter of it while the new connection's bandwidth estimate starts low.
    const first = await l.page.evaluate(`window.__firstFrame.then((f) => [f.width, f.height])`);
    expect(first).toEqual([640, 480]);
  }
  await expect(room(host).getByRole('heading', { name: 'Participants (4)' })).toBeVisible();
  expect(rosterReads).toEqual([]);
});

test('chat, Q&A with upvotes, polls and raised hands round-trip through the host', async () => {
  const [ada, bo, cy] = learners.map((l) => room(l.page));
  await ada.getByLabel('Message').fill('Hello from Ada <b>bold?</b>');
  await ada.getByLabel('Message').press('Enter');
  for (const r of [room(host), bo, cy])
    await expect(r.locator('.messages')).toContainText('Hello from Ada <b>bold?</b>');
  await room(host).getByLabel('Message').fill('Welcome all');
  await room(host).getByRole('button', { name: 'Send' }).click();
  await expect(cy.locator('.messages')).toContainText('Welcome all');
  // The host is marked in the chat and the participant list; learners are not.
  await expect(cy.locator('.messages li', { hasText: 'Welcome all' }).locator('.role-badge')).toHaveText(
    'Host',
  );
  await expect(cy.locator('.messages li', { hasText: 'Hello from Ada' }).locator('.role-badge')).toHaveCount(
    0,
  );
  await expect(cy.locator('.participants .role-badge')).toHaveCount(1);

  await bo.getByLabel('Your question').fill('How long to proof?');
  await bo.getByRole('button', { name: 'Ask' }).click();
  await expect(ada.locator('.question-list')).toContainText('How long to proof?');
  await ada
    .locator('.question-list')
    .getByRole('button', { name: /Upvote/ })
    .click();
  await cy
    .locator('.question-list')
    .getByRole('button', { name: /Upvote/ })
    .click();
  await expect(room(host).locator('.question-list')).toContainText('2 votes');
  await room(host).getByRole('button', { name: 'Mark answered' }).click();
  await expect(bo.locator('.question-list')).toContainText('Answered');

  await room(host).getByLabel('Poll question').fill('Rye or wheat?');
  await room(host).getByLabel('Options, one per line').fill('Rye\nWheat');
  await room(host).getByRole('button', { name: 'Create poll' }).click();
  await ada.getByRole('button', { name: 'Rye' }).click();
  await bo.getByRole('button', { name: 'Wheat' }).click();
  await cy.getByRole('button', { name: 'Rye' }).click();
  await expect(room(host).locator('.poll')).toContainText('Rye 2 votes');
  await expect(bo.locator('.poll')).toContainText('Wheat 1 vote');

  await cy.getByRole('button', { name: /Raise hand/ }).click();
  await expect(room(host).locator('.participants li', { hasText: 'Cy' }).locator('.p-hand')).toBeVisible();
  await expect(ada.locator('.participants li', { hasText: 'Cy' }).locator('.p-hand')).toBeVisible();
});

test('an invited speaker is heard by the other learners', async () => {
  // Mute the host so that any sound Bo hears can only come from the speaker.
  await room(host).getByRole('button', { name: 'Mute my microphone' }).click();
  const [ada, bo] = learners;
  await expect.poll(() => peakAudio(bo.page, 1500), { timeout: 20_000 }).toBeLessThan(0.01);
  await room(host)
    .locator('.participants li', { hasText: 'Ada' })
    .getByRole('button', { name: 'Invite to speak' })
    .click();
  await room(ada.page).getByRole('button', { name: 'Start speaking' }).click();
  await expect(room(host).locator('.participants li', { hasText: 'Ada' })).toContainText('speaking');
  await expect.poll(() => peakAudio(bo.page), { timeout: 20_000 }).toBeGreaterThan(0.05);
  await room(host)
    .locator('.participants li', { hasText: 'Ada' })
    .getByRole('button', { name: 'Mute' })
    .click();
  await room(host).getByRole('button', { name: 'Unmute my microphone' }).click();
});

test('screen share reaches the learners', async () => {
  await room(host).getByRole('button', { name: 'Share screen' }).click();
  for (const l of learners) {
    await expect(room(l.page).locator('.badge')).toHaveText('Screen share');
    await expect
      .poll(
        () =>
          l.page.evaluate(() => {
            const video = document.querySelector('lectern-room')!.shadowRoot!.querySelector('video')!;
            const c = document.createElement('canvas');
            c.width = 8;
            c.height = 8;
            c.getContext('2d')!.drawImage(video, 0, 0, 8, 8);
            const [r, g, b] = c.getContext('2d')!.getImageData(4, 4, 1, 1).data;
            return r > 200 && g < 60 && b < 60;
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
  }
  await room(host).getByRole('button', { name: 'Stop sharing' }).click();
  await expect(room(learners[0].page).locator('.badge')).toHaveCount(0);
});

test('a learner whose network drops comes back into the room', async () => {
  const cy = learners[2];
  await cy.context.setOffline(true);
  await cy.page.waitForTimeout(3000);
  await cy.context.setOffline(false);
  await expect(room(cy.page).locator('[data-phase=live]')).toBeVisible({ timeout: 30_000 });
  await room(cy.page).getByLabel('Message').fill('Cy is back');
  await room(cy.page).getByLabel('Message').press('Enter');
  await expect(room(host).locator('.messages')).toContainText('Cy is back');
  expect((await videoFrames(cy.page)).advancing).toBeGreaterThan(2);
});

test('the same ticket on a second device: opening the page pushes nobody out, joining takes the seat', async ({
  browser,
  server,
}) => {
  const bo = learners[1];
  const context = await roomContext(browser);
  const phone = await context.newPage();
  // The join screen fetches its pass at once (no name typed: "Join" then uses it as it is).
  const fetched = phone.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST');
  await phone.goto(`${roomUrl(server.url)}#ticket=${bo.ticket}`);
  expect((await fetched).status()).toBe(201);
  await room(phone).getByRole('button', { name: 'Join the room' }).waitFor();
  // The server still counts the laptop as the seat: three learners, all online (the phone's
  // unused pass is nobody in the room yet).
  const roster = async () =>
    (
      await fetch(`${server.url}/v1/rooms/${workshopId}/roster`, { headers: await server.ownerAuth() }).then(
        (r) => r.json(),
      )
    ).learners as { peerId: string; online: boolean }[];
  const before = await roster();
  expect(before.map((l) => l.online)).toEqual([true, true, true]);
  // The first device is still in the room: its chat still reaches the host.
  await room(bo.page).getByLabel('Message').fill('Bo on the laptop');
  await room(bo.page).getByLabel('Message').press('Enter');
  await expect(room(host).locator('.messages')).toContainText('Bo on the laptop');
  await expect(room(bo.page).locator('[data-phase=live]')).toBeVisible();

  const joins: string[] = [];
  phone.on('request', (r) => {
    if (r.url().endsWith('/join')) joins.push(r.url());
  });
  await room(phone).getByRole('button', { name: 'Join the room' }).click();
  await expect(room(phone).locator('[data-phase=live]')).toBeVisible();
  expect(joins).toEqual([]);
  await expect(room(bo.page)).toContainText('This ticket joined from another device.');
  expect((await videoFrames(phone)).advancing).toBeGreaterThan(2);
  // One seat: still four participants, and the seat keeps its name.
  await expect(room(host).getByRole('heading', { name: 'Participants (4)' })).toBeVisible();
  await expect(room(host).locator('.participants')).toContainText('Bo');
  const after = await roster();
  expect(after).toHaveLength(3);
  expect(after.every((l) => l.online)).toBe(true);
  expect(after.filter((l) => !before.some((b) => b.peerId === l.peerId))).toHaveLength(1);
  await bo.context.close();
  learners[1] = { ...bo, context, page: phone };
});

test('when the host reloads, learners see the host is away and then recover', async ({ server }) => {
  await host.reload();
  await expect(room(learners[0].page)).toContainText('The host is away', { timeout: 15_000 });
  await startAsHost(host, roomUrl(server.url), server.ownerKey);
  for (const l of learners) {
    await expect(room(l.page).locator('[data-phase=live]')).toBeVisible({ timeout: 30_000 });
    expect((await videoFrames(l.page)).advancing).toBeGreaterThan(2);
  }
  await expect(room(host).getByRole('heading', { name: 'Participants (4)' })).toBeVisible();
});

test('after the host ends the room, learners rate it and only the owner sees the score', async ({
  server,
}) => {
  await room(host).getByRole('button', { name: 'End the room' }).click();
  await room(host).locator('dialog').getByRole('button', { name: 'End the room' }).click();
  const scores = [
    [5, 4, 3],
    [4, 4, 4],
  ];
  for (const [i, [c, ins, int]] of scores.entries()) {
    const r = room(learners[i].page);
    await expect(r.getByText('How was the workshop?')).toBeVisible({ timeout: 15_000 });
    await r.getByRole('group', { name: 'Content' }).getByLabel(String(c)).check();
    await r.getByRole('group', { name: 'Instructor' }).getByLabel(String(ins)).check();
    await r.getByRole('group', { name: 'Interactivity' }).getByLabel(String(int)).check();
    if (i === 0) await r.getByLabel('Comment (optional)').fill('Loved the Q&A');
    await r.getByRole('button', { name: 'Send rating' }).click();
    await expect(r.getByText('Thank you for your rating!')).toBeVisible();
  }
  const rows = server.query<{ content: number }>(
    'select content from ratings where workshop_id = ?',
    workshopId,
  );
  expect(rows.map((r) => r.content).sort()).toEqual([4, 5]);
  const url = `${server.url}/v1/rooms/${workshopId}/ratings`;
  expect((await fetch(url)).status).toBe(401);
  const summary = await (await fetch(url, { headers: await server.ownerAuth() })).json();
  // Averages 4.5 / 4 / 3.5 → S = 0.4·4.5 + 0.3·4 + 0.3·3.5 = 4.05
  expect(summary).toMatchObject({ count: 2, satisfaction: 4.05, comments: [{ comment: 'Loved the Q&A' }] });
  // Attendance and interaction counts (never message text) are in the learner's behaviour log.
  const events = await learners[0].page.evaluate(
    () =>
      new Promise<{ type: string; label?: string; value?: number }[]>((resolve, reject) => {
        const open = indexedDB.open('lectern-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );
  const types = events.map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['room_join', 'room_leave', 'room_interaction', 'rating']));
  expect(events.filter((e) => e.type === 'room_interaction').map((e) => e.label)).toEqual(
    expect.arrayContaining(['chat', 'poll_vote', 'upvote', 'speak']),
  );
  expect(JSON.stringify(events)).not.toContain('Hello from Ada');
});
