import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { openPostgres } from '../db/postgres.ts';

// `npm run test:pg` (scripts/pg-cluster.mjs) sets LECTERN_DATABASE_URL to a throwaway cluster's
// superuser URL. Read once, at import: a test may point LECTERN_DATABASE_URL at its own database.
const clusterUrl = process.env.LECTERN_DATABASE_URL || undefined;

/** Whether this run's server tests use PostgreSQL (`npm run test:pg`) rather than SQLite files. */
export const onPostgres = clusterUrl !== undefined;

export type TestDatabase = {
  /** The new database's URL, or undefined on SQLite (the test app then uses its data dir). */
  url: string | undefined;
  drop(): Promise<void>;
};

async function onCluster<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(clusterUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Any fixed number: the test forks take turns building the template under it.
const TEMPLATE_LOCK = 0x1ec7e51;
let template: Promise<string> | undefined;

/**
 * A database with every migration applied, made once per cluster and set of migrations (its name
 * carries their hash). Each test database is copied from it (`CREATE DATABASE … TEMPLATE`), which
 * is several times quicker than running the migrations again for every test app. It is built
 * under a temporary name and renamed when complete, so a fork that dies midway leaves no half.
 */
function migratedTemplate(): Promise<string> {
  template ??= onCluster(async (c) => {
    const hash = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex');
    const name = `lectern_template_${hash.slice(0, 16)}`;
    await c.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return name;
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await c.query(`create database ${building}`);
      const database = openPostgres(databaseUrl(building), { poolSize: 1 });
      try {
        await migrate(database.db);
      } finally {
        await database.close();
      }
      await c.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await c.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

/**
 * On PostgreSQL, a fresh database for one test app (migrated, no rows; dropped by `drop()`), so
 * tests in parallel never see each other's rows, advisory locks or notifications.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!clusterUrl) return { url: undefined, drop: async () => {} };
  const from = await migratedTemplate();
  const name = `lectern_test_${randomBytes(6).toString('hex')}`;
  await onCluster((c) => c.query(`create database ${name} template ${from}`));
  return {
    url: databaseUrl(name),
    // FORCE: a pool the test forgot to close must not keep the database alive.
    drop: () => onCluster((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
