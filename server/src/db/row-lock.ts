import { type SelectQueryBuilder, SqliteAdapter } from 'kysely';
import type { Db } from './database.ts';

/**
 * `SELECT … FOR UPDATE` where the dialect has it. SQLite has no row locks and needs none here:
 * the embedded driver runs one transaction at a time on its single connection.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: Db, query: SelectQueryBuilder<DB, TB, O>) {
  return db.getExecutor().adapter instanceof SqliteAdapter ? query : query.forUpdate();
}
