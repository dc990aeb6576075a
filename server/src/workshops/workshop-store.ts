import type SQLite from 'better-sqlite3';
import { type ExpressionBuilder, sql } from 'kysely';
import type {
  OwnerWorkshop,
  PublicWorkshop,
  WorkshopInput,
  WorkshopPatchInput,
} from '../contract/workshop.ts';
import type { Db } from '../db/database.ts';
import type { Database, WorkshopRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { newId } from '../ids.ts';
import { PublicListCache } from './public-list-cache.ts';

type Counted = WorkshopRow & {
  paid_count: number | string | null;
  held_count: number | string | null;
  room_ended_at: number | string | null;
};

/** Seats taken = paid orders + holds that have not expired; the same rule the checkout enforces. */
function counts(now: number) {
  return (eb: ExpressionBuilder<Database, 'workshops'>) => [
    eb
      .selectFrom('orders')
      .select(sql<number>`count(*)`.as('n'))
      .whereRef('orders.workshop_id', '=', 'workshops.id')
      .where('orders.status', '=', 'paid')
      .as('paid_count'),
    eb
      .selectFrom('orders')
      .select(sql<number>`count(*)`.as('n'))
      .whereRef('orders.workshop_id', '=', 'workshops.id')
      .where('orders.status', '=', 'held')
      .where('orders.hold_expires_at', '>', now)
      .as('held_count'),
    // The host ended the live room (rooms/room-service.ts): the card says so and checkout refuses.
    eb
      .selectFrom('rooms')
      .select('rooms.ended_at')
      .whereRef('rooms.workshop_id', '=', 'workshops.id')
      .as('room_ended_at'),
  ];
}

/** Owner reads only: what the paid orders brought in (the public list does not pay for this sum). */
function revenue(eb: ExpressionBuilder<Database, 'workshops'>) {
  return eb
    .selectFrom('orders')
    .select(sql<number>`coalesce(sum(orders.amount), 0)`.as('n'))
    .whereRef('orders.workshop_id', '=', 'workshops.id')
    .where('orders.status', '=', 'paid')
    .as('revenue_amount');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toPublicWorkshop(row: Counted): PublicWorkshop {
  const startsAt = Number(row.starts_at);
  const taken = Number(row.paid_count) + Number(row.held_count);
  return {
    id: row.id,
    siteId: row.site_id,
    status: row.status,
    title: row.title,
    summary: row.summary,
    description: row.description,
    hostName: row.host_name,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + row.duration_minutes * 60_000).toISOString(),
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    capacity: row.capacity,
    seatsLeft: row.status === 'cancelled' ? 0 : Math.max(0, row.capacity - taken),
    priceAmount: row.price_amount,
    currency: row.currency,
    tags: JSON.parse(row.tags),
    language: row.language,
    roomEndedAt: iso(row.room_ended_at === null ? null : Number(row.room_ended_at)),
  };
}

function toOwnerWorkshop(row: Counted & { revenue_amount: number | string | null }): OwnerWorkshop {
  return {
    ...toPublicWorkshop(row),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    publishedAt: iso(row.published_at),
    cancelledAt: iso(row.cancelled_at),
    paidCount: Number(row.paid_count),
    heldCount: Number(row.held_count),
    revenueAmount: Number(row.revenue_amount ?? 0),
  };
}

export class WorkshopStore {
  /**
   * Every write below (and `listChanged`) reaches every process's next read at once; only what
   * changes with time alone (a hold lapsing, a workshop ending) shows up to one second late.
   */
  readonly publicListCache: PublicListCache;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    sqlite?: SQLite.Database,
  ) {
    this.publicListCache = new PublicListCache(db, 1000, now, sqlite);
  }

  /** Something the public list shows changed elsewhere (a room ended): every process reloads it. */
  listChanged(siteId: string): Promise<void> {
    return this.publicListCache.changed(siteId);
  }

  /** Seat counts changed (orders; call after their transaction committed). */
  seatsChanged(siteId: string): Promise<void> {
    return this.listChanged(siteId);
  }

  /** Runs a write and the list's version bump in one transaction. */
  private changing<T>(siteId: string, write: (trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await write(trx);
      await this.publicListCache.changed(siteId, trx);
      return result;
    });
  }

  private base(now = this.now()) {
    return this.db.selectFrom('workshops').selectAll('workshops').select(counts(now));
  }

  private ownerBase() {
    return this.base().select(revenue);
  }

  /** Published and cancelled workshops that have not ended yet, soonest first. */
  async listPublic(siteId: string): Promise<PublicWorkshop[]> {
    const now = this.now();
    const rows = await this.base(now)
      .where('site_id', '=', siteId)
      .where('status', 'in', ['published', 'cancelled'])
      .where(sql<boolean>`starts_at + duration_minutes * 60000 > ${now}`)
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return rows.map(toPublicWorkshop);
  }

  async getPublic(siteId: string, id: string): Promise<PublicWorkshop> {
    const row = await this.base()
      .where('site_id', '=', siteId)
      .where('id', '=', id)
      .where('status', 'in', ['published', 'cancelled'])
      .executeTakeFirst();
    if (!row) throw notFound('Workshop');
    return toPublicWorkshop(row);
  }

  async listForOwner(siteId: string): Promise<OwnerWorkshop[]> {
    const rows = await this.ownerBase()
      .where('site_id', '=', siteId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return rows.map(toOwnerWorkshop);
  }

  async getForOwner(siteId: string, id: string): Promise<OwnerWorkshop> {
    const row = await this.ownerBase().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Workshop');
    return toOwnerWorkshop(row);
  }

  /** `input` is already validated by the contract schema. */
  async create(siteId: string, input: WorkshopInput, options: { id?: string } = {}) {
    const now = this.now();
    const id = options.id ?? newId('ws');
    await this.changing(siteId, (trx) =>
      trx
        .insertInto('workshops')
        .values({
          id,
          site_id: siteId,
          status: 'draft',
          title: input.title,
          summary: input.summary,
          description: input.description,
          host_name: input.hostName,
          starts_at: Date.parse(input.startsAt),
          duration_minutes: input.durationMinutes,
          time_zone: input.timeZone,
          capacity: input.capacity,
          price_amount: input.priceAmount,
          currency: input.currency,
          tags: JSON.stringify(input.tags),
          language: input.language,
          created_at: now,
          updated_at: now,
          published_at: null,
          cancelled_at: null,
        })
        .execute(),
    );
    return this.getForOwner(siteId, id);
  }

  async update(siteId: string, id: string, patch: WorkshopPatchInput) {
    const current = await this.getForOwner(siteId, id);
    if (current.status === 'cancelled')
      throw new HttpError(409, 'conflict', 'A cancelled workshop cannot be edited');
    if (patch.capacity !== undefined && patch.capacity < current.paidCount + current.heldCount) {
      throw new HttpError(
        409,
        'conflict',
        `Capacity cannot go below the ${current.paidCount + current.heldCount} seats already taken`,
      );
    }
    await this.changing(siteId, (trx) =>
      trx
        .updateTable('workshops')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.summary !== undefined && { summary: patch.summary }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.hostName !== undefined && { host_name: patch.hostName }),
          ...(patch.startsAt !== undefined && { starts_at: Date.parse(patch.startsAt) }),
          ...(patch.durationMinutes !== undefined && { duration_minutes: patch.durationMinutes }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
          ...(patch.capacity !== undefined && { capacity: patch.capacity }),
          ...(patch.priceAmount !== undefined && { price_amount: patch.priceAmount }),
          ...(patch.currency !== undefined && { currency: patch.currency }),
          ...(patch.tags !== undefined && { tags: JSON.stringify(patch.tags) }),
          ...(patch.language !== undefined && { language: patch.language }),
          updated_at: this.now(),
        })
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .execute(),
    );
    return this.getForOwner(siteId, id);
  }

  async publish(siteId: string, id: string) {
    const current = await this.getForOwner(siteId, id);
    if (current.status === 'cancelled')
      throw new HttpError(409, 'conflict', 'A cancelled workshop cannot be published');
    if (current.status === 'draft') {
      const now = this.now();
      await this.changing(siteId, (trx) =>
        trx
          .updateTable('workshops')
          .set({ status: 'published', published_at: now, updated_at: now })
          .where('id', '=', id)
          .where('site_id', '=', siteId)
          .execute(),
      );
    }
    return this.getForOwner(siteId, id);
  }

  /**
   * A published workshop goes back to draft (off the public list) only while no seat is sold or
   * held: a buyer's ticket must keep pointing at a workshop they can see. Checked in the UPDATE
   * itself, so a checkout racing it cannot slip in between.
   */
  async unpublish(siteId: string, id: string) {
    const current = await this.getForOwner(siteId, id);
    if (current.status !== 'published')
      throw new HttpError(409, 'conflict', 'Only a published workshop can go back to draft');
    const now = this.now();
    await this.changing(siteId, async (trx) => {
      const result = await trx
        .updateTable('workshops')
        .set({ status: 'draft', published_at: null, updated_at: now })
        .where('id', '=', id)
        .where('site_id', '=', siteId)
        .where('status', '=', 'published')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('orders')
                .select('orders.id')
                .whereRef('orders.workshop_id', '=', 'workshops.id')
                .where((eb) =>
                  eb.or([
                    eb('orders.status', '=', 'paid'),
                    eb.and([eb('orders.status', '=', 'held'), eb('orders.hold_expires_at', '>', now)]),
                  ]),
                ),
            ),
          ),
        )
        .executeTakeFirst();
      // Thrown inside the transaction: nothing changed, so no process has to reload.
      if (Number(result.numUpdatedRows) === 0)
        throw new HttpError(
          409,
          'conflict',
          'Seats of this workshop are sold or held: it cannot go back to draft (cancel it instead)',
        );
    });
    return this.getForOwner(siteId, id);
  }

  async cancel(siteId: string, id: string) {
    const current = await this.getForOwner(siteId, id);
    if (current.status !== 'cancelled') {
      const now = this.now();
      await this.changing(siteId, (trx) =>
        trx
          .updateTable('workshops')
          .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
          .where('id', '=', id)
          .where('site_id', '=', siteId)
          .execute(),
      );
    }
    return this.getForOwner(siteId, id);
  }
}
