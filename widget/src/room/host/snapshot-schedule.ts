/** How late a join or leave may reach the room (see `SnapshotSchedule`). */
export const PRESENCE_MS = 1000;

type Timer = ReturnType<typeof setTimeout>;

/** The timers a schedule runs on (a test passes its own). */
export type ScheduleClock = {
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
  queueMicrotask(fn: () => void): void;
};

const browserClock: ScheduleClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (timer) => clearTimeout(timer),
  queueMicrotask: (fn) => queueMicrotask(fn),
};

/**
 * When the host sends snapshots. Joins and leaves reach everyone within `PRESENCE_MS`, in one
 * snapshot, instead of one snapshot per change: a burst of arrivals costs each page one redraw,
 * and a newcomer's first picture does not compete with every page in the room redrawing its
 * participant list. Anything else (chat, questions, polls, hands) goes out at once and carries
 * pending joins and leaves with it. Changes in one tick make one snapshot.
 */
export class SnapshotSchedule {
  private presenceTimer: Timer | null = null;
  private pending = false;
  private closed = false;

  constructor(
    private readonly flush: () => void,
    private readonly clock: ScheduleClock = browserClock,
  ) {}

  /** Someone joined or left: a snapshot within `PRESENCE_MS`. */
  presence(): void {
    if (this.closed) return;
    this.presenceTimer ??= this.clock.setTimeout(() => {
      this.presenceTimer = null;
      this.now();
    }, PRESENCE_MS);
  }

  /** Anything else: a snapshot at the end of this tick, with pending joins and leaves. */
  now(): void {
    if (this.closed) return;
    if (this.presenceTimer) {
      this.clock.clearTimeout(this.presenceTimer);
      this.presenceTimer = null;
    }
    if (this.pending) return;
    this.pending = true;
    this.clock.queueMicrotask(() => {
      this.pending = false;
      this.flush();
    });
  }

  close(): void {
    this.closed = true;
    if (this.presenceTimer) this.clock.clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
  }
}
