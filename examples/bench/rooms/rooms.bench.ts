// `npm run bench` (rooms): learner join → first host video frame, median and p95, for 1 (joins
// each alone in the room), 5 and 10 learners (joining one after another), next to raw PeerJS
// doing the same in the same run (rooms of both sides alternating A-B, B-A, A-B…, joins pooled); host sent
// bitrate and CPU with 10 learners; where the time goes (the widget's User Timing marks, and the
// same steps for raw PeerJS). `BENCH_ROOM_SIZES=1` runs only some sizes, `BENCH_ROOM_ROUNDS`
// sets the rounds, `BENCH_ROOM_VERBOSE=1` prints every join. Prints progress, then one JSON line; also writes benchmarks/results/rooms.json.
// The Lectern side is in lectern-run.ts, raw PeerJS in raw-peerjs.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer } from '@lectern/server';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../e2e/harness/chromium.ts';
import { freePort } from '../../e2e/harness/lectern-server.ts';
import { roomScript } from '../../e2e/rooms-harness/build-room.ts';
import { mintTicket, openWorkshop } from '../../e2e/rooms-harness/room-fixtures.ts';
import { hostLoad } from './host-load.ts';
import { lecternRun } from './lectern-run.ts';
import { rawRun, startRawPeerServer } from './raw-peerjs.ts';
import { type JoinStats, medianSteps, stats } from './stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SIZES = (process.env.BENCH_ROOM_SIZES ?? '1,5,10').split(',').map(Number);
/** "1 learner" is this many joins per round, each alone in the room (one join is too noisy a sample). */
const SINGLE_JOINS = 6;
/**
 * Each size runs this many rooms per side (raw PeerJS and Lectern), alternating A-B, B-A, A-B…, and pools
 * their joins: one room of ten on two busy cores is one sample of the machine's mood.
 */
const ROUNDS = Number(process.env.BENCH_ROOM_ROUNDS ?? 8);
const log = (...a: unknown[]) => console.log(...a);
/** After closing a room's pages: Chromium tears their processes down in the background; the next run starts on a quiet machine. */
const settle = () => new Promise((r) => setTimeout(r, 3000));

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
  const rawServer = await startRawPeerServer(peerPort);
  const script = await roomScript();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const result: Record<string, unknown> = { name: 'rooms' };
  try {
    // An owner session; each room gets a workshop of its own, open now (see openWorkshop).
    const auth = await fetch(`${url}/v1/owner/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: 'demo', key: running.demo!.ownerKey }),
    }).then((r) => r.json());
    const owner = { url, ownerAuth: async () => ({ Authorization: `Bearer ${auth.token}` }) };

    const ours: Record<string, JoinStats> = {};
    const raw: Record<string, JoinStats> = {};
    const breakdown: Record<string, Record<string, number>> = {};
    const rawBreakdown: Record<string, Record<string, number>> = {};
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
            const r = await rawRun(browser, rawServer.pageUrl, peerPort, joins, n === 1);
            rawTimes.push(...r.times);
            rawSteps.push(...r.steps);
          } else {
            // One workshop per room, so every room starts empty.
            const workshopId = await openWorkshop(owner, `Bench ${n} #${round + 1}`);
            const run = await lecternRun(
              browser,
              {
                url,
                ownerKey: running.demo!.ownerKey,
                workshopId,
                // A paid order and its ticket, written as checkout would (before the clock starts).
                ticket: () => mintTicket({ dataDir }, workshopId),
                script,
              },
              joins,
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
  rawServer.stop();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
