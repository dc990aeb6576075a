import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import type { Config } from '../config.ts';
import { migrations } from './migrations/index.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export type OpenedDatabase = {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** The underlying SQLite handle (the event writer's fast path, benchmarks); none on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
};

export type OpenedSqlite = OpenedDatabase & { dialect: 'sqlite'; sqlite: SQLite.Database };

/** The database the configuration names: PostgreSQL at `databaseUrl`, else SQLite in `dataDir`. */
export function connectDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databasePoolSize'>,
): OpenedDatabase {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { poolSize: config.databasePoolSize })
    : openDatabase(config.dataDir);
}

/**
 * Opens (creating if needed) the embedded SQLite file in WAL mode. All queries go through Kysely
 * so the same code runs on PostgreSQL; only the db folder knows the dialect.
 */
export function openDatabase(dataDir: string, file = 'lectern.sqlite'): OpenedSqlite {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, file));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints are where WAL mode pays for fsync on this kind of disk: checkpoint every ~40 MB
  // instead of every 4 MB (1.5x more event inserts per second), and trim the WAL file afterwards
  // once it passed 512 MB. Not at 64 MB: under a stream of uploads the WAL passes 64 MB between
  // two background checkpoints, and truncating it then growing it again (block allocation on
  // ext4) stalled the writer (server-events p99 60/61/115 ms at 64 MB, 49/55/52 ms at 512 MB,
  // alternating runs); 512 MB is above the serving connection's own fallback checkpoint (~400 MB).
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 536870912');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
