import type { Db } from '../db/database.ts';

/**
 * Which uploaded events say "this learner was interested in this item", in the product's words:
 * opening a workshop, starting to buy it, buying it, or reading a post. Impressions are not
 * interest and are left out.
 */
const INTEREST_TYPES = ['workshop_click', 'checkout_start', 'purchase', 'ticket_view', 'page_view'] as const;

/** A site's item keys: `w:<workshop id>` for workshops, `p:<path>` for posts and pages. */
export function itemKeyOf(event: {
  type: string;
  workshop_id: string | null;
  path: string | null;
}): string | null {
  if (event.type === 'page_view') return event.path ? `p:${event.path}` : null;
  return event.workshop_id ? `w:${event.workshop_id}` : null;
}

export type SiteHistories = {
  /** Every learner's interactions, oldest first, consecutive repeats collapsed. */
  sequences: string[][];
  eventsRead: number;
};

/** Reads a site's uploaded events into one ordered item sequence per anonymous learner. */
export async function readSiteHistories(db: Db, siteId: string): Promise<SiteHistories> {
  const rows = await db
    .selectFrom('events')
    .select(['anon', 'type', 'workshop_id', 'path', 'ts'])
    .where('site_id', '=', siteId)
    .where('type', 'in', [...INTEREST_TYPES])
    .orderBy('anon')
    .orderBy('ts')
    .execute();
  const byLearner = new Map<string, string[]>();
  for (const row of rows) {
    const key = itemKeyOf(row);
    if (!key) continue;
    const seq = byLearner.get(row.anon) ?? [];
    if (seq.at(-1) !== key) seq.push(key);
    byLearner.set(row.anon, seq);
  }
  return { sequences: [...byLearner.values()], eventsRead: rows.length };
}
