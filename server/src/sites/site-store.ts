import { randomBytes } from 'node:crypto';
import type { OwnerSite } from '../contract/site.ts';
import type { Db } from '../db/database.ts';
import type { SiteRow } from '../db/schema.ts';
import { newId, sameSecret, sha256 } from '../ids.ts';

export type Site = {
  id: string;
  name: string;
  origins: string[];
  settings: Record<string, unknown>;
  createdAt: number;
};

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins),
    settings: JSON.parse(row.settings),
    createdAt: Number(row.created_at),
  };
}

export function toOwnerSite(site: Site): OwnerSite {
  return {
    id: site.id,
    name: site.name,
    origins: site.origins,
    createdAt: new Date(site.createdAt).toISOString(),
  };
}

const CACHE_MS = 5_000;

const newOwnerKey = () => `lk_${randomBytes(24).toString('base64url')}`;

/**
 * Sites are read on every public request (CORS), so they are cached briefly. Writes through this
 * store invalidate at once; other replicas see a change within CACHE_MS.
 */
export class SiteStore {
  private cache = new Map<string, { site: Site | null; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a site and returns its owner key, which is shown once and stored only as a hash. */
  async create(input: { name: string; origins: string[]; id?: string; key?: string }) {
    const id = input.id ?? newId('site');
    const ownerKey = input.key ?? newOwnerKey();
    await this.db
      .insertInto('sites')
      .values({
        id,
        name: input.name,
        origins: JSON.stringify([...new Set(input.origins)]),
        owner_key_hash: sha256(ownerKey),
        settings: '{}',
        created_at: this.now(),
      })
      .execute();
    this.cache.delete(id);
    return { site: (await this.get(id))!, ownerKey };
  }

  async get(id: string): Promise<Site | null> {
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.site;
    const row = await this.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    const site = row ? toSite(row) : null;
    this.cache.set(id, { site, at: this.now() });
    return site;
  }

  async list(): Promise<Site[]> {
    const rows = await this.db.selectFrom('sites').selectAll().orderBy('created_at').execute();
    return rows.map(toSite);
  }

  /**
   * Replaces the owner key: the old one stops at once (only the new hash is stored) and so do the
   * sessions issued under it (the version they carry is bumped). Null for an unknown site.
   */
  async rotateKey(id: string): Promise<{ ownerKey: string; version: number } | null> {
    const ownerKey = newOwnerKey();
    const result = await this.db
      .updateTable('sites')
      .set((eb) => ({ owner_key_hash: sha256(ownerKey), owner_key_version: eb('owner_key_version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    this.cache.delete(id);
    if (Number(result.numUpdatedRows) === 0) return null;
    return { ownerKey, version: (await this.keyVersion(id)) ?? 0 };
  }

  /**
   * The site's owner key version, read from the database every time (not the cache), so a
   * rotation from the CLI's process stops the server's old sessions at once too. Null: no site.
   */
  async keyVersion(id: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('sites')
      .select('owner_key_version')
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? Number(row.owner_key_version) : null;
  }

  async verifyKey(id: string, key: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('sites')
      .select('owner_key_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    // Compare hashes even for unknown sites so timing does not reveal which ids exist.
    return sameSecret(row?.owner_key_hash ?? sha256(''), sha256(key)) && row !== undefined;
  }

  async update(id: string, patch: { name?: string; origins?: string[]; settings?: Record<string, unknown> }) {
    await this.db
      .updateTable('sites')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.origins !== undefined && { origins: JSON.stringify([...new Set(patch.origins)]) }),
        ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
      })
      .where('id', '=', id)
      .execute();
    this.cache.delete(id);
    return this.get(id);
  }

  /** True when some site lists this origin (used to answer CORS preflights that name no site). */
  async anySiteAllows(origin: string): Promise<boolean> {
    const rows = await this.db.selectFrom('sites').select('origins').execute();
    return rows.some((r) => (JSON.parse(r.origins) as string[]).includes(origin));
  }
}
