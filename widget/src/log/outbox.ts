import type { LogDb } from './db.ts';
import type { BehaviourEvent, LogError, StoredEvent } from './event-types.ts';

/** Well under the server's 100 and the 64 KB budget a keepalive request or beacon may carry. */
export const MAX_BATCH = 50;
/** The server refuses events older than 60 days; ours stay on the device after 30. */
export const MAX_UPLOAD_AGE_MS = 30 * 86_400_000;

export type OutboxOptions = {
  db: LogDb;
  site: string;
  /** `https://lectern.example/v1/events` */
  endpoint: string;
  fetch: typeof fetch;
  sendBeacon?: (url: string, data: Blob) => boolean;
  uploadAllowed: () => boolean;
  onError?: (error: LogError) => void;
  now?: () => number;
  random?: () => number;
  /** Wait after a new event so that a burst travels in one request. */
  batchDelayMs?: number;
  baseRetryMs?: number;
  maxRetryMs?: number;
};

type DrainResult = 'done' | 'backoff';

/**
 * Uploads pending events in batches and marks them sent only when the server confirms. Anything
 * unconfirmed stays pending in IndexedDB and is sent again later (next flush, `online`, next page
 * load); the server dedupes by event id, so a re-send never counts twice.
 */
export class Outbox {
  /** Events this page knows are unconfirmed, so `pagehide` can beacon them without awaiting IDB. */
  private readonly unconfirmed = new Map<string, BehaviourEvent>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffUntil = 0;
  private attempt = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly o: Required<Omit<OutboxOptions, 'sendBeacon' | 'onError'>> &
    Pick<OutboxOptions, 'sendBeacon' | 'onError'>;

  constructor(options: OutboxOptions) {
    this.o = {
      now: Date.now,
      random: Math.random,
      batchDelayMs: 1_000,
      baseRetryMs: 2_000,
      maxRetryMs: 5 * 60_000,
      ...options,
    };
  }

  /** A new pending event, possibly not yet in IndexedDB: a beacon may carry it from now on. */
  remember(event: BehaviourEvent): void {
    this.unconfirmed.set(event.id, event);
  }

  /** New events are stored: upload them after a short wait, so that a burst travels together. */
  soon(): void {
    this.schedule(this.o.batchDelayMs);
  }

  /** Forget in-memory copies (the reader deleted their data or opted out). */
  forget(): void {
    this.unconfirmed.clear();
  }

  /** Network came back: retry at once instead of waiting out the backoff. */
  online(): void {
    this.attempt = 0;
    this.backoffUntil = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Uploads everything pending now, ignoring any backoff; resolves when done or failing. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let result: DrainResult;
        do {
          this.again = false;
          result = await this.drain();
        } while (this.again && result === 'done');
      } catch (cause) {
        // IndexedDB failed or closed under us; the events stay pending for a later page.
        if (!this.stopped) this.o.onError?.({ type: 'storage_unavailable', message: 'Upload paused', cause });
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * The page is going away: hand what this page has not had confirmed to `sendBeacon`, which
   * outlives the page. There is no answer to a beacon, so the events stay pending and are sent
   * again on a later visit; the server ignores the repeat.
   */
  beacon(): void {
    if (this.stopped || !this.o.sendBeacon || !this.o.uploadAllowed() || this.unconfirmed.size === 0) return;
    const events = [...this.unconfirmed.values()];
    for (let i = 0; i < events.length; i += MAX_BATCH) {
      const body = JSON.stringify({ events: events.slice(i, i + MAX_BATCH) });
      // text/plain is CORS-safelisted, so the beacon needs no preflight.
      if (!this.o.sendBeacon(this.o.endpoint, new Blob([body], { type: 'text/plain' }))) break;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    const at = Math.max(this.o.now() + delay, this.backoffUntil);
    if (this.timer !== undefined) return; // an earlier or backoff timer will take these events too
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.flush();
      },
      Math.max(0, at - this.o.now()),
    );
  }

  private async drain(): Promise<DrainResult> {
    for (;;) {
      if (this.stopped) return 'done';
      // Checked before every request: GPC, DNT or opt-out means no request at all.
      if (!this.o.uploadAllowed()) return 'done';
      const batch = await this.o.db.inState('pending', this.o.site, MAX_BATCH);
      if (batch.length === 0) {
        this.attempt = 0;
        return 'done';
      }
      const cutoff = this.o.now() - MAX_UPLOAD_AGE_MS;
      const stale = batch.filter((e) => e.ts < cutoff);
      if (stale.length) await this.settle(stale, 'local');
      const fresh = batch.filter((e) => e.ts >= cutoff);
      if (fresh.length === 0) continue;

      let res: Response;
      try {
        res = await this.o.fetch(this.o.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: fresh.map(toWire) }),
          keepalive: true,
          credentials: 'omit',
        });
      } catch {
        return this.backoff(null); // offline, DNS, CORS refusal: all look alike from here
      }
      if (res.ok) {
        await this.settle(fresh, 'sent');
        this.attempt = 0;
      } else if (res.status === 429 || res.status >= 500) {
        return this.backoff(retryAfterMs(res.headers.get('retry-after'), this.o.now()));
      } else {
        // The server will never take these: keep them for the reader, stop offering them.
        await this.settle(fresh, 'rejected');
        this.o.onError?.({
          type: 'upload_rejected',
          message: `The server refused ${fresh.length} event(s) with HTTP ${res.status}`,
        });
      }
    }
  }

  private async settle(events: readonly StoredEvent[], state: 'sent' | 'rejected' | 'local') {
    const ids = events.map((e) => e.id);
    await this.o.db.setState(ids, state);
    for (const id of ids) this.unconfirmed.delete(id);
  }

  /** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
  private backoff(serverDelay: number | null): DrainResult {
    const ceiling = Math.min(this.o.maxRetryMs, this.o.baseRetryMs * 2 ** this.attempt);
    this.attempt += 1;
    const delay = serverDelay ?? Math.round(ceiling * (0.5 + this.o.random() / 2));
    this.backoffUntil = this.o.now() + delay;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(delay);
    return 'backoff';
  }
}

function toWire({ state: _state, ...event }: StoredEvent): BehaviourEvent {
  return event;
}

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
