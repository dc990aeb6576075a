import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { findPgBin } from './pg-cluster.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg-cluster.mjs');

/** Whether a server accepts connections at `url` (PostgreSQL's own `pg_isready`). */
function canConnect(url: string): boolean {
  return spawnSync(path.join(findPgBin(), 'pg_isready'), ['-d', url, '-t', '5']).status === 0;
}

// Needs Debian's postgresql (`npm test` says how to install it when it is missing).
describe.skipIf(!findPgBin())('scripts/pg-cluster.mjs', () => {
  it('starts a cluster the command can reach, and stops and deletes it when killed', async () => {
    const child = spawn(
      process.execPath,
      [script, '--', process.execPath, '-e', 'setInterval(() => {}, 1000)'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`pg-cluster exited with ${code}: ${out}`)));
    });
    const [, url, dir] = /PostgreSQL at (\S+) \(in (\S+)\)/.exec(line)!;
    expect(canConnect(url)).toBe(true);
    expect(existsSync(dir)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(existsSync(dir)).toBe(false);
    expect(canConnect(url)).toBe(false);
  }, 60_000);
});
