import type Stripe from 'stripe';
import type { OrderLifecycle } from './checkout/order-lifecycle.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { EventWriter } from './db/event-writer.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { JobLeases } from './jobs/job-leases.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail/mailer.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';
import type { RecoService } from './reco/reco-service.ts';
import type { PeerSockets } from './rooms/peer-sockets.ts';
import type { RoomPresence } from './rooms/room-presence.ts';
import type { RoomService } from './rooms/room-service.ts';
import type { OwnerAuth } from './sites/owner-auth.ts';
import type { SiteStore } from './sites/site-store.ts';
import type { TicketService } from './tickets/ticket-service.ts';
import type { WaitlistService } from './waitlist/waitlist-service.ts';
import type { WorkshopStore } from './workshops/workshop-store.ts';

/** Everything a route needs, built once in `createDeps` and passed down explicitly. */
export type AppDeps = {
  config: Config;
  db: Db;
  log: Logger;
  now: () => number;
  sites: SiteStore;
  workshops: WorkshopStore;
  ownerAuth: OwnerAuth;
  tickets: TicketService;
  /** Every change to an order and what follows it (checkout/order-lifecycle.ts). */
  orders: OrderLifecycle;
  waitlist: WaitlistService;
  mailer: Mailer;
  payments: PaymentProvider;
  /** The official Stripe client when LECTERN_PAYMENTS=stripe. */
  stripe: Stripe | null;
  limits: { read: RateLimiter; write: RateLimiter };
  /** Live rooms: passes, roster, presence (the PeerJS server in server.ts reports to it). */
  rooms: RoomService;
  /** Background jobs' leases: each job runs in one process of those sharing the database. */
  leases: JobLeases;
  /** Who is connected to the signalling server, per room (the PeerJS server reports to it). */
  roomPresence: RoomPresence;
  /** The PeerJS server's open sockets; the room service closes those whose pass stopped opening the room. */
  peerSockets: PeerSockets;
  /**
   * The server's own origins (the public URL, plus its loopback aliases when it is localhost):
   * always allowed, since the server serves the example sites and its own pages.
   */
  ownOrigins: readonly string[];
  /** Writes uploaded behaviour events (a prepared-statement fast path on SQLite). */
  eventWriter: EventWriter;
  reco: RecoService;
};
