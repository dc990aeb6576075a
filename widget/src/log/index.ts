// The behaviour log: events are written to IndexedDB on this device first and uploaded to the
// Lectern server only when the reader allows it. Shared by the widget and the browser extension.
import { logger } from '../logger.ts';
import { LogDb } from './db.ts';
import { EventLog, type LogConfig } from './event-log.ts';
import type { EventType, StoredEvent, TrackFields } from './event-types.ts';
import { createPageTracker, type PageTracker } from './page-tracker.ts';
import { browserSaysDoNotTrack } from './privacy.ts';

export type { LogConfig } from './event-log.ts';
export type {
  EventType,
  LogError,
  LogErrorType,
  StoredEvent,
  SyncState,
  TrackFields,
} from './event-types.ts';
export { EVENT_TYPES } from './event-types.ts';
export { browserSaysDoNotTrack } from './privacy.ts';

/** What `exportMyData` returns: everything Lectern keeps about the reader on this device. */
export type MyDataExport = {
  format: 'lectern-log/1';
  exportedAt: string;
  uploadOptOut: boolean;
  /** The browser sends Global Privacy Control or Do Not Track. */
  browserDoNotTrack: boolean;
  /** Anonymous id per site. */
  anonymousIds: Record<string, string>;
  events: StoredEvent[];
};

let current: EventLog | null = null;
let tracker: PageTracker | null = null;
let lifecycleInstalled = false;
let warnedUnconfigured = false;

/** Sets the site and server events belong to. Call once at start-up (again to switch site). */
export function configureLog(config: LogConfig): void {
  if (!config || typeof config.site !== 'string' || config.site === '') {
    throw new Error('configureLog: `site` must be the site id (the data-site attribute)');
  }
  if (typeof config.server !== 'string' || !/^https?:\/\/[^/]/.test(config.server)) {
    throw new Error('configureLog: `server` must be the Lectern server origin, e.g. https://lectern.example');
  }
  current?.close();
  current = new EventLog(config);
  installLifecycle();
}

/** Logs an event for the configured site. Fire and forget: it never throws into the page. */
export function track(type: EventType, fields?: TrackFields): void {
  try {
    if (!current) {
      if (!warnedUnconfigured) logger.error('Lectern: track() called before configureLog(); event dropped');
      warnedUnconfigured = true;
      return;
    }
    current.track(type, fields);
  } catch {
    // Logging is never worth breaking the host page for.
  }
}

/**
 * Logs page views (on load and on single-page-app navigation), visible dwell time and scroll
 * depth. Returns a function that stops it.
 */
export function startAutoTracking(): () => void {
  try {
    tracker?.stop();
    const started = createPageTracker(track);
    tracker = started;
    return () => {
      started.stop();
      if (tracker === started) tracker = null;
    };
  } catch {
    return () => {};
  }
}

/** The local history, oldest first: input for the on-device recommender. */
export async function readHistory(site?: string): Promise<StoredEvent[]> {
  await current?.settled();
  return withDb((db) => db.history(site));
}

/** The reader's anonymous id for a site (created on first use): assigns A/B variants. */
export async function anonymousId(site: string): Promise<string> {
  return withDb((db) => db.anonId(site));
}

export async function exportMyData(): Promise<MyDataExport> {
  await current?.settled();
  return withDb(async (db) => ({
    format: 'lectern-log/1',
    exportedAt: new Date().toISOString(),
    uploadOptOut: await db.optOut(),
    browserDoNotTrack: browserSaysDoNotTrack(),
    anonymousIds: await db.anonIds(),
    events: await db.history(),
  }));
}

/** Deletes every event and anonymous id on this device; the upload opt-out choice is kept. */
export async function deleteMyData(): Promise<void> {
  await current?.forgetLocal();
  await withDb((db) => db.deleteAll());
}

/** A new anonymous id for the site: later events cannot be linked to earlier ones. */
export async function resetAnonymousId(site: string): Promise<string> {
  if (current?.site === site) return current.resetAnonymousId();
  return withDb((db) => db.resetAnonId(site));
}

/** False when GPC, DNT or the reader's opt-out forbid uploads (the local log still works). */
export function uploadAllowed(): boolean {
  return current ? current.uploadAllowed() : !browserSaysDoNotTrack();
}

/** The reader's own choice, as stored on this device (independent of GPC/DNT). */
export async function uploadOptedOut(): Promise<boolean> {
  return withDb((db) => db.optOut());
}

export async function setUploadOptOut(optOut: boolean): Promise<void> {
  if (current) return current.setUploadOptOut(optOut);
  await withDb(async (db) => {
    await db.setOptOut(optOut);
    if (optOut) await db.keepPendingLocal();
  });
}

/** Uploads pending events now (when allowed); resolves when done or when the upload failed. */
export async function flush(): Promise<void> {
  await current?.flush();
}

async function withDb<T>(use: (db: LogDb) => Promise<T>): Promise<T> {
  if (current) return use(await current.ready());
  const db = await LogDb.open();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

// One set of page lifecycle listeners for whichever log is current. Order matters: the tracker
// logs its last dwell and scroll events, then those are uploaded.
function installLifecycle(): void {
  if (lifecycleInstalled || typeof window === 'undefined') return;
  lifecycleInstalled = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    tracker?.hide();
    current?.flush().catch(() => undefined);
  });
  window.addEventListener('pagehide', () => {
    tracker?.hide();
    current?.beacon();
  });
  window.addEventListener('online', () => current?.online());
}
