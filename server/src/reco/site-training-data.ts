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

/**
 * What a site's model learns from: uploaded interest events (the same `itemKeyOf` the browser
 * uses) except client-sent purchases, each paid order as a one-item sequence (sales popularity
 * for cold start), and the workshops' own attributes.
 */
export async function readSiteTrainingData(db: Db, siteId: string): Promise<SiteTrainingData> {
  const events = await db
    .selectFrom('events')
    .select(['anon', 'type', 'workshop_id as workshop', 'path', 'ts'])
    .where('site_id', '=', siteId)
    .where('type', 'in', CLIENT_INTEREST_TYPES)
    .orderBy('anon')
    .orderBy('ts')
    .execute();
  const byLearner = new Map<string, typeof events>();
  for (const e of events) {
    const list = byLearner.get(e.anon) ?? [];
    list.push(e);
    byLearner.set(e.anon, list);
  }
  const sequences = [...byLearner.values()].map((list) => historyItemKeys(list)).filter((s) => s.length > 0);

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
  return { sequences, items: [...items], side, eventsUsed: events.length };
}
