import type { AppDeps } from '../app-deps.ts';
import type { PeriodicJob } from './job-runner.ts';

/**
 * The server's periodic jobs, each run by one process at a time (job-runner.ts). Lapsed seat
 * holds are also ignored by every seat count; the sweeper turns them into expired orders and
 * offers the freed seats to the waitlist. Refunds of late payments that the payment provider
 * could not take when they were first made are retried.
 */
export function backgroundJobs({ orders }: Pick<AppDeps, 'orders'>): PeriodicJob[] {
  return [
    { name: 'hold-sweeper', intervalMs: 60_000, run: () => orders.expireHolds() },
    { name: 'owed-refunds', intervalMs: 60_000, run: () => orders.retryOwedRefunds() },
  ];
}
