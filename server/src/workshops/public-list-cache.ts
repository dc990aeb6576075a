import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { Db } from '../db/database.ts';

export type CachedBody = { body: string; etag: string };

type Entry = CachedBody & { at: number; version: number };

/**
 * Micro-cache for the public workshop list, the hottest endpoint (every page view of every blog).
 * With several processes on one database, a write on any of them must show on the next read on
 * every other: each write bumps the site's row in `list_versions` (`changed`), and a read serves
 * its cached copy only while that row still holds the version the copy was made under (one
 * primary-key select instead of the list's query with its seat counts). Entries also expire
 * after `ttlMs`, for what changes with time alone: seat holds that lapse, workshops that end.
 */
export class PublicListCache {
  private entries = new Map<string, Entry>();
  private readonly versionOf?: SQLite.Statement<[string], { version: number }>;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** On SQLite, the version is read with a statement prepared once (the list's hot path). */
    sqlite?: SQLite.Database,
  ) {
    this.versionOf = sqlite?.prepare('select version from list_versions where site_id = ?');
  }

  async get(siteId: string, load: () => Promise<unknown>): Promise<CachedBody> {
    // Read before loading: a copy is never filed under a version newer than the data it holds
    // (a write commits its rows no later than its bump), so a stale copy is at worst reloaded.
    const version = await this.version(siteId);
    const hit = this.entries.get(siteId);
    const now = this.now();
    if (hit && hit.version === version && now - hit.at < this.ttlMs) return hit;
    const body = JSON.stringify(await load());
    const entry = { body, etag: etagOf(body), at: now, version };
    this.entries.set(siteId, entry);
    return entry;
  }

  /**
   * A write changed the site's list: drops this process's copy and bumps the shared version, so
   * every process reloads at its next read. Pass the write's transaction to bump in it; without
   * one, call it after the write committed.
   */
  async changed(siteId: string, db: Db = this.db): Promise<void> {
    this.entries.delete(siteId);
    await db
      .insertInto('list_versions')
      .values({ site_id: siteId, version: 1 })
      .onConflict((oc) =>
        oc.column('site_id').doUpdateSet((eb) => ({ version: eb('list_versions.version', '+', 1) })),
      )
      .execute();
  }

  private async version(siteId: string): Promise<number> {
    if (this.versionOf) return Number(this.versionOf.get(siteId)?.version ?? 0);
    const row = await this.db
      .selectFrom('list_versions')
      .select('version')
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  }
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}
