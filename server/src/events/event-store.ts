import type { BehaviourEvent, EventBatchResult } from '../contract/events.ts';
import type { Db } from '../db/database.ts';
import type { NewEvent } from '../db/schema.ts';

/** Uploaded behaviour events. Idempotent by event id: browsers re-send whatever they are unsure of. */
export class EventStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Inserts a batch for one site in one transaction: either every new event is stored or none is.
   * Ids already stored (a replayed beacon, a retry after a lost response) are skipped by the
   * primary key and counted as duplicates, which also covers the same id twice in one batch.
   */
  async insertBatch(siteId: string, events: readonly BehaviourEvent[]): Promise<EventBatchResult> {
    if (events.length === 0) return { accepted: 0, duplicates: 0 };
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
    const accepted = await this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('events')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    });
    return { accepted, duplicates: events.length - accepted };
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
