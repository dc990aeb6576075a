import { randomBytes } from 'node:crypto';
import pg from 'pg';

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

/**
 * On PostgreSQL, a fresh empty database for one test app (`CREATE DATABASE`, dropped by `drop()`),
 * so tests in parallel never see each other's rows, advisory locks or notifications.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!clusterUrl) return { url: undefined, drop: async () => {} };
  const name = `lectern_test_${randomBytes(6).toString('hex')}`;
  await onCluster((c) => c.query(`create database ${name}`));
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a pool the test forgot to close must not keep the database alive.
    drop: () => onCluster((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
