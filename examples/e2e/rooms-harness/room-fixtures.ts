import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TicketSigner } from '@lectern/server/test-support';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { SharedServer } from '../fixtures.ts';
import { roomScript } from './build-room.ts';

/**
 * A workshop of the demo site whose room is open now (starts in five minutes); `fields` override
 * any of the workshop's fields (price, capacity, start…).
 */
export async function openWorkshop(
  server: Pick<SharedServer, 'url' | 'ownerAuth'>,
  title = 'Live room test',
  fields: Record<string, unknown> = {},
): Promise<string> {
  const auth = await server.ownerAuth();
  const headers = { 'Content-Type': 'application/json', ...auth };
  const res = await fetch(`${server.url}/v1/sites/demo/workshops`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title,
      summary: 'A room for the browser tests.',
      description: '',
      hostName: 'Test Host',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      durationMinutes: 60,
      timeZone: 'UTC',
      capacity: 50,
      priceAmount: 1000,
      currency: 'EUR',
      tags: [],
      language: 'en',
      ...fields,
    }),
  });
  if (!res.ok) throw new Error(`create workshop: ${res.status} ${await res.text()}`);
  const { id } = await res.json();
  const pub = await fetch(`${server.url}/v1/sites/demo/workshops/${id}/publish`, { method: 'POST', headers });
  if (!pub.ok) throw new Error(`publish: ${pub.status} ${await pub.text()}`);
  return id;
}

/**
 * A paid order + active ticket written straight into the server's SQLite file (as the checkout
 * would), and the token signed with the server's secret. `expiresAt` lets a test mint an expired one.
 */
export async function mintTicket(
  server: Pick<SharedServer, 'dataDir'>,
  workshopId: string,
  options: { expiresAt?: number; status?: 'paid' | 'refunded' } = {},
): Promise<string> {
  const db = new Database(path.join(server.dataDir, 'lectern.sqlite'));
  const now = Date.now();
  const orderId = `ord_${randomBytes(9).toString('base64url')}`;
  const ticketId = `tkt_${randomBytes(9).toString('base64url')}`;
  try {
    db.prepare(
      `insert into orders (id, site_id, workshop_id, status, email, amount, currency, provider, created_at, updated_at, paid_at)
       values (?, 'demo', ?, ?, 'learner@example.org', 1000, 'EUR', 'test', ?, ?, ?)`,
    ).run(orderId, workshopId, options.status ?? 'paid', now, now, now);
    db.prepare(
      `insert into tickets (id, order_id, site_id, workshop_id, status, issued_at, revoked_at) values (?, ?, 'demo', ?, ?, ?, ?)`,
    ).run(
      ticketId,
      orderId,
      workshopId,
      options.status === 'refunded' ? 'revoked' : 'active',
      now,
      options.status === 'refunded' ? now : null,
    );
  } finally {
    db.close();
  }
  const secret = readFileSync(path.join(server.dataDir, 'secret'), 'utf8').trim();
  return new TicketSigner(secret).sign(
    { ticketId, orderId, workshopId, siteId: 'demo' },
    options.expiresAt ?? now + 86_400_000,
  );
}

/**
 * Refunds a ticket's order straight in the database, as a refund handled by another server
 * process would: this server gets no event, so nothing but the room's own checks can notice.
 */
export async function refundTicket(server: SharedServer, token: string): Promise<void> {
  const secret = readFileSync(path.join(server.dataDir, 'secret'), 'utf8').trim();
  const { orderId } = await new TicketSigner(secret).verify(token);
  const db = new Database(path.join(server.dataDir, 'lectern.sqlite'));
  try {
    db.prepare(`update orders set status = 'refunded', updated_at = ? where id = ?`).run(Date.now(), orderId);
    db.prepare(`update tickets set status = 'revoked', revoked_at = ? where order_id = ?`).run(
      Date.now(),
      orderId,
    );
  } finally {
    db.close();
  }
}

let script: Promise<string | null> | null = null;

/** A browser context whose room page gets the room script (see build-room.ts). */
export async function roomContext(
  browser: Browser,
  init?: () => void,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  script ??= roomScript();
  const body = await script;
  const context = await browser.newContext(options);
  if (body) {
    await context.route('**/lectern.js', (route) =>
      route.fulfill({
        body,
        contentType: 'text/javascript; charset=utf-8',
        headers: { 'Cache-Control': 'no-store' },
      }),
    );
  }
  if (init) await context.addInitScript(init);
  return context;
}

export const room = (page: Page) => page.locator('lectern-room');

export async function joinAsLearner(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await room(page).getByLabel('Your name (shown to others)').fill(name);
  await room(page).getByRole('button', { name: 'Join the room' }).click();
}

export async function startAsHost(page: Page, url: string, ownerKey: string): Promise<void> {
  await page.goto(url);
  const r = room(page);
  // The room chunk loads lazily: wait for the gate before looking at what it offers.
  await r
    .getByRole('button', { name: /Host this workshop|Start the room/ })
    .first()
    .waitFor();
  if (await r.getByRole('button', { name: 'Host this workshop' }).isVisible()) {
    await r.getByRole('button', { name: 'Host this workshop' }).click();
  }
  const key = r.getByLabel('Owner key');
  if (await key.isVisible()) await key.fill(ownerKey);
  await r.getByRole('button', { name: 'Start the room' }).click();
  await r.locator('[data-role=host]').waitFor();
}

/**
 * Init script: the first video to be given a stream registers for its first presented frame at
 * once, and `window.__firstFrame` resolves with that frame's time (`performance.now()` scale) and
 * size. A page polling for the video instead would wake its main thread while the room starts and
 * could start listening a frame late. Used by the room tests and the rooms benchmark
 * (examples/bench/rooms).
 */
export function watchFirstFrame() {
  const w = window as unknown as { __firstFrame: Promise<{ at: number; width: number; height: number }> };
  const desc = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')!;
  let resolve: (frame: { at: number; width: number; height: number }) => void;
  w.__firstFrame = new Promise((r) => {
    resolve = r;
  });
  let watching = false;
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    configurable: true,
    get() {
      return desc.get!.call(this);
    },
    set(value: MediaProvider | null) {
      desc.set!.call(this, value);
      if (value && !watching && this instanceof HTMLVideoElement) {
        watching = true;
        this.requestVideoFrameCallback((now, meta) =>
          resolve({ at: now, width: meta.width, height: meta.height }),
        );
      }
    },
  });
}

/** Resolves once the room's video shows real frames: size > 0 and `n` new frames presented. */
export function videoFrames(page: Page, n = 5) {
  return page.evaluate(async (count) => {
    const video = document.querySelector('lectern-room')?.shadowRoot?.querySelector('video');
    if (!video) throw new Error('no video');
    const deadline = Date.now() + 15_000;
    while ((!video.srcObject || video.videoWidth === 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    let frames = 0;
    let lastTime = -1;
    let advancing = 0;
    await new Promise<void>((resolve) => {
      const step = (_now: number, meta: { mediaTime: number }) => {
        frames++;
        if (meta.mediaTime > lastTime) advancing++;
        lastTime = meta.mediaTime;
        if (frames >= count || Date.now() > deadline) resolve();
        else video.requestVideoFrameCallback(step);
      };
      video.requestVideoFrameCallback(step);
    });
    return { width: video.videoWidth, height: video.videoHeight, frames, advancing };
  }, n);
}

/** The loudest sample of the room audio heard over `ms` (0 = silence). */
export function peakAudio(page: Page, ms = 2500) {
  return page.evaluate(async (duration) => {
    const video = document.querySelector('lectern-room')?.shadowRoot?.querySelector('video');
    const stream = video?.srcObject as MediaStream | null;
    if (!stream?.getAudioTracks().length) return -1;
    const ctx = new AudioContext();
    await ctx.resume();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let peak = 0;
    const end = Date.now() + duration;
    while (Date.now() < end) {
      analyser.getFloatTimeDomainData(buf);
      for (const v of buf) peak = Math.max(peak, Math.abs(v));
      await new Promise((r) => setTimeout(r, 20));
    }
    await ctx.close();
    return peak;
  }, ms);
}
