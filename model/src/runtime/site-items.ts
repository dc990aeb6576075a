/**
 * A site's item keys: `w:<workshop id>` for workshops and `p:<path>` for posts and pages. The
 * server builds training sequences and the browser builds a learner's history with this same
 * function, so what is trained is what is served.
 */
export type InterestEvent = { type: string; workshop?: string | null; path?: string | null };

/** Which behaviour counts as interest: opening, buying or holding a workshop, reading a page. */
export const INTEREST_TYPES = [
  'workshop_click',
  'checkout_start',
  'purchase',
  'ticket_view',
  'page_view',
  'reco_click',
] as const;

export function itemKeyOf(event: InterestEvent): string | null {
  if (!(INTEREST_TYPES as readonly string[]).includes(event.type)) return null;
  if (event.type === 'page_view') return event.path ? `p:${event.path}` : null;
  return event.workshop ? `w:${event.workshop}` : null;
}

/** Events (oldest first) → item keys, consecutive repeats collapsed. */
export function historyItemKeys(events: readonly InterestEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const key = itemKeyOf(e);
    if (key && out[out.length - 1] !== key) out.push(key);
  }
  return out;
}

export const workshopKey = (id: string) => `w:${id}`;
export const isWorkshopKey = (key: string) => key.startsWith('w:');
export const workshopIdOf = (key: string) => key.slice(2);
