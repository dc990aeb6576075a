import type SQLite from 'better-sqlite3';
import { type AnyAggregate, upsertRows, upsertStatement, upsertValues } from '../events/aggregate.ts';
import { readerActivity } from '../events/reader-activity.ts';
import { readerPages, readerWorkshopSteps } from '../events/reader-journeys.ts';
import { receivedCount } from '../events/received-count.ts';
import type { Db } from './database.ts';
import type { NewEvent } from './schema.ts';

/**
 * Writes groups of event batches in ONE transaction, together with the aggregates of the events
 * it stored (`eventAggregates`); returns the rows inserted per batch.
 */
export type EventWriter = (batches: NewEvent[][]) => Promise<number[]>;

/**
 * What a writer keeps in step with the events. Only events stored now count: a replayed one is
 * already in them. The site's received count goes last (its own shard row), so that on
 * PostgreSQL that row is locked for the commit only.
 */
const eventAggregates = (): readonly AnyAggregate[] => [
  readerActivity,
  readerPages,
  readerWorkshopSteps,
  receivedCount(),
];

const COLUMNS = [
  'id',
  'site_id',
  'anon',
  'session',
  'type',
  'workshop_id',
  'path',
  'value',
  'label',
  'ts',
  'received_at',
] as const;

/** Portable path (PostgreSQL too): one multi-row insert per batch through Kysely. */
export function kyselyEventWriter(db: Db): EventWriter {
  const aggregates = eventAggregates();
  return (batches) =>
    db.transaction().execute(async (trx) => {
      const counts: number[] = [];
      const stored: NewEvent[] = [];
      for (const rows of batches) {
        const inserted = await trx
          .insertInto('events')
          .values(rows)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        // An id twice in one batch comes back once, so each returned id takes one row.
        const fresh = new Set(inserted.map((r) => r.id));
        for (const row of rows) if (fresh.delete(row.id)) stored.push(row);
        counts.push(inserted.length);
      }
      for (const aggregate of aggregates) await upsertRows(trx, aggregate, aggregate.rowsOf(stored));
      return counts;
    });
}

/**
 * The embedded database's hot path: the same portable statements, prepared once and run per row,
 * which SQLite executes about 1.4x faster than a fresh 50-row statement per batch. It runs while
 * holding Kysely's connection, so it can never interleave with a transaction Kysely has open.
 */
export function sqliteEventWriter(db: Db, sqlite: SQLite.Database): EventWriter {
  // Positional parameters: binding by name costs a lookup per column per row.
  const insert = sqlite.prepare(
    `insert into events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`,
  );
  const upserts = eventAggregates().map((a) => ({
    aggregate: a,
    statement: sqlite.prepare(upsertStatement(a)),
  }));
  const writeAll = sqlite.transaction((batches: NewEvent[][]) => {
    const stored: NewEvent[] = [];
    const counts = batches.map((rows) => {
      let inserted = 0;
      for (const row of rows) {
        const { changes } = insert.run(
          row.id,
          row.site_id,
          row.anon,
          row.session,
          row.type,
          row.workshop_id ?? null,
          row.path ?? null,
          row.value ?? null,
          row.label ?? null,
          row.ts,
          row.received_at,
        );
        if (changes) stored.push(row);
        inserted += changes;
      }
      return inserted;
    });
    // One upsert per aggregate row of the group (per reader, day and session…), not per event.
    for (const { aggregate, statement } of upserts)
      for (const row of aggregate.rowsOf(stored)) statement.run(upsertValues(aggregate, row));
    return counts;
  });
  return (batches) => db.connection().execute(async () => writeAll(batches));
}
