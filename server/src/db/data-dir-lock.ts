import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export type DataDirLock = { release(): void };

/** A second server started on a data directory that a running server already uses. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    holder: string | null,
  ) {
    super(
      `the data directory ${dataDir} is in use by another Lectern server${holder ? ` (pid ${holder})` : ''}. ` +
        'Stop it, or give this one its own LECTERN_DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'lectern.lock';
const PID_FILE = 'lectern.pid';

/**
 * Claims `dataDir` for this server process. Two servers on one SQLite file made checkouts fail
 * with "database is locked" (a write that upgrades a read transaction gets SQLITE_BUSY at once,
 * whatever the busy timeout), so the second one refuses to start, naming the directory.
 *
 * The claim is an exclusive transaction held open on a small SQLite file beside the database:
 * the operating system drops it when the process dies, even by SIGKILL, so a crash never leaves
 * a stale lock behind (a pid file alone would). The pid file only names the holder in the message.
 * Short-lived commands (`lectern site create`) do not claim the directory; they wait on the busy
 * timeout like any other connection.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lock = new SQLite(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new DataDirInUseError(dataDir, holderOf(dataDir));
    }
    throw err;
  }
  writeFileSync(path.join(dataDir, PID_FILE), `${process.pid}\n`);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

function holderOf(dataDir: string): string | null {
  try {
    return readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
