// `npm run bench` (rooms): learner join → first host video frame, median and p95, for 1 (joins
// each alone in the room), 5 and 10 learners (joining one after another), next to raw PeerJS
// doing the same in the same run (rooms of both sides alternating A-B, B-A, A-B…, joins pooled); host sent
// bitrate and CPU with 10 learners; where the time goes (the widget's User Timing marks, and the
// same steps for raw PeerJS). `BENCH_ROOM_SIZES=1` runs only some sizes, `BENCH_ROOM_ROUNDS`
// sets the rounds, `BENCH_ROOM_VERBOSE=1` prints every join. Prints progress, then one JSON line; also writes benchmarks/results/rooms.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PeerServer } from 'peer';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../examples/e2e/harness/chromium.ts';
import { freePort } from '../../examples/e2e/harness/lectern-server.ts';
import { roomScript } from '../../examples/e2e/rooms-harness/build-room.ts';
import { watchFirstFrame } from '../../examples/e2e/rooms-harness/room-fixtures.ts';
import { loadConfig } from '../src/config.ts';
import { ROOM_PAGE_CSS } from '../src/rooms/room-page.ts';
import { startServer } from '../src/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZES = (process.env.BENCH_ROOM_SIZES ?? '1,5,10').split(',').map(Number);
/** "1 learner" is this many joins per round, each alone in the room (one join is too noisy a sample). */
const SINGLE_JOINS = 6;
/**
 * Each size runs this many rooms per side (raw PeerJS and Lectern), alternating A-B, B-A, A-B…, and pools
 * their joins: one room of ten on two busy cores is one sample of the machine's mood.
 */
const ROUNDS = Number(process.env.BENCH_ROOM_ROUNDS ?? 8);
const log = (...a: unknown[]) => console.log(...a);
/** `BENCH_ROOM_VERBOSE=1` prints every join's time and steps (to see what the slow ones have in common). */
const VERBOSE = process.env.BENCH_ROOM_VERBOSE === '1';
/** After closing a room's pages: Chromium tears their processes down in the background; the next run starts on a quiet machine. */
const settle = () => new Promise((r) => setTimeout(r, 3000));

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]);
};
const STEPS = ['joinSent', 'joinAnswered', 'pass', 'signalling', 'host', 'call', 'media'];
/** Median of each step; steps a join did not take (no join request after the click: the pass came with the screen) are left out. */
const medianSteps = (runs: Record<string, number>[]) =>
  Object.fromEntries(
    STEPS.flatMap((k) => {
      const xs = runs.map((st) => st[k]).filter((x) => x !== undefined);
      return xs.length ? [[k, quantile(xs, 0.5)]] : [];
    }),
  );
const stats = (xs: number[]) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

/**
 * Raw PeerJS's learner page shows the host's picture as Lectern's room page does (same page CSS,
 * same stage box in a shadow root, same viewport), so both sides pay the same to draw it: a
 * browser without GPU compositing spends real CPU scaling video into a bigger box. The host page
 * gets the same page and no picture (Lectern's host shows a self-view: that cost stays Lectern's).
 */
const RAW_PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Raw PeerJS</title>
<style>${ROOM_PAGE_CSS}</style></head><body><main><h1>Raw PeerJS</h1><button type="button">Join</button>
<div id="room"></div></main><script type="module" src="/__raw-peerjs.js"></script></body></html>`;
const RAW_PAGE_SCRIPT = `
import { Peer } from 'peerjs';
import { ROOM_CSS } from './widget/src/room/room-style.ts';
const root = document.getElementById('room').attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = ROOM_CSS;
const room = document.createElement('div');
room.className = 'room';
const main = document.createElement('div');
main.className = 'main';
const stage = document.createElement('div');
stage.className = 'stage';
const video = document.createElement('video');
video.className = 'video';
video.playsInline = true;
stage.append(video);
main.append(stage);
room.append(main);
root.append(style, room);
window.rawVideo = video;
window.RawPeer = Peer;
`;

/** Collects every RTCPeerConnection so getStats can be read from the page. */
function collectPeerConnections() {
  const w = window as unknown as { __pcs: RTCPeerConnection[] };
  w.__pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  } as typeof RTCPeerConnection;
}

/** ms from `start` (the click, performance.now) to the first presented frame of the room video. */
function firstFrameSince(page: Page, start: number): Promise<number> {
  return page.evaluate(`window.__firstFrame.then((f) => f.at - ${start})`);
}

async function lecternRun(
  browser: Browser,
  url: string,
  ownerKey: string,
  workshopId: string,
  ticket: () => Promise<string>,
  n: number,
  script: string | null,
  leaveAfter = false,
) {
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
    if (VERBOSE) log(`  lectern join ${i + 1}/${n}: ${Math.round(times[i])} ms ${JSON.stringify(steps[i])}`);
    if (leaveAfter) await page.context().close();
  }
  return { times, steps, host, close: async () => Promise.all(contexts.map((c) => c.close())) };
}

async function rawRun(browser: Browser, pageUrl: string, peerPort: number, n: number, leaveAfter = false) {
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const c = await browser.newContext();
    contexts.push(c);
    const p = await c.newPage();
    p.on('pageerror', (e) => console.error('raw page error', e.message));
    p.on('crash', () => console.error('raw page crashed'));
    await p.goto(pageUrl);
    await p.waitForFunction(() => 'RawPeer' in window);
    // tsx's keepNames wraps named functions in the evaluated code with a `__name` helper.
    await p.evaluate('window.__name = (f) => f');
    return p;
  };
  const host = await open();
  const hostId = `rawhost${Date.now()}`;
  await host.evaluate(
    ({ id, port }) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { RawPeer: typeof import('peerjs').Peer };
        navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then((stream) => {
          const peer = new w.RawPeer(id, { host: 'localhost', port, path: '/', config: { iceServers: [] } });
          peer.on('connection', (conn) => conn.on('open', () => peer.call(conn.peer, stream)));
          peer.on('open', () => resolve());
        });
      }),
    { id: hostId, port: peerPort },
  );
  const times: number[] = [];
  const steps: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const page = await open();
    // As a person joins a Lectern room: a real click on "Join" starts the clock, and the host's
    // picture shows with sound in the same box as Lectern's stage (see RAW_PAGE_HTML).
    await page.evaluate(
      ({ hostId, port }) => {
        const w = window as unknown as {
          RawPeer: typeof import('peerjs').Peer;
          rawVideo: HTMLVideoElement;
          __run: Promise<{ frame: number; steps: Record<string, number> }>;
        };
        const button = document.querySelector('button') as HTMLButtonElement;
        w.__run = new Promise((resolve) => {
          button.addEventListener(
            'click',
            (e) => {
              const t0 = e.timeStamp;
              const steps: Record<string, number> = {};
              const at = (k: string) => {
                steps[k] ??= Math.round(performance.now() - t0);
              };
              const peer = new w.RawPeer({ host: 'localhost', port, path: '/', config: { iceServers: [] } });
              peer.on('open', () => {
                at('signalling');
                peer.connect(hostId)?.on('open', () => at('host'));
              });
              peer.on('call', (call) => {
                at('call');
                call.answer();
                call.on('stream', (stream) => {
                  at('media');
                  const v = w.rawVideo;
                  v.srcObject = stream;
                  v.play().catch(() => {});
                  v.requestVideoFrameCallback((now) => resolve({ frame: now - t0, steps }));
                });
              });
            },
            { once: true },
          );
        });
      },
      { hostId, port: peerPort },
    );
    await page.getByRole('button', { name: 'Join' }).click();
    const run = (await page.evaluate('window.__run')) as { frame: number; steps: Record<string, number> };
    times.push(run.frame);
    steps.push(run.steps);
    if (VERBOSE) log(`  raw join ${i + 1}/${n}: ${Math.round(run.frame)} ms ${JSON.stringify(run.steps)}`);
    if (leaveAfter) await page.context().close();
  }
  await Promise.all(contexts.map((c) => c.close()));
  return { times, steps };
}

async function hostLoad(host: Page, seconds: number) {
  const sample = () =>
    host.evaluate(async () => {
      let bytes = 0;
      let encode = 0;
      for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((r) => {
          if (r.type === 'outbound-rtp') {
            bytes += r.bytesSent ?? 0;
            encode += r.totalEncodeTime ?? 0;
          }
        });
      }
      return { bytes, encode, at: performance.now() };
    });
  const cpu0 = os.cpus().map((c) => c.times);
  const a = await sample();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const b = await sample();
  const cpu1 = os.cpus().map((c) => c.times);
  let busy = 0;
  let total = 0;
  cpu1.forEach((t, i) => {
    const d = (k: keyof typeof t) => t[k] - cpu0[i][k];
    const all = d('user') + d('nice') + d('sys') + d('idle') + d('irq');
    busy += all - d('idle');
    total += all;
  });
  const secs = (b.at - a.at) / 1000;
  return {
    sentKbps: Math.round(((b.bytes - a.bytes) * 8) / 1000 / secs),
    encoderBusyPercent: Math.round(((b.encode - a.encode) / secs) * 100),
    machineCpuPercent: Math.round((busy / total) * 100),
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-rooms-'));
  const port = await freePort();
  const running = await startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: String(port),
      LECTERN_PUBLIC_URL: `http://localhost:${port}`,
      LECTERN_DATA_DIR: dataDir,
      LECTERN_RATE_LIMIT_READ: '0',
      LECTERN_RATE_LIMIT_WRITE: '0',
      LECTERN_SEED_DEMO: '1',
    }),
  );
  const url = `http://localhost:${port}`;
  const peerPort = await freePort();
  const rawServer = PeerServer({ port: peerPort, path: '/' });
  const rawBundle = (
    await build({
      stdin: { contents: RAW_PAGE_SCRIPT, resolveDir: root },
      bundle: true,
      format: 'esm',
      write: false,
    })
  ).outputFiles[0].text;
  const script = await roomScript();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  // Raw PeerJS is served by its own PeerServer's express app (same origin as its signalling).
  rawServer.get('/__raw-peerjs', (_req, res) => {
    res.type('html').send(RAW_PAGE_HTML);
  });
  rawServer.get('/__raw-peerjs.js', (_req, res) => {
    res.type('js').send(rawBundle);
  });
  const rawPage = `http://localhost:${peerPort}/__raw-peerjs`;
  const result: Record<string, unknown> = { name: 'rooms' };
  try {
    // Owner session + workshops in their window, one per size so rooms start empty.
    const auth = await fetch(`${url}/v1/owner/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: 'demo', key: running.demo!.ownerKey }),
    }).then((r) => r.json());
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${auth.token}` };
    const { paidTicket } = await import('../src/rooms/test-tickets.ts');
    const { createDeps } = await import('../src/app.ts');
    const { openDatabase } = await import('../src/db/database.ts');
    const { createLogger } = await import('../src/log.ts');
    const db = openDatabase(dataDir);
    const deps = createDeps({
      config: loadConfig({ NODE_ENV: 'test', LECTERN_DATA_DIR: dataDir }),
      db: db.db,
      log: createLogger('silent'),
    });

    const ours: Record<string, ReturnType<typeof stats>> = {};
    const raw: Record<string, ReturnType<typeof stats>> = {};
    const breakdown: Record<string, Record<string, number>> = {};
    const rawBreakdown: Record<string, Record<string, number>> = {};
    const newWorkshop = async (title: string) => {
      const w = await fetch(`${url}/v1/sites/demo/workshops`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title,
          summary: 'bench',
          description: '',
          hostName: 'Bench Host',
          startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
          durationMinutes: 60,
          timeZone: 'UTC',
          capacity: 50,
          priceAmount: 100,
          currency: 'EUR',
          tags: [],
          language: 'en',
        }),
      }).then((r) => r.json());
      await fetch(`${url}/v1/sites/demo/workshops/${w.id}/publish`, { method: 'POST', headers });
      return w.id as string;
    };
    for (const n of SIZES) {
      const joins = n === 1 ? SINGLE_JOINS : n;
      const rawTimes: number[] = [];
      const rawSteps: Record<string, number>[] = [];
      const ourTimes: number[] = [];
      const ourSteps: Record<string, number>[] = [];
      // Rounds in A-B-B-A order (raw, Lectern, Lectern, raw, …), each room on a quiet machine, so
      // neither side always runs first or always after the other's teardown.
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['raw', 'lectern'] as const) : (['lectern', 'raw'] as const);
        for (const side of order) {
          if (side === 'raw') {
            const r = await rawRun(browser, rawPage, peerPort, joins, n === 1);
            rawTimes.push(...r.times);
            rawSteps.push(...r.steps);
          } else {
            // One workshop per room, so every room starts empty.
            const workshopId = await newWorkshop(`Bench ${n} #${round + 1}`);
            const run = await lecternRun(
              browser,
              url,
              running.demo!.ownerKey,
              workshopId,
              async () => (await paidTicket(deps, 'demo', workshopId)).token,
              joins,
              script,
              n === 1,
            );
            ourTimes.push(...run.times);
            ourSteps.push(...run.steps);
            if (n === 10 && round === ROUNDS - 1) {
              const load = await hostLoad(run.host, 5);
              result.host10 = load;
              log(
                `host with 10 learners: sent ${load.sentKbps} kbit/s, encoder busy ${load.encoderBusyPercent}%, machine CPU ${load.machineCpuPercent}%`,
              );
            }
            await run.close();
          }
          await settle();
        }
      }
      raw[n] = stats(rawTimes);
      rawBreakdown[n] = medianSteps(rawSteps);
      ours[n] = stats(ourTimes);
      breakdown[n] = medianSteps(ourSteps);
      log(`${n} learner(s): lectern steps (median ms after the click) ${JSON.stringify(breakdown[n])}`);
      log(`${n} learner(s): raw PeerJS steps (median ms after the start) ${JSON.stringify(rawBreakdown[n])}`);
      log(
        `${n} learner(s): lectern median ${ours[n].median} ms p95 ${ours[n].p95} ms | raw PeerJS median ${raw[n].median} ms p95 ${raw[n].p95} ms (${ours[n].n} joins each)`,
      );
    }
    await db.close();
    result.firstFrameMs = { lectern: ours, rawPeerjs: raw };
    result.lecternStepsMedianMs = breakdown;
    result.rawPeerjsStepsMedianMs = rawBreakdown;
    result.ratioMedian = Object.fromEntries(
      SIZES.map((n) => [n, Math.round((ours[n].median / raw[n].median) * 100) / 100]),
    );
    result.ratioP95 = Object.fromEntries(
      SIZES.map((n) => [n, Math.round((ours[n].p95 / raw[n].p95) * 100) / 100]),
    );
    const h = (result.host10 ?? { sentKbps: 0, machineCpuPercent: 0 }) as {
      sentKbps: number;
      machineCpuPercent: number;
    };
    result.summary = SIZES.map(
      (n) => `${n}L ${ours[n].median}/${ours[n].p95} ms (raw ${raw[n].median}/${raw[n].p95})`,
    )
      .join(', ')
      .concat(
        `; host @10: ${h.sentKbps} kbit/s sent, CPU ${h.machineCpuPercent}% (2 cores, all peers on one machine)`,
      );
  } finally {
    await browser.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(path.join(root, 'benchmarks/results'), { recursive: true });
  writeFileSync(path.join(root, 'benchmarks/results/rooms.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
  // PeerJS's server keeps timers without unref(); nothing else is pending.
  rawServer.removeAllListeners();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
