import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RefundReason } from '../contract/checkout.ts';

// Times are UTC instants stored as integer milliseconds since the epoch (bigint on PostgreSQL),
// money as integer minor units next to an ISO 4217 code.

export interface SiteTable {
  id: string;
  name: string;
  /** JSON array of origins, e.g. ["https://blog.example"]. */
  origins: string;
  /** sha256 of the owner key; the key itself is shown once and never stored. */
  owner_key_hash: string;
  /** JSON object of per-site settings (payment methods, rating weights…). */
  settings: string;
  created_at: number;
  /** Bumped by each owner key rotation; owner sessions of an older version are refused. */
  owner_key_version: Generated<number>;
}

export interface WorkshopTable {
  id: string;
  site_id: string;
  status: 'draft' | 'published' | 'cancelled';
  title: string;
  summary: string;
  description: string;
  host_name: string;
  starts_at: number;
  duration_minutes: number;
  time_zone: string;
  capacity: number;
  price_amount: number;
  currency: string;
  /** JSON array of strings. */
  tags: string;
  language: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  cancelled_at: number | null;
}

export type OrderStatus = 'held' | 'paid' | 'expired' | 'cancelled' | 'refunded';

export interface OrderTable {
  id: string;
  site_id: string;
  workshop_id: string;
  status: OrderStatus;
  email: string | null;
  amount: number;
  currency: string;
  provider: string;
  provider_session_id: string | null;
  hold_expires_at: number | null;
  created_at: number;
  updated_at: number;
  paid_at: number | null;
  return_url: string | null;
  locale: Generated<string>;
  provider_payment_id: string | null;
  /** Set when Lectern refunded a late payment itself; null for refunds made at the provider. */
  refund_reason: RefundReason | null;
  /** The provider's refund id once it confirmed the refund (`RefundReason` set, this null: owed). */
  provider_refund_id: string | null;
  /** Keyed hash of the client address that asked for the hold (checkout/hold-limits.ts). */
  client_key: string | null;
  /** JSON of the payment session's `CheckoutStart`, so a retry by the same reader resumes it. */
  checkout_json: string | null;
  /** A free registration's confirmation link token (`/confirm/:token`). */
  confirm_token: string | null;
}

export interface TicketTable {
  id: string;
  order_id: string;
  site_id: string;
  workshop_id: string;
  status: 'active' | 'revoked';
  issued_at: number;
  revoked_at: number | null;
}

export interface WebhookEventTable {
  id: string;
  provider: string;
  type: string;
  received_at: number;
}

export interface WaitlistTable {
  id: string;
  site_id: string;
  workshop_id: string;
  email: string;
  locale: string;
  /** The host page the reader joined from; the seat offer links back to it. */
  page_url: string | null;
  created_at: number;
  offered_at: number | null;
}

/** One uploaded behaviour event; `id` is the browser's uuid, so re-sends are ignored. */
export interface EventTable {
  id: string;
  site_id: string;
  anon: string;
  session: string;
  type: string;
  workshop_id: string | null;
  path: string | null;
  value: number | null;
  label: string | null;
  /** The browser's clock; `received_at` is ours. */
  ts: number;
  received_at: number;
}

/** Signalling credentials issued by `POST /v1/rooms/:workshop/join`; also the host's roster. */
export interface RoomPassTable {
  peer_id: string;
  workshop_id: string;
  site_id: string;
  role: 'host' | 'learner';
  ticket_id: string | null;
  name: string;
  issued_at: number;
  expires_at: number;
  superseded_at: number | null;
  removed_at: number | null;
  /** First signalling connection; null while the pass is unused (fetched by a join screen). */
  connected_at: number | null;
  /** Set while its signalling socket is open (rooms/time-in-room.ts). */
  online_since: number | null;
  /** Connected time of the stretches that ended, in ms. */
  in_room_ms: Generated<number>;
}

export interface RoomTable {
  workshop_id: string;
  site_id: string;
  ended_at: number | null;
}

export interface RatingTable {
  id: string;
  site_id: string;
  workshop_id: string;
  ticket_id: string;
  content: number;
  instructor: number;
  interactivity: number;
  comment: string | null;
  created_at: number;
  updated_at: number;
}

export interface MigrationMarker {
  seq: Generated<number>;
}

export interface RecoModelTable {
  /** Content hash of the ONNX bytes. */
  version: string;
  site_id: string;
  onnx_base64: string;
  /** JSON ModelMeta (item keys, recency, popular items…). */
  meta: string;
  source: 'events' | 'cold-start';
  events_used: number;
  created_at: number;
  /** The site's `site_event_counts.received` when this model's training read the events (017). */
  received_count: Generated<number>;
}

export interface Database {
  reco_models: RecoModelTable;
  sites: SiteTable;
  workshops: WorkshopTable;
  orders: OrderTable;
  tickets: TicketTable;
  webhook_events: WebhookEventTable;
  waitlist: WaitlistTable;
  events: EventTable;
  room_passes: RoomPassTable;
  rooms: RoomTable;
  ratings: RatingTable;
  room_presence: RoomPresenceTable;
  job_leases: JobLeaseTable;
  list_versions: ListVersionTable;
  reader_activity: ReaderActivityTable;
  reader_pages: ReaderPageTable;
  reader_workshop_steps: ReaderWorkshopStepTable;
  site_event_counts: SiteEventCountTable;
}

export type SiteRow = Selectable<SiteTable>;
export type WorkshopRow = Selectable<WorkshopTable>;
export type NewWorkshop = Insertable<WorkshopTable>;
export type WorkshopPatch = Updateable<WorkshopTable>;
export type OrderRow = Selectable<OrderTable>;
export type TicketRow = Selectable<TicketTable>;
export type NewEvent = Insertable<EventTable>;
export type RoomPassRow = Selectable<RoomPassTable>;

/** A signalling connection, refreshed by the process holding it (migration 014). */
export interface RoomPresenceTable {
  peer_id: string;
  workshop_id: string;
  role: 'host' | 'learner';
  process_id: string;
  connected_at: number;
  seen_at: number;
}

/** Which process runs a background job until `expires_at` (migration 014). */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** Bumped by every write that changes a site's public workshop list (migration 015). */
export interface ListVersionTable {
  site_id: string;
  version: number;
}

/** What one reader did on one UTC day in one session, kept by the event writer (migration 016). */
export interface ReaderActivityTable {
  site_id: string;
  /** `Math.floor(ts / 86400000)` of the events counted. */
  day: number;
  anon: string;
  session: string;
  events: number;
  page_views: number;
  workshop_views: number;
  reco_clicks: number;
  purchases: number;
  room_joins: number;
  interactions: number;
}

/** The paths one reader viewed on one UTC day, kept by the event writer (migration 017). */
export interface ReaderPageTable {
  site_id: string;
  anon: string;
  day: number;
  path: string;
  views: number;
  first_ts: number;
  last_ts: number;
}

/** One reader's latest `checkout_start` / `purchase` event per workshop (migration 017). */
export interface ReaderWorkshopStepTable {
  site_id: string;
  anon: string;
  workshop_id: string;
  type: string;
  last_ts: number;
}

/** Events a site has received, by every process (migration 017). */
export interface SiteEventCountTable {
  site_id: string;
  /** Each event writer adds to one of the site's rows (events/received-count.ts). */
  shard: number;
  received: number;
}
