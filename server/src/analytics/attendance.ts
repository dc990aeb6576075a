import type { AttendanceFigures, AttendancePanel, WorkshopAttendance } from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { foldSmallRows } from './fold.ts';
import { type AnalyticsQuery, entry } from './query.ts';
import type { Period } from './range.ts';
import { mean, median, round, roundOrNull, share } from './stats.ts';

/**
 * Room events happen after the workshop starts and before its room closes: bounding them by time
 * lets the (site, type, ts) index skip the rest of the year. A day covers any workshop's length.
 */
const ROOM_SLACK_MS = 86_400_000;

/** Raw figures of one workshop (or of the `other` row), mergeable before rates are taken. */
type Raw = {
  workshopId: string;
  tickets: number;
  attended: number;
  minutes: number[];
  interactions: Map<string, number>;
};

function figures(r: Omit<Raw, 'workshopId'>): AttendanceFigures {
  const hours = r.minutes.reduce((s, m) => s + m, 0) / 60;
  const interactionsPerHour: Record<string, number> = {};
  for (const [kind, n] of [...r.interactions].sort())
    interactionsPerHour[kind] = hours > 0 ? round(n / hours, 2) : 0;
  return {
    tickets: r.tickets,
    attended: r.attended,
    rate: roundOrNull(share(r.attended, r.tickets)),
    medianMinutes: roundOrNull(median(r.minutes), 1),
    meanMinutes: roundOrNull(mean(r.minutes), 1),
    interactionsPerHour,
  };
}

function merge(rows: readonly Raw[], workshopId: string): Raw {
  const interactions = new Map<string, number>();
  for (const r of rows)
    for (const [k, n] of r.interactions) interactions.set(k, (interactions.get(k) ?? 0) + n);
  return {
    workshopId,
    tickets: rows.reduce((s, r) => s + r.tickets, 0),
    attended: rows.reduce((s, r) => s + r.attended, 0),
    minutes: rows.flatMap((r) => r.minutes),
    interactions,
  };
}

/** Per workshop that started in the period: tickets, who joined, minutes in the room, interactions. */
async function rawByWorkshop(q: AnalyticsQuery, period: Period): Promise<Raw[]> {
  const started = q.db
    .selectFrom('workshops')
    .select('id')
    .where('site_id', '=', q.siteId)
    .where('starts_at', '>=', period.start)
    .where('starts_at', '<', period.end);
  const [tickets, attended, minutes, interactions] = await Promise.all([
    q.db
      .selectFrom('tickets')
      .select((eb) => ['workshop_id', eb.fn.countAll().as('n')])
      .where('site_id', '=', q.siteId)
      .where('status', '=', 'active')
      .where('workshop_id', 'in', started)
      .groupBy('workshop_id')
      .execute(),
    q.db
      .selectFrom('room_passes')
      .select((eb) => ['workshop_id', eb.fn.count('ticket_id').distinct().as('n')])
      .where('site_id', '=', q.siteId)
      .where('role', '=', 'learner')
      .where('connected_at', 'is not', null)
      .where('workshop_id', 'in', started)
      .groupBy('workshop_id')
      .execute(),
    // One row per attendee (reader) and workshop: their seconds in the room, all visits summed.
    q.db
      .selectFrom('events')
      .select((eb) => ['workshop_id', eb.fn.sum('value').as('seconds')])
      .where('site_id', '=', q.siteId)
      .where('type', '=', 'room_leave')
      .where('ts', '>=', period.start)
      .where('ts', '<', period.end + ROOM_SLACK_MS)
      .where('workshop_id', 'in', started)
      .groupBy(['workshop_id', 'anon'])
      .execute(),
    q.db
      .selectFrom('events')
      .select((eb) => ['workshop_id', 'label', eb.fn.countAll().as('n')])
      .where('site_id', '=', q.siteId)
      .where('type', '=', 'room_interaction')
      .where('ts', '>=', period.start)
      .where('ts', '<', period.end + ROOM_SLACK_MS)
      .where('workshop_id', 'in', started)
      .groupBy(['workshop_id', 'label'])
      .execute(),
  ]);
  const rows = new Map<string, Raw>();
  const row = (id: string) =>
    entry(rows, id, () => ({
      workshopId: id,
      tickets: 0,
      attended: 0,
      minutes: [],
      interactions: new Map(),
    }));
  for (const t of tickets) row(t.workshop_id).tickets = Number(t.n);
  for (const a of attended) row(a.workshop_id).attended = Number(a.n);
  for (const m of minutes) if (m.workshop_id) row(m.workshop_id).minutes.push(Number(m.seconds) / 60);
  for (const i of interactions) {
    if (i.workshop_id) row(i.workshop_id).interactions.set(i.label ?? 'other', Number(i.n));
  }
  return [...rows.values()];
}

/** Attendance rate, online minutes and interactions per attendee-hour, overall and per workshop. */
export async function attendancePanel(q: AnalyticsQuery): Promise<AttendancePanel> {
  const [now, before] = await Promise.all([rawByWorkshop(q, q.period), rawByWorkshop(q, q.previous)]);
  const sorted = now.sort((a, b) => b.tickets - a.tickets || a.workshopId.localeCompare(b.workshopId));
  const workshops: WorkshopAttendance[] = foldSmallRows(
    sorted,
    (r) => Math.max(r.tickets, r.attended),
    (small) => merge(small, OTHER),
  ).map((r) => ({ workshopId: r.workshopId, title: q.titles.get(r.workshopId) ?? '', ...figures(r) }));
  return { ...figures(merge(now, '')), previous: figures(merge(before, '')), workshops };
}
