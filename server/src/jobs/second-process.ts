import { createApp, createDeps } from '../app.ts';
import { connectDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import type { TestApp } from '../test-support/test-app.ts';

/**
 * Test support: a second server "process" on a test app's database — its own connection, its own
 * services and process id (presence rows, job leases, in-memory state), the same clock.
 */
export async function secondProcess(first: TestApp) {
  // Its own connection (SQLite handle or PostgreSQL pool) to the first app's database.
  const database = connectDatabase(first.config);
  const deps = createDeps({
    config: first.config,
    db: database.db,
    log: createLogger('silent'),
    now: first.deps.now,
    sqlite: database.sqlite,
  });
  return { deps, app: createApp(deps), close: () => database.close() };
}
