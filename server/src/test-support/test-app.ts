import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, createDeps } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { type Config, loadConfig } from '../config.ts';
import { connectDatabase, migrate, type OpenedDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { createTestDatabase } from './test-database.ts';

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: OpenedDatabase;
  config: Config;
  /** Creates a site and returns its id, owner key and a bearer header for it. */
  site(origins?: string[]): Promise<{ id: string; key: string; auth: Record<string, string> }>;
  /** Sets the clock that every store and limiter reads. */
  setNow(ms: number): void;
  close(): Promise<void>;
};

/**
 * A real app on a real SQLite file in a temporary directory (or, under `npm run test:pg`, on its
 * own new PostgreSQL database), driven in-process with `app.request`.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-test-'));
  const testDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LECTERN_DATA_DIR: dataDir,
    LECTERN_PUBLIC_URL: 'http://lectern.test',
    LECTERN_SEED_DEMO: '0',
    ...(testDatabase.url && { LECTERN_DATABASE_URL: testDatabase.url }),
    ...env,
  });
  const database = connectDatabase(config);
  await migrate(database.db);
  let now = Date.now();
  const deps = createDeps({
    config,
    db: database.db,
    log: createLogger('silent'),
    now: () => now,
    sqlite: database.sqlite,
  });
  const app = createApp(deps);
  // Emails are sent in the background of the request that caused them; close() waits for those
  // in flight and a closed app sends none, so one test's ticket email never lands in the next
  // test's SMTP sink.
  const mailInFlight = new Set<Promise<boolean>>();
  const send = deps.mailer.send.bind(deps.mailer);
  let closed = false;
  deps.mailer.send = (message) => {
    if (closed) return Promise.resolve(false);
    const sending = send(message);
    mailInFlight.add(sending);
    void sending.finally(() => mailInFlight.delete(sending));
    return sending;
  };
  return {
    app,
    deps,
    database,
    config,
    async site(origins = ['https://blog.example']) {
      const { site, ownerKey } = await deps.sites.create({ name: 'Test blog', origins });
      const session = await deps.ownerAuth.issue(site.id, now);
      return { id: site.id, key: ownerKey, auth: { Authorization: `Bearer ${session.token}` } };
    },
    setNow(ms) {
      now = ms;
    },
    async close() {
      closed = true;
      await Promise.allSettled([...mailInFlight]);
      deps.mailer.close();
      await database.close();
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function jsonRequest(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The `env` argument of `app.request` that makes the request come from this client address. */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}
