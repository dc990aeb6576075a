import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpenedDatabase } from './database.ts';
import type { Database } from './schema.ts';

const { Pool, types } = pg;

// `pg` returns int8 (`bigint` columns, `count(*)`) and numeric (`sum`, `avg`) as strings, because
// they can exceed 2^53. Here they never do (ms times, counts, minor units), and every query is
// written for the numbers better-sqlite3 returns: parse them once, here, for this pool only (the
// global `types.setTypeParser` would change every other `pg` user in the process).
const asNumber = (value: string) => Number(value);
const lecternTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8 || oid === types.builtins.NUMERIC
      ? asNumber
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

export type PostgresOptions = {
  /** Connections this process keeps; N processes need N × this under `max_connections`. */
  poolSize?: number;
};

/** Opens a pool on `url` (`postgres://user:pass@host:port/db`); nothing is queried until first use. */
export function openPostgres(url: string, { poolSize = 10 }: PostgresOptions = {}): OpenedDatabase {
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    types: lecternTypes,
    application_name: 'lectern',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    dialect: 'postgres',
    sqlite: undefined,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
