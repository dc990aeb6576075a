// A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` + `pg_ctl` in a temporary
// directory, on a free port, with its unix socket in that directory, run as a non-root user
// (PostgreSQL refuses to run as root; as root we run it as `postgres`, else as ourselves). It is
// stopped and deleted when this process ends, on failure and on Ctrl-C too.
//
//   node scripts/pg-cluster.mjs -- <command> [args…]   runs the command with LECTERN_DATABASE_URL set
//   import { startPgCluster } from './pg-cluster.mjs'  → { url, stop() }
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one command that installs what this needs on Debian. */
export const PG_INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y postgresql';

/** The newest PostgreSQL server binaries on this machine (Debian's layout), or undefined. */
export function findPgBin() {
  const fromEnv = process.env.LECTERN_PG_BIN;
  if (fromEnv) return existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the non-root owner of the cluster. */
function runAs(owner, bin, args) {
  const [cmd, argv] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  // The cluster's own directory as cwd: the owner may not be allowed into ours.
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * Starts a cluster and returns its superuser URL (`postgres://postgres@127.0.0.1:PORT/postgres`,
 * trust authentication on 127.0.0.1 only). Unless `durable` (benchmarks), durability is off
 * (fsync, synchronous_commit, in memory): the cluster is deleted afterwards, and tests should
 * exercise queries, not this disk.
 */
export async function startPgCluster({ durable = false } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error(`PostgreSQL server binaries not found. Install them: ${PG_INSTALL_HINT}`);
  const owner = process.getuid?.() === 0 ? 'postgres' : undefined;
  // A throwaway cluster lives in memory where it can: creating a database writes some 300 files,
  // 4x quicker on tmpfs than on this disk, and every test app creates one.
  const base = !durable && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(path.join(base, 'lectern-pg-'));
  const data = path.join(dir, 'data');
  if (owner) {
    const ids = spawnSync('id', ['-u', owner], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', owner], { encoding: 'utf8' });
    if (ids.status !== 0) throw new Error(`Running as root needs the "${owner}" user: ${PG_INSTALL_HINT}`);
    chownSync(dir, Number(ids.stdout), Number(gids.stdout));
  }
  chmodSync(dir, 0o700);
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        runAs(owner, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone (killed with us): nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runAs(owner, path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    const settings = [
      "-c listen_addresses='127.0.0.1'",
      `-k ${dir}`,
      '-c max_connections=300',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    // A port found free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      try {
        runAs(owner, path.join(bin, 'pg_ctl'), [
          '-D',
          data,
          '-l',
          path.join(dir, 'server.log'),
          '-w',
          '-o',
          `-p ${port} ${settings.join(' ')}`,
          'start',
        ]);
        started = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Stops the cluster when this process ends for any reason, including Ctrl-C and `kill`;
 * `onSignal` runs first (e.g. to pass the signal on to a child).
 */
export function stopOnExit(cluster, onSignal = () => {}) {
  process.once('exit', () => cluster.stop());
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      onSignal(signal);
      cluster.stop();
      process.exit(128 + number);
    });
  }
}

async function main(argv) {
  const dash = argv.indexOf('--');
  const [cmd, ...args] = dash === -1 ? argv : argv.slice(dash + 1);
  if (!cmd) {
    console.error('Usage: node scripts/pg-cluster.mjs -- <command> [args…]');
    return 64;
  }
  let cluster;
  try {
    cluster = await startPgCluster();
  } catch (err) {
    console.error(`pg-cluster: ${err.message}`);
    return 1;
  }
  console.log(`pg-cluster: PostgreSQL at ${cluster.url} (in ${cluster.dir})`);
  const child = spawn(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, LECTERN_DATABASE_URL: cluster.url },
  });
  stopOnExit(cluster, (signal) => child.kill(signal));
  return await new Promise((resolve) => {
    child.once('error', (err) => {
      console.error(`pg-cluster: ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
