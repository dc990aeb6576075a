import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.join(
  path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist',
  'cli.mjs',
);

let child: ChildProcess | undefined;
let dataDir: string | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  child?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
  child = undefined;
  dataDir = undefined;
  database = undefined;
});

/** Runs `main.ts` as `npm start` does (`tsx src/main.ts`) and resolves with its banner. */
async function start(env: Record<string, string>): Promise<string> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-main-'));
  // Under `npm run test:pg`, `npm start` on its own PostgreSQL database.
  database = await createTestDatabase();
  child = spawn(process.execPath, [tsx, path.join(here, 'main.ts')], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      LECTERN_DATA_DIR: dataDir,
      ...(database.url && { LECTERN_DATABASE_URL: database.url }),
      LECTERN_LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk) => {
      out += chunk;
      if (/Lectern is running[\s\S]*\n\n/.test(out)) resolve(out);
    });
    child!.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

describe('npm start (main.ts)', () => {
  it('prints where to read the outbox and how to host the demo room, and the outbox answers', async () => {
    const banner = await start({ PORT: '0' });
    const base = /Lectern is running at (\S+)/.exec(banner)![1];
    expect(banner).toContain(`Outbox (emails):     ${base}/dev/outbox  (nothing is sent: no SMTP_URL)`);
    expect(banner).toContain(`Host a live room:    ${base}/room/ws_demo_live-demo`);
    expect(banner).toMatch(/Demo site owner key: lk_demo_\S+/);
    expect(banner).toContain('Choose "Host this workshop", paste the owner key.');
    const outbox = await fetch(`${base}/dev/outbox`);
    expect(outbox.status).toBe(200);
    expect(await outbox.text()).toContain('<h1>Outbox</h1>');
    // The CLI's snippets use the URL this server said it serves at.
    expect(readFileSync(path.join(dataDir!, 'server-url'), 'utf8').trim()).toBe(base);
  }, 60_000);
});
