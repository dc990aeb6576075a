import type { ReaderActivityTable } from '../db/schema.ts';
import { type Aggregate, rowFor } from './aggregate.ts';

export type ReaderActivityRow = ReaderActivityTable;

/** The counters of `reader_activity`, and which event type each one counts. */
const COUNTED = {
  page_view: 'page_views',
  workshop_click: 'workshop_views',
  reco_click: 'reco_clicks',
  purchase: 'purchases',
  room_join: 'room_joins',
  room_interaction: 'interactions',
} as const satisfies Record<string, keyof ReaderActivityRow>;

const COUNTERS = ['events', ...Object.values(COUNTED)] as const;

export const DAY_MS = 86_400_000;

/**
 * What each reader did per (site, UTC day, session), the rows behind retention, prediction and
 * segments (migration 016): a browser's batch is one reader's session, so 50 events usually
 * become one upsert.
 */
export const readerActivity: Aggregate<ReaderActivityRow> = {
  table: 'reader_activity',
  key: ['site_id', 'day', 'anon', 'session'],
  merge: Object.fromEntries(COUNTERS.map((c) => [c, 'add'])),
  rowsOf(events) {
    const rows = new Map<string, ReaderActivityRow>();
    for (const e of events) {
      const day = Math.floor(e.ts / DAY_MS);
      const row = rowFor(rows, `${e.site_id}\n${day}\n${e.anon}\n${e.session}`, () => ({
        site_id: e.site_id,
        day,
        anon: e.anon,
        session: e.session,
        events: 0,
        page_views: 0,
        workshop_views: 0,
        reco_clicks: 0,
        purchases: 0,
        room_joins: 0,
        interactions: 0,
      }));
      row.events += 1;
      const counter = COUNTED[e.type as keyof typeof COUNTED];
      if (counter) row[counter] += 1;
    }
    return [...rows.values()];
  },
};
