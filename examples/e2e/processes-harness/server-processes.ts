import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type ServerProcess = { port: number; dataDir: string; stop(): Promise<void> };

/**
 * A throwaway PostgreSQL cluster (scripts/pg-cluster.mjs: initdb + pg_ctl in a temporary
 * directory, stopped on exit). Loaded by path: the repository's root `scripts/` is not a package.
 */
export async function startPostgres(): Promise<{ url: string; stop(): void }> {
  const script = pathToFileURL(path.join(root, 'scripts/pg-cluster.mjs')).href;
  const { startPgCluster } = await import(script);
  return startPgCluster();
}

/**
 * `npm start` as production runs it — `server/src/main.ts` in its own Node process, with its own
 * data dir (secret file, outbox) — configured by `env`. Resolves once `/healthz` answers.
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  demoOwnerKey?: string,
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-process-'));
  // The demo seed keeps its owner key in this file: the test knows it in advance.
  if (demoOwnerKey) writeFileSync(path.join(dataDir, 'demo-owner-key'), `${demoOwnerKey}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LECTERN_DATA_DIR: dataDir,
      LECTERN_SEED_DEMO: demoOwnerKey ? '1' : '0',
      LECTERN_LOG_LEVEL: process.env.LECTERN_E2E_LOG_LEVEL || 'warn',
      // Browser tests make many requests from one address; limits have their own server tests.
      LECTERN_RATE_LIMIT_READ: '0',
      LECTERN_RATE_LIMIT_WRITE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const stop = () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  try {
    await healthy(port, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, dataDir, stop };
}

async function healthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${port} did not become healthy:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A ticket bought the way a reader buys one, through the load balancer: checkout, the dev
 * payment page's "Pay", then the order (each request may reach another process).
 */
export async function buyTicket(base: string, workshopId: string): Promise<string> {
  const json = { 'Content-Type': 'application/json', Origin: base };
  const started = await fetch(`${base}/v1/checkout`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ siteId: 'demo', workshopId, returnUrl: `${base}/`, email: 'ada@example.org' }),
  });
  if (!started.ok) throw new Error(`checkout: ${started.status} ${await started.text()}`);
  const { order } = await started.json();
  const paid = await fetch(`${base}/dev-checkout/${order.id}/pay`, { method: 'POST', redirect: 'manual' });
  if (paid.status !== 303) throw new Error(`pay: ${paid.status} ${await paid.text()}`);
  const view = await (await fetch(`${base}/v1/orders/${order.id}`, { headers: { Origin: base } })).json();
  if (!view.ticket?.token) throw new Error(`no ticket on order ${order.id}: ${JSON.stringify(view)}`);
  return view.ticket.token;
}
