import type { ReaderPageTable, ReaderWorkshopStepTable } from '../db/schema.ts';
import { type Aggregate, rowFor } from './aggregate.ts';
import { DAY_MS } from './reader-activity.ts';

/**
 * The paths each reader viewed per UTC day, with the first and last view's time: behind the pages
 * panel's "purchases it led to" (views up to 30 days before a purchase). A day's first and last
 * time answer "a view within [t − 30 days, t]?" exactly, because no day spans both ends.
 */
export const readerPages: Aggregate<ReaderPageTable> = {
  table: 'reader_pages',
  key: ['site_id', 'anon', 'day', 'path'],
  merge: { views: 'add', first_ts: 'min', last_ts: 'max' },
  rowsOf(events) {
    const rows = new Map<string, ReaderPageTable>();
    for (const e of events) {
      if (e.type !== 'page_view' || e.path == null) continue;
      const day = Math.floor(e.ts / DAY_MS);
      const row = rowFor(rows, `${e.site_id}\n${e.anon}\n${day}\n${e.path}`, () => ({
        site_id: e.site_id,
        anon: e.anon,
        day,
        path: e.path as string,
        views: 0,
        first_ts: e.ts,
        last_ts: e.ts,
      }));
      row.views += 1;
      row.first_ts = Math.min(row.first_ts, e.ts);
      row.last_ts = Math.max(row.last_ts, e.ts);
    }
    return [...rows.values()];
  },
};

/** The event types a reader's step towards a workshop is kept for. */
export const WORKSHOP_STEPS = ['checkout_start', 'purchase'] as const;

/**
 * Each reader's latest checkout start and purchase per workshop: behind the recommendations
 * panel's conversions (a click converted when the same reader reached the step for the clicked
 * workshop at or after the click, i.e. when the latest such step is not before it).
 */
export const readerWorkshopSteps: Aggregate<ReaderWorkshopStepTable> = {
  table: 'reader_workshop_steps',
  key: ['site_id', 'anon', 'workshop_id', 'type'],
  merge: { last_ts: 'max' },
  rowsOf(events) {
    const rows = new Map<string, ReaderWorkshopStepTable>();
    for (const e of events) {
      if (e.workshop_id == null || !(WORKSHOP_STEPS as readonly string[]).includes(e.type)) continue;
      const row = rowFor(rows, `${e.site_id}\n${e.anon}\n${e.workshop_id}\n${e.type}`, () => ({
        site_id: e.site_id,
        anon: e.anon,
        workshop_id: e.workshop_id as string,
        type: e.type,
        last_ts: e.ts,
      }));
      row.last_ts = Math.max(row.last_ts, e.ts);
    }
    return [...rows.values()];
  },
};
