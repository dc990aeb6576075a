import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import type { TestApp } from '../test-support/test-app.ts';
import { backgroundJobs } from './background-jobs.ts';
import { JobRunner, type PeriodicJob } from './job-runner.ts';
import { type SecondProcess, twoProcesses } from './second-process.ts';

const log = createLogger('silent');
const processes = twoProcesses();
let t: TestApp;
let other: SecondProcess;
beforeEach(() => {
  ({ a: t, b: other } = processes);
});

/** A job that records which process ran each tick. */
function countingJob(runs: string[]) {
  return (who: string): PeriodicJob => ({
    name: 'test-job',
    intervalMs: 60_000,
    run: async () => runs.push(who),
  });
}

describe('background jobs across processes on one database', () => {
  it('runs each tick in one process only, the same one while it lives', async () => {
    const runs: string[] = [];
    const job = countingJob(runs);
    const a = new JobRunner(t.deps.leases, log);
    const b = new JobRunner(other.deps.leases, log);
    for (let tick = 0; tick < 3; tick++) {
      t.setNow(t.deps.now() + 60_000);
      await Promise.all([a.tick(job('a')), b.tick(job('b'))]);
    }
    expect(runs).toHaveLength(3);
    expect(new Set(runs).size).toBe(1);
  });

  it('hands the job over when its holder stops, or three intervals after it died', async () => {
    const runs: string[] = [];
    const job = countingJob(runs);
    const a = new JobRunner(t.deps.leases, log);
    const b = new JobRunner(other.deps.leases, log);
    expect(await a.tick(job('a'))).toBe(true);
    expect(await b.tick(job('b'))).toBe(false);
    await a.stop(); // a clean shutdown releases the lease
    expect(await b.tick(job('b'))).toBe(true);
    // b "crashes" (no release): a gets the job only once b's lease has lapsed.
    t.setNow(t.deps.now() + 2 * 60_000);
    expect(await a.tick(job('a'))).toBe(false);
    t.setNow(t.deps.now() + 60_000);
    expect(await a.tick(job('a'))).toBe(true);
    expect(runs).toEqual(['a', 'b', 'a']);
    const leases = await t.database.db.selectFrom('job_leases').selectAll().execute();
    expect(leases).toEqual([
      { name: 'test-job', holder: t.deps.leases.holder, expires_at: t.deps.now() + 3 * 60_000 },
    ]);
  });

  it("runs the server's real jobs (hold sweeper, refund retries) in one process each", async () => {
    const ran: string[] = [];
    const tickAll = (process: TestApp['deps'], who: string) => {
      const runner = new JobRunner(process.leases, log);
      const jobs = backgroundJobs(process).map((job) => ({
        ...job,
        run: () => job.run().then(() => ran.push(`${who}:${job.name}`)),
      }));
      return Promise.all(jobs.map((job) => runner.tick(job)));
    };
    await Promise.all([tickAll(t.deps, 'a'), tickAll(other.deps, 'b')]);
    expect(ran.map((r) => r.split(':')[1]).sort()).toEqual(['hold-sweeper', 'owed-refunds']);
  });
});
