import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database.ts';

/** Names this process in presence rows and job leases: readable in a table, unique per start. */
export function newProcessId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(6).toString('base64url')}`;
}

/**
 * Leases on background jobs, so that with several server processes on one database each job runs
 * in one of them. A claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement, atomic on
 * SQLite and PostgreSQL alike: it takes a free or lapsed lease, or renews the caller's own, and
 * returns no row when another holder's lease is still running. A crashed holder's lease lapses
 * at `expires_at`, and another process takes the job over then.
 */
export class JobLeases {
  constructor(
    private readonly db: Db,
    readonly holder: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes `name` for `ttlMs`. `renew: true` (a periodic job's holder keeps it from tick to tick)
   * also succeeds when this holder has it; `renew: false` succeeds only once the lease lapsed
   * (a job that must not run again within `ttlMs`, whoever ran it last).
   */
  async claim(name: string, ttlMs: number, { renew = true } = {}): Promise<boolean> {
    const now = this.now();
    const lease = { holder: this.holder, expires_at: now + ttlMs };
    const row = await this.db
      .insertInto('job_leases')
      .values({ name, ...lease })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet(lease)
          .where((eb) =>
            renew
              ? eb.or([eb('job_leases.expires_at', '<=', now), eb('job_leases.holder', '=', this.holder)])
              : eb('job_leases.expires_at', '<=', now),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === this.holder;
  }

  /** Gives up this holder's leases (shutdown), so another process takes the jobs over at once. */
  async releaseAll(): Promise<void> {
    await this.db.deleteFrom('job_leases').where('holder', '=', this.holder).execute();
  }
}
