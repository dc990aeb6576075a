import { createApp, createDeps } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import type { TestApp } from '../test-support/test-app.ts';

/**
 * Test support: a second server "process" on a test app's database — its own connection, its own
 * services and process id (presence rows, job leases, in-memory state), the same clock.
 */
export async function secondProcess(first: TestApp) {
  const database = openDatabase(first.config.dataDir);
  const deps = createDeps({
    config: first.config,
    db: database.db,
    log: createLogger('silent'),
    now: first.deps.now,
    sqlite: database.sqlite,
  });
  return { deps, app: createApp(deps), close: () => database.close() };
}
