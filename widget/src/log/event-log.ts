import { offerEvent } from '../extension-bridge/page-bridge.ts';
import { cleanFields, cleanPath } from './clean-fields.ts';
import { LogDb } from './db.ts';
import {
  type BehaviourEvent,
  type EventType,
  isEventType,
  type LogError,
  type StoredEvent,
  type TrackFields,
} from './event-types.ts';
import { uuidv7 } from './ids.ts';
import { MAX_UPLOAD_AGE_MS, Outbox } from './outbox.ts';
import { browserSaysDoNotTrack } from './privacy.ts';
import { SessionClock } from './session.ts';

export type LogConfig = {
  /** The site id from `data-site`. */
  site: string;
  /** The Lectern server's origin, e.g. `https://lectern.example`. */
  server: string;
  fetch?: typeof fetch;
  /** Runtime failures are reported here and never thrown; silent when absent. */
  onError?: (error: LogError) => void;
};

/** Test seams; the browser defaults are used otherwise. */
export type LogEnv = {
  now?: () => number;
  random?: () => number;
  sendBeacon?: (url: string, data: Blob) => boolean;
  session?: SessionClock;
  location?: { pathname: string };
  batchDelayMs?: number;
};

/** The behaviour log of one site on this device: write locally first, then upload if allowed. */
export class EventLog {
  readonly site: string;
  private readonly now: () => number;
  private readonly session: SessionClock;
  private readonly location: { pathname: string } | undefined;
  private readonly opened: Promise<LogDb>;
  private readonly writes = new Set<Promise<void>>();
  private db: LogDb | null = null;
  private outbox: Outbox | null = null;
  private anon: string | undefined;
  private optedOut = false;
  private lastTs = 0;
  private storageErrorReported = false;
  private closed = false;

  constructor(
    private readonly config: LogConfig,
    env: LogEnv = {},
  ) {
    this.site = config.site;
    this.now = env.now ?? Date.now;
    this.session = env.session ?? new SessionClock(undefined, this.now);
    this.location = env.location ?? globalThis.location;
    this.opened = this.open(env);
    this.opened.catch((cause) => this.storageFailed(cause));
  }

  private async open(env: LogEnv): Promise<LogDb> {
    const db = await LogDb.open();
    this.optedOut = await db.optOut();
    this.anon = await db.anonId(this.site);
    this.db = db;
    this.outbox = new Outbox({
      db,
      site: this.site,
      endpoint: `${this.config.server.replace(/\/+$/, '')}/v1/events`,
      fetch: this.config.fetch ?? globalThis.fetch.bind(globalThis),
      sendBeacon: env.sendBeacon ?? defaultBeacon(),
      uploadAllowed: () => this.uploadAllowed(),
      onError: (e) => this.report(e),
      now: this.now,
      random: env.random,
      batchDelayMs: env.batchDelayMs,
    });
    // Events a previous page logged but never had confirmed (closed mid-batch, offline) go now.
    if (this.closed) this.outbox.stop();
    else this.outbox.online();
    return db;
  }

  /** Resolves once the database is open (rejects when IndexedDB is unavailable). */
  ready(): Promise<LogDb> {
    return this.opened;
  }

  uploadAllowed(): boolean {
    return !this.optedOut && !browserSaysDoNotTrack();
  }

  /** Logs an event; returns at once and never throws. */
  track(type: EventType, fields: TrackFields = {}): void {
    if (this.closed) return;
    if (!isEventType(type)) {
      this.report({ type: 'invalid_event', message: `Unknown event type "${String(type)}"` });
      return;
    }
    const { fields: clean, dropped } = cleanFields(fields);
    if (dropped.length) {
      this.report({ type: 'invalid_event', message: `Dropped invalid field(s) ${dropped.join(', ')}` });
    }
    // Strictly increasing within a page, so that the recommender sees a burst in its real order.
    this.lastTs = Math.max(this.now(), this.lastTs + 1);
    // Time, path and session are taken now, not when the database happens to be ready.
    const base = {
      id: uuidv7(this.lastTs),
      ts: this.lastTs,
      site: this.site,
      session: this.session.current(),
      type,
      path: cleanPath(fields.path ?? this.location?.pathname ?? '/'),
      ...clean,
    };
    // When already open, the outbox learns of the event synchronously so that a beacon sent by
    // this same `pagehide` carries it even if the IndexedDB write never completes.
    let event = this.db && this.anon ? this.admit(base, this.anon) : null;
    const write = (async () => {
      const db = await this.opened;
      this.anon ??= await db.anonId(this.site);
      event ??= this.admit(base, this.anon);
      await db.add(event);
      // The learner's Lectern extension (when installed) keeps its own cross-site copy.
      offerEvent(this.config.server, event);
      if (event.state === 'pending') this.outbox?.soon();
    })()
      .catch((cause) => this.storageFailed(cause))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Resolves when every event tracked so far is in IndexedDB (or failed to get there). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }

  /** Waits for every write so far, then uploads what is pending. */
  async flush(): Promise<void> {
    await this.settled();
    await this.opened.catch(() => undefined);
    await this.outbox?.flush();
  }

  /** The page is being hidden for good: beacon what this page has not had confirmed. */
  beacon(): void {
    this.outbox?.beacon();
  }

  /** Retry uploads now (the browser came back online). */
  online(): void {
    this.outbox?.online();
  }

  async setUploadOptOut(optOut: boolean): Promise<void> {
    this.optedOut = optOut;
    const db = await this.opened;
    await db.setOptOut(optOut);
    if (optOut) {
      this.outbox?.forget();
      await Promise.allSettled([...this.writes]);
      await db.keepPendingLocal();
    }
  }

  async resetAnonymousId(): Promise<string> {
    const db = await this.opened;
    this.anon = await db.resetAnonId(this.site);
    return this.anon;
  }

  /** Called after the device's data was deleted: cached ids and queued copies are gone too. */
  async forgetLocal(): Promise<void> {
    await Promise.allSettled([...this.writes]);
    this.anon = undefined;
    this.outbox?.forget();
  }

  close(): void {
    this.closed = true;
    this.outbox?.stop();
    this.opened.then((db) => db.close()).catch(() => undefined);
  }

  private admit(base: Omit<BehaviourEvent, 'anon'>, anon: string): StoredEvent {
    const fresh = base.ts >= this.now() - MAX_UPLOAD_AGE_MS;
    // Consent is decided when the event happens: logged while uploads were off, it stays local.
    const state = this.uploadAllowed() && fresh ? 'pending' : 'local';
    const event: StoredEvent = { ...base, anon, state };
    if (state === 'pending') this.outbox?.remember(withoutState(event));
    return event;
  }

  private storageFailed(cause: unknown): void {
    if (this.storageErrorReported) return;
    this.storageErrorReported = true;
    this.report({ type: 'storage_unavailable', message: 'IndexedDB is not available', cause });
  }

  private report(error: LogError): void {
    try {
      this.config.onError?.(error);
    } catch {
      // A faulty error handler must not break logging.
    }
  }
}

function withoutState({ state: _state, ...event }: StoredEvent): BehaviourEvent {
  return event;
}

function defaultBeacon(): ((url: string, data: Blob) => boolean) | undefined {
  const nav = globalThis.navigator;
  if (typeof nav?.sendBeacon !== 'function') return undefined;
  return (url, data) => nav.sendBeacon(url, data);
}
