import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { type SecondProcess, twoProcesses } from './second-process.ts';

const ORIGIN = 'https://blog.example';
const processes = twoProcesses({
  LECTERN_RECO_RETRAIN_EVENTS: '5',
  LECTERN_RECO_RETRAIN_INTERVAL_SECONDS: '3600',
});
let t: TestApp;
let other: SecondProcess;
beforeEach(() => {
  ({ a: t, b: other } = processes);
});
afterEach(() => {
  t.deps.reco.close();
  other.deps.reco.close();
});

/** `count` interest events of one reader, uploaded through process `p`'s `POST /v1/events`. */
async function upload(p: { app: TestApp['app'] }, siteId: string, workshopId: string, count: number) {
  const anon = randomUUID();
  const events = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    ts: Date.now() - 1000 + i,
    site: siteId,
    anon,
    session: anon,
    type: 'workshop_click',
    workshop: workshopId,
  }));
  const res = await p.app.request('/v1/events', jsonRequest('POST', { events }, { Origin: ORIGIN }));
  expect(res.status).toBe(202);
}

it('retrains a site once per interval when events reach two processes', async () => {
  const site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id);
  const trainA = vi.spyOn(t.deps.reco, 'train');
  const trainB = vi.spyOn(other.deps.reco, 'train');
  await Promise.all([upload(t, site.id, w.id, 5), upload(other, site.id, w.id, 5)]);
  // Both processes see enough events: both background retrains are due at once (zero-delay
  // timers, fired before this later one); the process that lost the lease then waits.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await vi.waitFor(() => {
    const started = trainA.mock.calls.length + trainB.mock.calls.length;
    const waiting = [t, other].filter((p) => p.deps.reco.retrainScheduled(site.id)).length;
    expect(started).toBeGreaterThan(0);
    expect(started + waiting).toBe(2);
  });
  await Promise.all([...trainA.mock.results, ...trainB.mock.results].map((r) => r.value));
  expect(trainA.mock.calls.length + trainB.mock.calls.length).toBe(1);
});

it('counts every process’s events towards the retrain threshold', async () => {
  const site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id);
  const start = t.deps.now();
  const trains = [vi.spyOn(t.deps.reco, 'train'), vi.spyOn(other.deps.reco, 'train')];
  const trained = async () => {
    const runs = trains.flatMap((spy) => spy.mock.results.map((r) => r.value as Promise<unknown>));
    await Promise.all(runs);
    return runs.length;
  };
  // Three events reach process A, then two reach B: neither process alone saw five, yet five
  // were stored since the site's (absent) model, so B schedules the retrain.
  await upload(t, site.id, w.id, 3);
  expect(t.deps.reco.retrainScheduled(site.id)).toBe(false);
  await upload(other, site.id, w.id, 2);
  // The retrain runs on a zero-delay timer, after this test's next step: the model is stored a
  // millisecond after those events were received.
  t.setNow(start + 1);
  await vi.waitFor(async () => expect(await trained()).toBe(1));
  expect(await t.deps.reco.latest(site.id)).toMatchObject({ source: 'events', createdAt: start + 1 });

  // After that model, the count starts again from it (the clock moves past the interval, so
  // the next retrain is due at once): four new events on B and one on A make it.
  t.setNow(start + 3_601_000);
  await upload(other, site.id, w.id, 4);
  expect([t, other].some((p) => p.deps.reco.retrainScheduled(site.id))).toBe(false);
  expect(await trained()).toBe(1);
  await upload(t, site.id, w.id, 1);
  await vi.waitFor(async () => expect(await trained()).toBe(2));
  expect((await t.deps.reco.latest(site.id))?.createdAt).toBe(start + 3_601_000);
});
