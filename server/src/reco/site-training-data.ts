import { historyItemKeys, INTEREST_TYPES, workshopKey } from '@lectern/model/runtime';
import type { Db } from '../db/database.ts';

export type SiteTrainingData = {
  /** One item sequence per anonymous learner, oldest first. */
  sequences: string[][];
  /** Every item the model should know: all workshops (even unseen ones) and pages seen. */
  items: string[];
  /** Side information: workshop → tags, host and language, so new workshops have neighbours. */
  side: Map<string, string[]>;
  eventsUsed: number;
};

// Anyone may post events for any site, so a client's word that it bought something is not a
// purchase: the model's purchases are the server's own paid orders, read below.
const CLIENT_INTEREST_TYPES = INTEREST_TYPES.filter((type) => type !== 'purchase');

/** Rows per read (see `interestEvents`). */
const CHUNK = 2000;

/**
 * What a site's model learns from: uploaded interest events (the same `itemKeyOf` the browser
 * uses) except client-sent purchases, each paid order as a one-item sequence (sales popularity
 * for cold start), and the workshops' own attributes.
 */
export async function readSiteTrainingData(db: Db, siteId: string, chunk = CHUNK): Promise<SiteTrainingData> {
  const byLearner = new Map<string, InterestRow[]>();
  let eventsUsed = 0;
  for await (const rows of interestEvents(db, siteId, chunk)) {
    eventsUsed += rows.length;
    for (const e of rows) {
      const list = byLearner.get(e.anon) ?? [];
      list.push(e);
      byLearner.set(e.anon, list);
    }
  }
  // Learners in id order, each one's events oldest first (ties by event id): the same sequences
  // in the same order whatever order the rows were read in.
  const sequences = [...byLearner.keys()]
    .sort()
    .map((anon) => historyItemKeys((byLearner.get(anon) ?? []).sort(oldestFirst)))
    .filter((s) => s.length > 0);

  const workshops = await db
    .selectFrom('workshops')
    .select(['id', 'tags', 'host_name', 'language'])
    .where('site_id', '=', siteId)
    .where('status', '!=', 'draft')
    .execute();
  const side = new Map<string, string[]>();
  for (const w of workshops) {
    const tags = (JSON.parse(w.tags) as string[]).map((t) => `tag:${t.toLowerCase()}`);
    side.set(workshopKey(w.id), [...tags, `host:${w.host_name}`, `lang:${w.language}`]);
  }
  const paid = await db
    .selectFrom('orders')
    .select('workshop_id')
    .where('site_id', '=', siteId)
    .where('status', '=', 'paid')
    .execute();
  for (const o of paid) sequences.push([workshopKey(o.workshop_id)]);

  const items = new Set<string>(workshops.map((w) => workshopKey(w.id)));
  for (const seq of sequences) for (const key of seq) items.add(key);
  return { sequences, items: [...items], side, eventsUsed };
}

type InterestRow = {
  id: string;
  anon: string;
  type: string;
  workshop: string | null;
  path: string | null;
  ts: number;
};

const oldestFirst = (a: InterestRow, b: InterestRow) =>
  a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The site's interest events, type by type, in chunks (keyset on ts, id through the (site, type,
 * ts) index; the caller orders each learner's events): on SQLite a query runs on the event loop,
 * and reading a million-event site's 270,000 interest events at once stalled every request for
 * 4.5 s; read in chunks, with the loop free in between, each read of 2,000 rows blocks it briefly
 * and the model learns from exactly the same events. (Ingestion keeps no per-learner index on
 * events since migration 017, so the read does not ask for the learner's order.)
 */
async function* interestEvents(db: Db, siteId: string, size: number): AsyncGenerator<InterestRow[]> {
  for (const type of CLIENT_INTEREST_TYPES) {
    let after: InterestRow | undefined;
    for (;;) {
      const rows = await db
        .selectFrom('events')
        .select(['id', 'anon', 'type', 'workshop_id as workshop', 'path', 'ts'])
        .where('site_id', '=', siteId)
        .where('type', '=', type)
        .$if(after !== undefined, (qb) =>
          qb.where((eb) => eb(eb.refTuple('ts', 'id'), '>', eb.tuple(after!.ts, after!.id))),
        )
        .orderBy('ts')
        .orderBy('id')
        .limit(size)
        .execute();
      if (rows.length === 0) break;
      const chunk = rows.map((r) => ({ ...r, ts: Number(r.ts) }));
      yield chunk;
      if (rows.length < size) break;
      after = chunk[chunk.length - 1];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
