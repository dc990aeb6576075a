import type { BehaviourEvent, EventBatchResult } from '../contract/events.ts';
import type { Db } from '../db/database.ts';
import { type EventWriter, kyselyEventWriter } from '../db/event-writer.ts';
import type { NewEvent } from '../db/schema.ts';

type Pending = {
  rows: NewEvent[];
  resolve(result: EventBatchResult): void;
  reject(err: unknown): void;
};

/** Batches committed together at most: bounds one transaction's time and a request's wait. */
const MAX_GROUP = 40;

/** Uploaded behaviour events. Idempotent by event id: browsers re-send whatever they are unsure of. */
export class EventStore {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly write: EventWriter = kyselyEventWriter(db),
  ) {}

  /**
   * Stores a batch for one site: either every new event is stored or none is. Ids already stored
   * (a replayed beacon, a retry after a lost response) are skipped by the primary key and counted
   * as duplicates, which also covers the same id twice in one batch.
   *
   * Group commit: batches that arrive while a transaction is being written wait and are then
   * written together in the next one, one statement each. Under load this writes each index page
   * once per group instead of once per batch (measured: 1.6x events/s on the project machine).
   */
  insertBatch(siteId: string, events: readonly BehaviourEvent[]): Promise<EventBatchResult> {
    if (events.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    const receivedAt = this.now();
    const rows: NewEvent[] = events.map((e) => ({
      id: e.id.toLowerCase(),
      site_id: siteId,
      anon: e.anon,
      session: e.session,
      type: e.type,
      workshop_id: e.workshop ?? null,
      path: e.path ?? null,
      value: e.value ?? null,
      label: e.label ?? null,
      ts: e.ts,
      received_at: receivedAt,
    }));
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => void this.flush());
  }

  private async flush() {
    const group = this.queue.splice(0, MAX_GROUP);
    try {
      const counts = await this.write(group.map((batch) => batch.rows));
      for (const [i, batch] of group.entries()) {
        batch.resolve({ accepted: counts[i], duplicates: batch.rows.length - counts[i] });
      }
    } catch {
      // One bad batch must not fail the others that happened to share its transaction.
      for (const batch of group) {
        try {
          const [accepted] = await this.write([batch.rows]);
          batch.resolve({ accepted, duplicates: batch.rows.length - accepted });
        } catch (err) {
          batch.reject(err);
        }
      }
    } finally {
      this.flushing = false;
      if (this.queue.length) this.schedule();
    }
  }

  async count(siteId: string): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
