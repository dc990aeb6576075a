import { afterEach, beforeEach } from 'vitest';
import { createApp, createDeps } from '../app.ts';
import { connectDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

export type SecondProcess = Awaited<ReturnType<typeof secondProcess>>;

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

/**
 * Gives each test of the file process `a` (a test app with `env`) and process `b` on its database,
 * closed after the test (after the file's own `afterEach`, which Vitest runs first).
 */
export function twoProcesses(env: Record<string, string> = {}): { a: TestApp; b: SecondProcess } {
  const processes = {} as { a: TestApp; b: SecondProcess };
  beforeEach(async () => {
    processes.a = await createTestApp(env);
    processes.b = await secondProcess(processes.a);
  });
  afterEach(async () => {
    await processes.b.close();
    await processes.a.close();
  });
  return processes;
}
