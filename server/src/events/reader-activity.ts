import type { Transaction } from 'kysely';
import type { Database, NewEvent, ReaderActivityTable } from '../db/schema.ts';

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

export const ACTIVITY_COUNTERS = ['events', ...Object.values(COUNTED)] as const;
export const ACTIVITY_KEY = ['site_id', 'day', 'anon', 'session'] as const;

const DAY_MS = 86_400_000;

/**
 * The stored events folded into one row per (site, UTC day, reader, session): a browser's batch
 * is one reader's session, so 50 events usually become one upsert.
 */
export function readerActivityOf(events: Iterable<NewEvent>): ReaderActivityRow[] {
  const rows = new Map<string, ReaderActivityRow>();
  for (const e of events) {
    const day = Math.floor(e.ts / DAY_MS);
    const key = `${e.site_id}\n${day}\n${e.anon}\n${e.session}`;
    let row = rows.get(key);
    if (!row) {
      row = {
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
      };
      rows.set(key, row);
    }
    row.events += 1;
    const counter = COUNTED[e.type as keyof typeof COUNTED];
    if (counter) row[counter] += 1;
  }
  return [...rows.values()];
}

/** The same upsert for SQLite's prepared statement and PostgreSQL: add to the row if it exists. */
export const UPSERT_READER_ACTIVITY = `insert into reader_activity (${[...ACTIVITY_KEY, ...ACTIVITY_COUNTERS].join(', ')})
  values (${[...ACTIVITY_KEY, ...ACTIVITY_COUNTERS].map(() => '?').join(', ')})
  on conflict (${ACTIVITY_KEY.join(', ')}) do update set
  ${ACTIVITY_COUNTERS.map((c) => `${c} = reader_activity.${c} + excluded.${c}`).join(', ')}`;

/** Positional values of one row for `UPSERT_READER_ACTIVITY`. */
export const upsertValues = (row: ReaderActivityRow) => [
  ...ACTIVITY_KEY.map((k) => row[k]),
  ...ACTIVITY_COUNTERS.map((c) => row[c]),
];

/** Rows per statement: 11 parameters each stays far below both databases' parameter limits. */
const CHUNK = 500;

/** Portable path: multi-row upserts through Kysely inside the events' transaction. */
export async function upsertReaderActivity(trx: Transaction<Database>, rows: readonly ReaderActivityRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('reader_activity')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(ACTIVITY_KEY)
          .doUpdateSet((eb) =>
            Object.fromEntries(
              ACTIVITY_COUNTERS.map((c) => [c, eb(`reader_activity.${c}`, '+', eb.ref(`excluded.${c}`))]),
            ),
          ),
      )
      .execute();
  }
}
