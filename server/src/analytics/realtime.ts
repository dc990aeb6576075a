import { sql } from 'kysely';
import type { LiveRoom, RealtimePanel } from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { foldSmallRows } from './fold.ts';
import type { AnalyticsQuery } from './query.ts';

export const ACTIVE_WINDOW_MS = 5 * 60_000;
/** Browsers' clocks drift: events are picked by their own time loosely (the index), then by ours. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** Readers active in the last 5 minutes and learners in a live room now (the period does not apply). */
export async function realtimePanel(q: AnalyticsQuery): Promise<RealtimePanel> {
  const [active, rooms] = await Promise.all([
    q.db
      .selectFrom('events')
      .select((eb) => eb.fn.count('anon').distinct().as('n'))
      .where('site_id', '=', q.siteId)
      .where('ts', '>=', q.now - ACTIVE_WINDOW_MS - CLOCK_SLACK_MS)
      .where('received_at', '>=', q.now - ACTIVE_WINDOW_MS)
      .executeTakeFirstOrThrow(),
    // A learner's live pass: connected, not replaced by a later join, not removed, not expired,
    // in a room whose workshop is on now and that its host has not ended.
    q.db
      .selectFrom('room_passes as p')
      .innerJoin('workshops as w', 'w.id', 'p.workshop_id')
      .leftJoin('rooms as r', 'r.workshop_id', 'p.workshop_id')
      .select((eb) => ['p.workshop_id', eb.fn.count('p.ticket_id').distinct().as('n')])
      .where('p.site_id', '=', q.siteId)
      .where('p.role', '=', 'learner')
      .where('p.connected_at', 'is not', null)
      .where('p.superseded_at', 'is', null)
      .where('p.removed_at', 'is', null)
      .where('p.expires_at', '>', q.now)
      .where('w.starts_at', '<=', q.now)
      .where(sql<number>`w.starts_at + w.duration_minutes * 60000`, '>', q.now)
      .where('r.ended_at', 'is', null)
      .groupBy('p.workshop_id')
      .execute(),
  ]);
  const rows = rooms
    .map((r) => ({
      workshopId: r.workshop_id,
      title: q.titles.get(r.workshop_id) ?? '',
      learners: Number(r.n),
    }))
    .sort((a, b) => b.learners - a.learners);
  const folded: LiveRoom[] = foldSmallRows(
    rows,
    (r) => r.learners,
    (small) => ({ workshopId: OTHER, title: '', learners: small.reduce((s, r) => s + r.learners, 0) }),
  );
  return {
    at: new Date(q.now).toISOString(),
    activeReaders: Number(active.n),
    inRooms: rows.reduce((s, r) => s + r.learners, 0),
    rooms: folded,
  };
}
