import type SQLite from 'better-sqlite3';
import type { Db } from './database.ts';
import type { NewEvent } from './schema.ts';

/** Writes groups of event batches in ONE transaction; returns the rows inserted per batch. */
export type EventWriter = (batches: NewEvent[][]) => Promise<number[]>;

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
  return (batches) =>
    db.transaction().execute(async (trx) => {
      const counts: number[] = [];
      for (const rows of batches) {
        const result = await trx
          .insertInto('events')
          .values(rows)
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        counts.push(Number(result.numInsertedOrUpdatedRows ?? 0n));
      }
      return counts;
    });
}

/**
 * The embedded database's hot path: the same portable statement, prepared once and run per row,
 * which SQLite executes about 1.4x faster than a fresh 50-row statement per batch. It runs while
 * holding Kysely's connection, so it can never interleave with a transaction Kysely has open.
 */
export function sqliteEventWriter(db: Db, sqlite: SQLite.Database): EventWriter {
  // Positional parameters: binding by name costs a lookup per column per row.
  const insert = sqlite.prepare(
    `insert into events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`,
  );
  const writeAll = sqlite.transaction((batches: NewEvent[][]) =>
    batches.map((rows) => {
      let inserted = 0;
      for (const row of rows)
        inserted += insert.run(
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
        ).changes;
      return inserted;
    }),
  );
  return (batches) => db.connection().execute(async () => writeAll(batches));
}
