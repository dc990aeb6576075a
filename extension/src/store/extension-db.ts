// The extension's own IndexedDB (in the extension's origin, never a page's): which Lectern
// sites the learner visited, the titles of pages read there, and each site's cached model. The
// behaviour events themselves live in the shared behaviour log (`@lectern/widget/log/db`) of
// this same origin.

import type { SiteModel } from '@lectern/server/contract';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** A Lectern site as the extension knows it: a site id on one server, seen on one host. */
export type KnownSite = {
  /** `<server origin>#<site id>`: two servers may use the same site id. */
  key: string;
  server: string;
  site: string;
  /** Where the learner read it, e.g. `blog.example` (shown in reasons and "Your data"). */
  host: string;
  /** The page the learner last read there: "For you" links back to it. */
  lastPage: string;
  firstSeen: number;
  lastSeen: number;
};

export type CachedModel = { key: string; info: SiteModel; bytes: Uint8Array; fetchedAt: number };

interface ExtensionSchema extends DBSchema {
  sites: { key: string; value: KnownSite };
  /** Key `<site key> <path>` → page title. */
  pages: {
    key: string;
    value: { key: string; site: string; path: string; title: string };
    indexes: { 'by-site': string };
  };
  models: { key: string; value: CachedModel };
}

export const siteKeyOf = (server: string, site: string) => `${server}#${site}`;

/** A site seen now, as it would be kept (used when learning is paused and nothing is kept). */
export function transientSite(server: string, site: string, page: URL, now: number): KnownSite {
  const lastPage = page.origin + page.pathname;
  return {
    key: siteKeyOf(server, site),
    server,
    site,
    host: page.host,
    lastPage,
    firstSeen: now,
    lastSeen: now,
  };
}

let opened: Promise<IDBPDatabase<ExtensionSchema>> | null = null;

function db(): Promise<IDBPDatabase<ExtensionSchema>> {
  opened ??= openDB<ExtensionSchema>('lectern-extension', 1, {
    upgrade(d) {
      d.createObjectStore('sites', { keyPath: 'key' });
      d.createObjectStore('pages', { keyPath: 'key' }).createIndex('by-site', 'site');
      d.createObjectStore('models', { keyPath: 'key' });
    },
  });
  return opened;
}

export const extensionDb = {
  async noteSite(server: string, site: string, page: URL, now: number): Promise<KnownSite> {
    const d = await db();
    const seen = transientSite(server, site, page, now);
    const known = await d.get('sites', seen.key);
    const next = known ? { ...known, host: seen.host, lastPage: seen.lastPage, lastSeen: now } : seen;
    await d.put('sites', next);
    return next;
  },
  async sites(): Promise<KnownSite[]> {
    return (await db()).getAll('sites');
  },
  async site(key: string): Promise<KnownSite | undefined> {
    return (await db()).get('sites', key);
  },
  async notePage(site: string, path: string, title: string): Promise<void> {
    const clean = title.trim().slice(0, 160);
    if (clean) await (await db()).put('pages', { key: `${site} ${path}`, site, path, title: clean });
  },
  async pageTitles(site: string): Promise<Map<string, string>> {
    const rows = await (await db()).getAllFromIndex('pages', 'by-site', site);
    return new Map(rows.map((r) => [r.path, r.title]));
  },
  async model(key: string): Promise<CachedModel | undefined> {
    return (await db()).get('models', key);
  },
  async putModel(model: CachedModel): Promise<void> {
    await (await db()).put('models', model);
  },
  /** Everything about one site: its entry, page titles and model. */
  async forgetSite(key: string): Promise<void> {
    const d = await db();
    const tx = d.transaction(['sites', 'pages', 'models'], 'readwrite');
    await tx.objectStore('sites').delete(key);
    await tx.objectStore('models').delete(key);
    for await (const c of tx.objectStore('pages').index('by-site').iterate(key)) await c.delete();
    await tx.done;
  },
  async clear(): Promise<void> {
    const d = await db();
    const tx = d.transaction(['sites', 'pages', 'models'], 'readwrite');
    await Promise.all([
      tx.objectStore('sites').clear(),
      tx.objectStore('pages').clear(),
      tx.objectStore('models').clear(),
    ]);
    await tx.done;
  },
};
