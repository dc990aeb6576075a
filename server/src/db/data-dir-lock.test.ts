import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Run = { child: ChildProcess; code: number | null; stderr: string };

/** A real process in the server's folder; resolves when it prints `ready`, or with its exit code. */
function run(args: string[], ready: string): Promise<Run> {
  // `node --import tsx`, not the `tsx` binary: one process, so SIGKILL reaches it itself.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LECTERN_DATA_DIR: dataDir,
      // The claim guards the SQLite file in the data directory: under `npm run test:pg` too these
      // servers use SQLite (on PostgreSQL several processes share one database by design).
      LECTERN_DATABASE_URL: '',
      LECTERN_SEED_DEMO: '0',
      LECTERN_LOG_LEVEL: 'silent',
    },
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes(ready)) resolve({ child, code: null, stderr });
    });
    child.once('exit', (code) => resolve({ child, code, stderr }));
  });
}

/** Another process holding the directory's claim, as a running server does (lighter to start). */
const holder = () =>
  run(
    [
      '--input-type=module',
      '-e',
      `const { lockDataDir } = await import('./src/db/data-dir-lock.ts');
       lockDataDir(process.env.LECTERN_DATA_DIR); console.log('claimed'); setInterval(() => {}, 1000);`,
    ],
    'claimed',
  );

describe('one server per data directory', () => {
  it('refuses a second claim in the same process until the first is released', () => {
    const first = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrowError(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrowError(
      `the data directory ${dataDir} is in use by another Lectern server (pid ${process.pid})`,
    );
    first.release();
    lockDataDir(dataDir).release();
  });

  it('stops a server started on a directory another process holds, naming it, and frees it when that one dies', async () => {
    const first = await holder();
    expect(first.code).toBeNull();
    const second = await run(['src/main.ts'], 'Lectern is running');
    expect(second.code).toBe(73);
    expect(second.stderr).toContain(
      `lectern: the data directory ${dataDir} is in use by another Lectern server (pid ${first.child.pid})`,
    );
    expect(() => lockDataDir(dataDir)).toThrowError(DataDirInUseError);
    // A crash leaves no stale lock: the operating system drops it with the process.
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    lockDataDir(dataDir).release();
  }, 60_000);
});
