import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { type SecondProcess, twoProcesses } from './second-process.ts';

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

it('retrains a site once per interval when events reach two processes', async () => {
  const site = await t.site();
  await publishedWorkshop(t, site.id);
  const trainA = vi.spyOn(t.deps.reco, 'train');
  const trainB = vi.spyOn(other.deps.reco, 'train');
  t.deps.reco.noteEvents(site.id, 5);
  other.deps.reco.noteEvents(site.id, 5);
  // Both background retrains are due at once (zero-delay timers, fired before this later one);
  // the process that lost the lease then waits for the next interval.
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
