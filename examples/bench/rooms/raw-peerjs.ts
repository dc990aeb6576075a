// The rooms benchmark's reference: raw PeerJS doing what a Lectern room does (a host calls each
// learner that connects), on a page that draws the host's picture as Lectern's room page does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOM_PAGE_CSS } from '@lectern/server/test-support';
import type { Browser, BrowserContext } from '@playwright/test';
import { build } from 'esbuild';
import { PeerServer } from 'peer';

const here = path.dirname(fileURLToPath(import.meta.url));
const VERBOSE = process.env.BENCH_ROOM_VERBOSE === '1';

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
import { ROOM_CSS } from '@lectern/widget/room/style';
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

/**
 * A PeerServer on `port` that also serves the raw page (`/__raw-peerjs`, same origin as its
 * signalling). Returns the page's URL and a function that drops its listeners.
 */
export async function startRawPeerServer(port: number) {
  const server = PeerServer({ port, path: '/' });
  const bundle = (
    await build({
      stdin: { contents: RAW_PAGE_SCRIPT, resolveDir: here },
      bundle: true,
      format: 'esm',
      write: false,
    })
  ).outputFiles[0].text;
  server.get('/__raw-peerjs', (_req, res) => {
    res.type('html').send(RAW_PAGE_HTML);
  });
  server.get('/__raw-peerjs.js', (_req, res) => {
    res.type('js').send(bundle);
  });
  return {
    pageUrl: `http://localhost:${port}/__raw-peerjs`,
    stop: () => server.removeAllListeners(),
  };
}

/** A raw PeerJS host and `n` learners joining one after another: each join's first frame and steps, ms after the click. */
export async function rawRun(
  browser: Browser,
  pageUrl: string,
  peerPort: number,
  n: number,
  leaveAfter = false,
) {
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
    if (VERBOSE)
      console.log(`  raw join ${i + 1}/${n}: ${Math.round(run.frame)} ms ${JSON.stringify(run.steps)}`);
    if (leaveAfter) await page.context().close();
  }
  await Promise.all(contexts.map((c) => c.close()));
  return { times, steps };
}
