import type { Insertable } from 'kysely';
import { seededRandom } from '../analytics/kmeans.ts';
import type { AppDeps } from '../app-deps.ts';
import type {
  NewEvent,
  NewWorkshop,
  OrderTable,
  RatingTable,
  RoomPassTable,
  TicketTable,
} from '../db/schema.ts';
import { kyselySink } from './history-sink.ts';

// A reproducible past for a site: readers who come and come back, read posts, see and open
// workshops, get recommendations (both A/B variants, several model versions), buy (some refund),
// join rooms, interact and rate. The demo seeds a few months of it so that every analytics panel
// has something to show; the analytics benchmark seeds a million events with the same code.

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type HistorySpec = {
  siteId: string;
  /** The history ends here (the server's "now"). */
  now: number;
  days: number;
  /** Reading sessions on an average day (weekends have fewer, later weeks more). */
  sessionsPerDay: number;
  seed?: number;
  /** Share of workshop views that go on to a checkout (the demo's is realistic, the bench's high). */
  checkoutRate?: number;
  /** Seats per past workshop. */
  capacity?: number;
};

export type HistoryRows = {
  workshops: NewWorkshop[];
  events: NewEvent[];
  orders: Insertable<OrderTable>[];
  tickets: TicketTable[];
  passes: Insertable<RoomPassTable>[];
  ratings: RatingTable[];
};
/** Receives rows in chunks, in an order the foreign keys accept (workshops, orders, then the rest). */
export type HistorySink = (rows: Partial<HistoryRows>) => Promise<void> | void;

const TOPICS = [
  ['Sourdough from scratch', 2500, 'EUR'],
  ['Knife skills in an evening', 3000, 'EUR'],
  ['Watercolour skies', 2000, 'EUR'],
  ['Fermentation 101', 0, 'EUR'],
  ['Portrait lighting at home', 4500, 'USD'],
  ['Dumplings, folded four ways', 2800, 'EUR'],
  ['Pour-over coffee, dialled in', 1500, 'USD'],
  ['Hand lettering basics', 1800, 'EUR'],
] as const;
const POSTS = [
  '/',
  '/posts/sourdough-starter',
  '/posts/sharpening',
  '/posts/skies-in-blue',
  '/posts/kimchi-week',
  '/posts/window-light',
  '/posts/pleats',
  '/posts/grind-size',
  '/about',
];
const INTERACTIONS = [
  ['chat', 3],
  ['question', 0.8],
  ['upvote', 1.5],
  ['poll_vote', 0.7],
  ['hand', 0.3],
] as const;

/** Runs the simulation and hands the rows to `sink` in chunks; returns how many events it made. */
export async function generateHistory(
  spec: HistorySpec,
  sink: HistorySink,
): Promise<{ events: number; orders: number }> {
  const random = seededRandom(spec.seed ?? 2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const poisson = (mean: number) => {
    let n = 0;
    for (let p = Math.exp(-mean), s = random(); s > p; s *= random()) n++;
    return n;
  };
  const hex8 = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  const uuid = () => {
    const h = hex8() + hex8() + hex8() + hex8();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
  };
  const start = spec.now - spec.days * DAY;
  const { siteId } = spec;
  const checkoutRate = spec.checkoutRate ?? 0.3;

  // Past workshops: one every three days or so, 18:00 UTC, each an hour or two.
  const workshops: (NewWorkshop & { sold: number })[] = [];
  for (let t = start + 2 * DAY, i = 0; t < spec.now - DAY; t += Math.round((2 + random() * 2) * DAY), i++) {
    const [title, price, currency] = TOPICS[i % TOPICS.length];
    const startsAt = Math.floor(t / DAY) * DAY + 18 * HOUR;
    workshops.push({
      id: `ws_${siteId}_h${i}`,
      site_id: siteId,
      status: 'published',
      title,
      summary: 'An earlier session.',
      description: '',
      host_name: 'Mira',
      starts_at: startsAt,
      duration_minutes: 60 + 30 * (i % 3),
      time_zone: 'Europe/Paris',
      capacity: spec.capacity ?? 24,
      price_amount: price,
      currency,
      tags: '[]',
      language: 'en',
      created_at: startsAt - 30 * DAY,
      updated_at: startsAt - 30 * DAY,
      published_at: startsAt - 30 * DAY,
      cancelled_at: null,
      sold: 0,
    });
  }
  await sink({ workshops: workshops.map(({ sold: _s, ...w }) => w) });

  let events: NewEvent[] = [];
  let orders: Insertable<OrderTable>[] = [];
  let tickets: TicketTable[] = [];
  let passes: Insertable<RoomPassTable>[] = [];
  let ratings: RatingTable[] = [];
  let eventCount = 0;
  let orderCount = 0;
  const flush = async (force = false) => {
    if (!force && events.length < 5000) return;
    await sink({ orders, tickets, passes, ratings, events });
    eventCount += events.length;
    events = [];
    orders = [];
    tickets = [];
    passes = [];
    ratings = [];
  };
  const readers: { anon: string; email: string; variant: 'model' | 'popularity' }[] = [];
  const holders = new Map<string, { ticket: string; anon: string }[]>();
  const event = (anon: string, session: string, type: string, ts: number, more: Partial<NewEvent> = {}) =>
    events.push({
      id: uuid(),
      site_id: siteId,
      anon,
      session,
      type,
      workshop_id: null,
      path: null,
      value: null,
      label: null,
      ts,
      received_at: ts,
      ...more,
    });

  for (let day = 0; day < spec.days; day++) {
    const dayStart = start + day * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const growth = 0.7 + (0.6 * day) / spec.days;
    const sessions = poisson(spec.sessionsPerDay * growth * (weekday === 0 || weekday === 6 ? 0.7 : 1.1));
    for (let s = 0; s < sessions; s++) {
      // Two readers in five are returning ones.
      if (!readers.length || random() > 0.4) {
        readers.push({
          anon: uuid(),
          email: `reader${readers.length + 1}@demo.invalid`,
          variant: random() < 0.5 ? 'model' : 'popularity',
        });
      }
      const reader = random() < 0.4 ? pick(readers) : readers[readers.length - 1];
      const session = uuid();
      let t = dayStart + Math.floor((7 + random() * 15) * HOUR);
      if (t > spec.now - 60_000) continue;
      for (let v = 1 + poisson(1.5); v > 0; v--) {
        const path = random() < 0.3 ? POSTS[0] : pick(POSTS);
        event(reader.anon, session, 'page_view', t, { path });
        event(reader.anon, session, 'page_dwell', t + 30_000, {
          path,
          value: Math.round(20_000 + random() * 180_000),
        });
        event(reader.anon, session, 'scroll_depth', t + 31_000, { path, value: pick([25, 50, 75, 100]) });
        t += 60_000 + Math.floor(random() * 120_000);
      }
      const upcoming = workshops.filter((w) => w.starts_at > t && w.starts_at < t + 21 * DAY);
      if (!upcoming.length) continue;
      // A model version a month: the label the widget logs is `<version>:<variant>`.
      const label = `m${new Date(t).toISOString().slice(0, 7)}:${reader.variant}`;
      const seen = [pick(upcoming), ...(random() < 0.4 ? [pick(upcoming)] : [])];
      let opened: (typeof workshops)[number] | null = null;
      let viaReco = false;
      for (const w of seen) {
        event(reader.anon, session, 'workshop_impression', t, { workshop_id: w.id });
        if (!opened && random() < 0.2) opened = w;
      }
      if (random() < 0.6) {
        for (const w of seen)
          event(reader.anon, session, 'reco_impression', t + 1000, { workshop_id: w.id, label });
        if (!opened && random() < (reader.variant === 'model' ? 0.11 : 0.07)) {
          opened = seen[0];
          viaReco = true;
          event(reader.anon, session, 'reco_click', t + 5000, { workshop_id: opened.id, label });
        }
      }
      if (!opened) continue;
      event(reader.anon, session, 'workshop_click', t + 6000, { workshop_id: opened.id });
      if (random() > checkoutRate * (viaReco ? 1.4 : 1) || opened.sold >= Number(opened.capacity)) continue;
      event(reader.anon, session, 'checkout_start', t + 20_000, { workshop_id: opened.id });
      if (random() > 0.65) continue;
      const paidAt = t + 120_000;
      const free = opened.price_amount === 0;
      const refunded = !free && random() < 0.05;
      const id = `${siteId}_${++orderCount}`;
      opened.sold += 1;
      orders.push({
        id: `ord_${id}`,
        site_id: siteId,
        workshop_id: opened.id,
        status: refunded ? 'refunded' : 'paid',
        email: reader.email,
        amount: opened.price_amount,
        currency: opened.currency,
        provider: free ? 'free' : 'dev',
        provider_session_id: null,
        hold_expires_at: null,
        created_at: t + 20_000,
        updated_at: refunded ? paidAt + DAY : paidAt,
        paid_at: paidAt,
        return_url: null,
        locale: 'en',
        provider_payment_id: null,
        refund_reason: null,
        provider_refund_id: null,
        client_key: null,
        checkout_json: null,
        confirm_token: null,
      });
      tickets.push({
        id: `tk_${id}`,
        order_id: `ord_${id}`,
        site_id: siteId,
        workshop_id: opened.id,
        status: refunded ? 'revoked' : 'active',
        issued_at: paidAt,
        revoked_at: refunded ? paidAt + DAY : null,
      });
      event(reader.anon, session, 'purchase', paidAt, { workshop_id: opened.id });
      if (!refunded)
        holders.set(opened.id, [
          ...(holders.get(opened.id) ?? []),
          { ticket: `tk_${id}`, anon: reader.anon },
        ]);
    }
    // Workshops held today: three in four ticket holders join; some interact, many rate.
    for (const w of workshops.filter((x) => x.starts_at >= dayStart && x.starts_at < dayStart + DAY)) {
      for (const h of holders.get(w.id) ?? []) {
        if (random() > 0.75) continue;
        const joined = w.starts_at + Math.floor(random() * 10 * 60_000);
        const seconds = Math.round(w.duration_minutes * 60 * (0.4 + random() * 0.6));
        const session = uuid();
        passes.push({
          peer_id: `p_${h.ticket}`,
          workshop_id: w.id,
          site_id: siteId,
          role: 'learner',
          ticket_id: h.ticket,
          name: 'Learner',
          issued_at: joined,
          expires_at: w.starts_at + 4 * HOUR,
          superseded_at: null,
          removed_at: null,
          connected_at: joined,
          online_since: null,
          in_room_ms: seconds * 1000,
        });
        event(h.anon, session, 'room_join', joined, { workshop_id: w.id });
        for (const [kind, mean] of INTERACTIONS) {
          for (let n = poisson(mean); n > 0; n--)
            event(h.anon, session, 'room_interaction', joined + Math.floor(random() * seconds * 1000), {
              workshop_id: w.id,
              label: kind,
              value: 1,
            });
        }
        event(h.anon, session, 'room_leave', joined + seconds * 1000, { workshop_id: w.id, value: seconds });
        if (random() < 0.55) {
          const score = () => Math.min(5, Math.max(1, Math.round(3.9 + (random() - 0.45) * 2.6)));
          const rated = joined + seconds * 1000 + 10 * 60_000;
          const r = { content: score(), instructor: score(), interactivity: score() };
          ratings.push({
            id: `rt_${h.ticket}`,
            site_id: siteId,
            workshop_id: w.id,
            ticket_id: h.ticket,
            ...r,
            comment: null,
            created_at: rated,
            updated_at: rated,
          });
          event(h.anon, session, 'rating', rated, {
            workshop_id: w.id,
            value: 0.4 * r.content + 0.3 * r.instructor + 0.3 * r.interactivity,
            label: 'overall',
          });
        }
      }
    }
    await flush();
  }
  await flush(true);
  return { events: eventCount, orders: orderCount };
}

/** The demo site's four months of history, made once when the demo site is first seeded. */
export async function seedDemoHistory(
  deps: Pick<AppDeps, 'db' | 'eventWriter'>,
  siteId: string,
  now: number,
): Promise<void> {
  await generateHistory(
    { siteId, now, days: 120, sessionsPerDay: 30, seed: 17 },
    kyselySink(deps.db, deps.eventWriter),
  );
}
