import type { MiddlewareHandler } from 'hono';
import { clientIp } from './client-ip.ts';
import { HttpError } from './http-error.ts';

type Bucket = { tokens: number; updated: number };

/**
 * A token bucket per client address and bucket name, refilled continuously. In memory: with
 * several replicas each enforces its own share, which is the usual trade-off for a small server.
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns seconds to wait, or 0 when the request may proceed. */
  take(key: string): number {
    if (this.perMinute === 0) return 0; // 0 disables the limit (benchmarks, trusted networks)
    const now = this.now();
    this.sweep(now);
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.updated > 120_000) this.buckets.delete(key);
  }
}

export function rateLimit(limiter: RateLimiter, name: string): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.take(`${name}:${clientIp(c)}`);
    if (wait > 0) {
      throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    await next();
  };
}
