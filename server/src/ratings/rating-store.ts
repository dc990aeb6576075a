import type { SiteRatings } from '../contract/owner.ts';
import type { RatingSummary } from '../contract/ratings.ts';
import {
  RATING_CRITERIA,
  type RatingScores,
  type RatingWeights,
  satisfaction,
} from '../contract/satisfaction.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../ids.ts';

export type RatingInput = {
  siteId: string;
  workshopId: string;
  ticketId: string;
  content: number;
  instructor: number;
  interactivity: number;
  comment: string | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export class RatingStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether the ticket was in the room: one of its passes opened a signalling connection. A pass
   * merely fetched by the join screen does not count, nor does a ticket that never asked for one.
   */
  async attended(workshopId: string, ticketId: string): Promise<boolean> {
    const pass = await this.db
      .selectFrom('room_passes')
      .select('peer_id')
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', ticketId)
      .where('connected_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return pass !== undefined;
  }

  /** One rating per ticket (a unique column): rating again replaces the earlier one. */
  async save(r: RatingInput): Promise<void> {
    const now = this.now();
    const scores = { content: r.content, instructor: r.instructor, interactivity: r.interactivity };
    await this.db
      .insertInto('ratings')
      .values({
        id: newId('rt'),
        site_id: r.siteId,
        workshop_id: r.workshopId,
        ticket_id: r.ticketId,
        ...scores,
        comment: r.comment,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('ticket_id').doUpdateSet({ ...scores, comment: r.comment, updated_at: now }),
      )
      .execute();
  }

  async summary(workshopId: string, weights: RatingWeights): Promise<RatingSummary> {
    const rows = await this.db
      .selectFrom('ratings')
      .select(['content', 'instructor', 'interactivity', 'comment', 'created_at'])
      .where('workshop_id', '=', workshopId)
      .orderBy('created_at', 'desc')
      .execute();
    return { workshopId, weights, ...scored(rows, weights), comments: commentsOf(rows) };
  }

  /** Every rated workshop of a site, latest first, and the site's overall scores. */
  async siteSummary(siteId: string, weights: RatingWeights): Promise<SiteRatings> {
    const rows = await this.db
      .selectFrom('ratings')
      .innerJoin('workshops', 'workshops.id', 'ratings.workshop_id')
      .select([
        'ratings.workshop_id',
        'ratings.content',
        'ratings.instructor',
        'ratings.interactivity',
        'ratings.comment',
        'ratings.created_at',
        'workshops.title',
        'workshops.starts_at',
      ])
      .where('ratings.site_id', '=', siteId)
      .orderBy('workshops.starts_at', 'desc')
      .orderBy('ratings.created_at', 'desc')
      .execute();
    const byWorkshop = new Map<string, typeof rows>();
    for (const r of rows) byWorkshop.set(r.workshop_id, [...(byWorkshop.get(r.workshop_id) ?? []), r]);
    return {
      weights,
      overall: scored(rows, weights),
      workshops: [...byWorkshop].map(([workshopId, mine]) => ({
        workshopId,
        title: mine[0].title,
        startsAt: new Date(Number(mine[0].starts_at)).toISOString(),
        ...scored(mine, weights),
        comments: commentsOf(mine),
      })),
    };
  }
}

type ScoredRow = RatingScores & { comment: string | null; created_at: number };

/** How many ratings, their per-criterion averages (2 decimals) and S with the site's weights. */
function scored(rows: ScoredRow[], weights: RatingWeights) {
  const count = rows.length;
  if (!count) return { count, averages: null, satisfaction: null };
  const averages = Object.fromEntries(
    RATING_CRITERIA.map((k) => [k, round2(rows.reduce((sum, r) => sum + Number(r[k]), 0) / count)]),
  ) as RatingScores;
  return { count, averages, satisfaction: satisfaction(averages, weights) };
}

const commentsOf = (rows: ScoredRow[]) =>
  rows
    .filter((r) => r.comment)
    .map((r) => ({ comment: r.comment!, createdAt: new Date(Number(r.created_at)).toISOString() }));
