import { createHash } from 'node:crypto';

export type CachedBody = { body: string; etag: string };

/**
 * Micro-cache for the public workshop list, the hottest endpoint (every page view of every blog).
 * Writes through this process invalidate a site's entry at once; entries also expire after
 * `ttlMs`, which bounds staleness for writes on other replicas and for seat holds that lapse.
 */
export class PublicListCache {
  private entries = new Map<string, CachedBody & { at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(siteId: string, load: () => Promise<unknown>): Promise<CachedBody> {
    const hit = this.entries.get(siteId);
    const now = this.now();
    if (hit && now - hit.at < this.ttlMs) return hit;
    const body = JSON.stringify(await load());
    const entry = { body, etag: etagOf(body), at: now };
    this.entries.set(siteId, entry);
    return entry;
  }

  invalidate(siteId: string): void {
    this.entries.delete(siteId);
  }
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}
