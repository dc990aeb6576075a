import type { Logger } from '../log.ts';
import type { JobLeases } from './job-leases.ts';

export type PeriodicJob = {
  /** The lease's name: one holder across every process on the database. */
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
};

/**
 * Runs periodic jobs in this process while it holds their lease. The holder renews at each tick
 * and keeps the job; the lease lasts three intervals, so when the holder dies another process
 * takes over within three intervals, and two processes never run a tick of the same job at once
 * (unless one tick outlasts three intervals, which these jobs — a few UPDATEs — do not).
 */
export class JobRunner {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly leases: JobLeases,
    private readonly log: Logger,
  ) {}

  /** One tick of `job`: runs it when this process holds (or takes) its lease. True when it ran. */
  async tick(job: PeriodicJob): Promise<boolean> {
    if (!(await this.leases.claim(job.name, job.intervalMs * 3))) return false;
    await job.run();
    return true;
  }

  every(job: PeriodicJob): void {
    const timer = setInterval(() => {
      const run = this.tick(job)
        .catch((err) => this.log.warn({ err, job: job.name }, 'background job failed'))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }, job.intervalMs);
    // A pending tick never keeps the process alive on shutdown.
    timer.unref();
    this.timers.push(timer);
  }

  /** Stops the timers, lets a running tick finish, and releases the leases for another process. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
    await this.leases.releaseAll().catch((err) => this.log.warn({ err }, 'releasing job leases failed'));
  }
}
