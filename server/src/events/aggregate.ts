import { type QueryExecutorProvider, sql } from 'kysely';
import type { Database, NewEvent } from '../db/schema.ts';

/** How a stored row and a new row of the same key combine. */
export type Merge = 'add' | 'min' | 'max';

/**
 * A table the event writer keeps in step with the events, in the same transaction: `rowsOf` folds
 * the events stored now into one row per key, and the upsert merges each into the stored row.
 * Every merge is commutative, so batches may arrive in any order.
 */
export type Aggregate<Row extends object> = {
  table: keyof Database & string;
  key: readonly (keyof Row & string)[];
  merge: Readonly<Partial<Record<keyof Row & string, Merge>>>;
  rowsOf(events: readonly NewEvent[]): Row[];
};

/** Any aggregate, as the writer runs them one after the other. */
export type AnyAggregate = {
  table: string;
  key: readonly string[];
  merge: Readonly<Record<string, Merge | undefined>>;
  rowsOf(events: readonly NewEvent[]): object[];
};

const columnsOf = (a: AnyAggregate) => [...a.key, ...Object.keys(a.merge)];

function merged(table: string, column: string, how: Merge): string {
  const [stored, fresh] = [`${table}.${column}`, `excluded.${column}`];
  if (how === 'add') return `${stored} + ${fresh}`;
  // Not min()/greatest(): SQLite and PostgreSQL spell the two-argument forms differently.
  return `case when ${fresh} ${how === 'min' ? '<' : '>'} ${stored} then ${fresh} else ${stored} end`;
}

const conflictClause = (a: AnyAggregate) =>
  `on conflict (${a.key.join(', ')}) do update set ${Object.entries(a.merge)
    .map(([c, how]) => `${c} = ${merged(a.table, c, how as Merge)}`)
    .join(', ')}`;

/** One row's upsert with positional parameters: SQLite's prepared statement on the hot path. */
export const upsertStatement = (a: AnyAggregate): string =>
  `insert into ${a.table} (${columnsOf(a).join(', ')}) values (${columnsOf(a)
    .map(() => '?')
    .join(', ')}) ${conflictClause(a)}`;

/** Positional values of one row for `upsertStatement`. */
export const upsertValues = (a: AnyAggregate, row: object): unknown[] =>
  columnsOf(a).map((c) => (row as Record<string, unknown>)[c]);

/** Rows per statement: a dozen parameters each stays far below both databases' limits. */
const CHUNK = 500;

/** Portable path (PostgreSQL too): multi-row upserts inside the events' transaction. */
export async function upsertRows(
  db: QueryExecutorProvider,
  a: AnyAggregate,
  rows: readonly object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tuples = rows.slice(i, i + CHUNK).map((row) => sql`(${sql.join(upsertValues(a, row))})`);
    await sql`insert into ${sql.table(a.table)} (${sql.join(columnsOf(a).map((c) => sql.ref(c)))})
      values ${sql.join(tuples)} ${sql.raw(conflictClause(a))}`.execute(db);
  }
}

/** The map's row for `key`, made by `make` the first time (rows are folded in place). */
export function rowFor<Row>(rows: Map<string, Row>, key: string, make: () => Row): Row {
  let row = rows.get(key);
  if (!row) {
    row = make();
    rows.set(key, row);
  }
  return row;
}
