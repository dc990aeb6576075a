import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { StoredEvent, SyncState } from './event-types.ts';
import { uuid } from './ids.ts';

export const LOG_DB_NAME = 'lectern-log';
const OPT_OUT_KEY = 'upload-opt-out';
const ANON_PREFIX = 'anon:';

interface LogSchema extends DBSchema {
  events: {
    key: string;
    value: StoredEvent;
    indexes: {
      'by-site-ts': [string, number];
      // Compound so the outbox reads "pending events of this site, oldest first" in one range.
      'by-state': [SyncState, string, number];
    };
  };
  /** Out-of-line keys: `anon:<site>` → anonymous id, `upload-opt-out` → boolean. */
  meta: { key: string; value: string | boolean };
}

/**
 * The on-device behaviour log. One database per origin (the host page's, or the extension's),
 * shared by every site logged there, so the extension can reuse it unchanged.
 */
export class LogDb {
  private constructor(private readonly idb: IDBPDatabase<LogSchema>) {}

  static async open(): Promise<LogDb> {
    const idb = await openDB<LogSchema>(LOG_DB_NAME, 1, {
      upgrade(db) {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-site-ts', ['site', 'ts']);
        events.createIndex('by-state', ['state', 'site', 'ts']);
        db.createObjectStore('meta');
      },
      // Another tab upgrading (a newer widget) must not be blocked by this old connection.
      blocking() {
        idb.close();
      },
    });
    return new LogDb(idb);
  }

  close(): void {
    this.idb.close();
  }

  async add(event: StoredEvent): Promise<void> {
    await this.idb.put('events', event);
  }

  /** The oldest events of a site in one state, up to `limit`. */
  async inState(state: SyncState, site: string, limit: number): Promise<StoredEvent[]> {
    const range = IDBKeyRange.bound([state, site, -Infinity], [state, site, Infinity]);
    return this.idb.getAllFromIndex('events', 'by-state', range, limit);
  }

  /** Moves events to a state in one transaction; ids deleted meanwhile are skipped. */
  async setState(ids: readonly string[], state: SyncState): Promise<void> {
    const tx = this.idb.transaction('events', 'readwrite');
    await Promise.all(
      ids.map(async (id) => {
        const event = await tx.store.get(id);
        if (event && event.state !== state) await tx.store.put({ ...event, state });
      }),
    );
    await tx.done;
  }

  /** Every pending event of every site becomes local-only (the reader opted out). */
  async keepPendingLocal(): Promise<void> {
    const tx = this.idb.transaction('events', 'readwrite');
    const range = IDBKeyRange.bound(['pending', '', -Infinity], ['pending', '\uffff', Infinity]);
    for await (const cursor of tx.store.index('by-state').iterate(range)) {
      await cursor.update({ ...cursor.value, state: 'local' });
    }
    await tx.done;
  }

  /** Events oldest first, of one site or of all. */
  async history(site?: string): Promise<StoredEvent[]> {
    if (site === undefined) {
      const all = await this.idb.getAll('events');
      return all.sort((a, b) => a.ts - b.ts);
    }
    const range = IDBKeyRange.bound([site, -Infinity], [site, Infinity]);
    return this.idb.getAllFromIndex('events', 'by-site-ts', range);
  }

  /** The site's anonymous id, created on first use; read and create in one transaction. */
  async anonId(site: string): Promise<string> {
    const tx = this.idb.transaction('meta', 'readwrite');
    const key = ANON_PREFIX + site;
    let id = await tx.store.get(key);
    if (typeof id !== 'string') {
      id = uuid();
      await tx.store.put(id, key);
    }
    await tx.done;
    return id;
  }

  async resetAnonId(site: string): Promise<string> {
    const id = uuid();
    await this.idb.put('meta', id, ANON_PREFIX + site);
    return id;
  }

  async anonIds(): Promise<Record<string, string>> {
    const tx = this.idb.transaction('meta');
    const out: Record<string, string> = {};
    for await (const cursor of tx.store.iterate()) {
      const key = String(cursor.key);
      if (key.startsWith(ANON_PREFIX) && typeof cursor.value === 'string') {
        out[key.slice(ANON_PREFIX.length)] = cursor.value;
      }
    }
    return out;
  }

  async optOut(): Promise<boolean> {
    return (await this.idb.get('meta', OPT_OUT_KEY)) === true;
  }

  async setOptOut(optOut: boolean): Promise<void> {
    await this.idb.put('meta', optOut, OPT_OUT_KEY);
  }

  /** Deletes one site's events and anonymous id (the extension's per-site "forget"). */
  async deleteSite(site: string): Promise<void> {
    const tx = this.idb.transaction(['events', 'meta'], 'readwrite');
    const range = IDBKeyRange.bound([site, -Infinity], [site, Infinity]);
    for await (const cursor of tx.objectStore('events').index('by-site-ts').iterate(range))
      await cursor.delete();
    await tx.objectStore('meta').delete(ANON_PREFIX + site);
    await tx.done;
  }

  /**
   * Deletes every event and anonymous id. The opt-out choice survives on purpose: deleting one's
   * data must not silently turn uploads back on.
   */
  async deleteAll(): Promise<void> {
    const tx = this.idb.transaction(['events', 'meta'], 'readwrite');
    await tx.objectStore('events').clear();
    const meta = tx.objectStore('meta');
    for await (const cursor of meta.iterate()) {
      if (String(cursor.key).startsWith(ANON_PREFIX)) await cursor.delete();
    }
    await tx.done;
  }
}
