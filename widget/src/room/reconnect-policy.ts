/** Where a run of reconnection attempts stands (as LiveKit's `ReconnectContext`). */
export type ReconnectContext = {
  /** Attempts made so far in this run (0 before the first). */
  retryCount: number;
  /** Since the connection was lost. */
  elapsedMs: number;
};

/**
 * When to try again to reach the signalling server after it dropped (as LiveKit's
 * `ReconnectPolicy`): a delay before the next attempt, or null to stop trying. Established media
 * and data keep flowing meanwhile; only new arrivals and the host's hand-over need signalling.
 */
export interface ReconnectPolicy {
  nextRetryDelayInMs(context: ReconnectContext): number | null;
}

/** The same delay before every attempt, never giving up: a room outlasts any network hiccup. */
export function steadyReconnectPolicy(delayMs: number): ReconnectPolicy {
  return { nextRetryDelayInMs: () => delayMs };
}

/** The host retries signalling a second after each drop. */
export const HOST_RECONNECT_POLICY = steadyReconnectPolicy(1000);
/** A learner's recovery loop already ticks every second; by default each tick may try again. */
export const LEARNER_RECONNECT_POLICY = steadyReconnectPolicy(0);

/** Counts the attempts of one run of reconnection and asks the policy whether one is due. */
export class ReconnectRun {
  private startedAt: number | null = null;
  private lastAttemptAt = 0;
  private retryCount = 0;

  constructor(private readonly policy: ReconnectPolicy) {}

  /** The delay before the next attempt (null: stop trying), counting it as made. */
  next(now: number): number | null {
    this.startedAt ??= now;
    const delay = this.policy.nextRetryDelayInMs({
      retryCount: this.retryCount,
      elapsedMs: now - this.startedAt,
    });
    if (delay !== null) this.retryCount++;
    return delay;
  }

  /** Whether an attempt is due now (for a loop that polls), counting it as made if so. */
  due(now: number): boolean {
    this.startedAt ??= now;
    const delay = this.policy.nextRetryDelayInMs({
      retryCount: this.retryCount,
      elapsedMs: now - this.startedAt,
    });
    if (delay === null || (this.retryCount > 0 && now - this.lastAttemptAt < delay)) return false;
    this.retryCount++;
    this.lastAttemptAt = now;
    return true;
  }

  /** Connected again: the next drop starts a new run. */
  reset(): void {
    this.startedAt = null;
    this.retryCount = 0;
  }
}
