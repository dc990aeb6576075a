import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp, createDeps } from './app.ts';
import type { Config } from './config.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { type DataDirLock, lockDataDir } from './db/data-dir-lock.ts';
import { connectDatabase, migrate } from './db/database.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { answerClientError, requestErrorResponse } from './http/transport-errors.ts';
import { backgroundJobs } from './jobs/background-jobs.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { createLogger } from './log.ts';
import { attachSignalling } from './rooms/signalling.ts';
import { ortRoutes } from './static/ort-routes.ts';
import { exampleRoutes } from './static/static-routes.ts';
import { widgetRoutes } from './static/widget-routes.ts';

export type RunningServer = {
  url: string;
  port: number;
  server: Server;
  demo?: { siteId: string; ownerKey: string };
  close(): Promise<void>;
};

/** Opens the database, migrates, seeds the demo (dev), and listens. `close()` drains and closes. */
export async function startServer(config: Config): Promise<RunningServer> {
  // Two processes on one SQLite file would corrupt each other's WAL view; PostgreSQL is shared by design.
  const dataDirLock = config.databaseUrl ? { release() {} } : lockDataDir(config.dataDir);
  try {
    return await start(config, dataDirLock);
  } catch (err) {
    dataDirLock.release();
    throw err;
  }
}

async function start(config: Config, dataDirLock: DataDirLock): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const database = connectDatabase(config);
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const checkpointer = database.sqlite ? startCheckpointer(database.sqlite, log) : undefined;
  const deps = createDeps({ config, db: database.db, log, sqlite: database.sqlite });
  const demo = config.seedDemo ? await seedDemo(deps) : undefined;

  const app = createApp(deps);
  app.route('/', widgetRoutes());
  app.route('/', ortRoutes());
  if (config.serveExamples) app.route('/', exampleRoutes());

  const listener = getRequestListener(app.fetch, { errorHandler: (err) => requestErrorResponse(err, log) });
  // `/peerjs` (PeerJS HTTP + WebSocket signalling) is served before Hono; see rooms/signalling.ts.
  const server = createServer((req, res) => {
    if (!signalling.handle(req, res)) listener(req, res);
  });
  const signalling = attachSignalling(server, deps, log);
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const jobs = new JobRunner(deps.leases, log);
  for (const job of backgroundJobs(deps)) jobs.every(job);
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 ? `http://localhost:${port}` : config.publicUrl;
  log.info(
    { url, dataDir: config.dataDir, database: database.dialect, payments: config.payments },
    'lectern listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    server,
    demo,
    close() {
      closing ??= (async () => {
        // In-flight requests finish; idle keep-alive sockets are closed at once, stragglers after 10 s.
        await signalling.close();
        deps.reco.close();
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        force.unref();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        clearTimeout(force);
        await jobs.stop();
        deps.mailer.close();
        await checkpointer?.stop();
        await database.close();
        dataDirLock.release();
        log.info('lectern stopped');
      })();
      return closing;
    },
  };
}
