import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@lectern/server';

export type E2eServer = RunningServer & { dataDir: string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (real SQLite file, demo seed, example sites) on a free port with a
 * temporary data dir. `env` adds configuration, e.g. Stripe against a local fake.
 */
export async function startLecternServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LECTERN_PUBLIC_URL: `http://localhost:${port}`,
    LECTERN_DATA_DIR: dataDir,
    LECTERN_LOG_LEVEL: process.env.LECTERN_E2E_LOG_LEVEL || 'silent',
    // Browser tests make many requests from one address; limits have their own server tests.
    LECTERN_RATE_LIMIT_READ: '0',
    LECTERN_RATE_LIMIT_WRITE: '0',
    // …and leave holds unpaid in many workshops; the per-client hold caps have their own server tests.
    LECTERN_HOLDS_PER_CLIENT: '0',
    LECTERN_HOLDS_PER_CLIENT_SITE: '0',
    ...env,
  });
  const running = await startServer(config);
  return {
    ...running,
    dataDir,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
