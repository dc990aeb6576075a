import type SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { analyticsRoutes } from './analytics/routes.ts';
import type { AppDeps } from './app-deps.ts';
import { confirmRoutes } from './checkout/confirm-routes.ts';
import { devCheckoutRoutes } from './checkout/dev-checkout-routes.ts';
import { OrderLifecycle } from './checkout/order-lifecycle.ts';
import { OrderStore } from './checkout/order-store.ts';
import { ownerOrderRoutes } from './checkout/owner-order-routes.ts';
import { checkoutRoutes } from './checkout/routes.ts';
import { stripeWebhookRoutes } from './checkout/stripe-webhook.ts';
import type { Config } from './config.ts';
import type { ErrorBody } from './contract/errors.ts';
import type { Db } from './db/database.ts';
import { clientErrorFromDatabase } from './db/database-errors.ts';
import { kyselyEventWriter, sqliteEventWriter } from './db/event-writer.ts';
import { outboxRoutes } from './dev/outbox-routes.ts';
import { eventRoutes } from './events/routes.ts';
import { resolveClientIp } from './http/client-ip.ts';
import { corsHeaders, preflightHeaders } from './http/cors.ts';
import { HttpError } from './http/http-error.ts';
import { decodePathSegment } from './http/path.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { JobLeases, newProcessId } from './jobs/job-leases.ts';
import type { Logger } from './log.ts';
import { Mailer } from './mail/mailer.ts';
import { Outbox } from './mail/outbox.ts';
import { ownerRoutes } from './owner/routes.ts';
import { DevPaymentProvider } from './payments/dev-provider.ts';
import { createStripeClient, StripePaymentProvider } from './payments/stripe-provider.ts';
import { ratingRoutes } from './ratings/routes.ts';
import { RecoService } from './reco/reco-service.ts';
import { recoRoutes } from './reco/routes.ts';
import { PeerSockets } from './rooms/peer-sockets.ts';
import { RoomPresence } from './rooms/room-presence.ts';
import { RoomService } from './rooms/room-service.ts';
import { roomRoutes } from './rooms/routes.ts';
import { OwnerAuth } from './sites/owner-auth.ts';
import { siteRoutes } from './sites/routes.ts';
import { SiteStore } from './sites/site-store.ts';
import { ticketRoutes } from './tickets/routes.ts';
import { TicketService } from './tickets/ticket-service.ts';
import { WaitlistService } from './waitlist/waitlist-service.ts';
import { workshopRoutes } from './workshops/routes.ts';
import { WorkshopStore } from './workshops/workshop-store.ts';

export type CreateAppOptions = {
  config: Config;
  db: Db;
  log: Logger;
  now?: () => number;
  /** The embedded SQLite handle, for the few hot paths that prepare statements once. */
  sqlite?: SQLite.Database;
};

export function createDeps({ config, db, log, now = Date.now, sqlite }: CreateAppOptions): AppDeps {
  const sites = new SiteStore(db, now);
  const workshops = new WorkshopStore(db, now, sqlite);
  const tickets = new TicketService(db, config.secret, config.publicUrl, now);
  // Outside production every email is also kept in the data dir and listed at /dev/outbox.
  const outbox =
    config.env === 'production' ? undefined : new Outbox(config.dataDir, `${config.publicUrl}/dev/outbox`);
  const mailer = new Mailer(config.smtp.url, config.smtp.from, log, outbox, now);
  const waitlist = new WaitlistService(db, workshops, mailer, log, now);
  const stripe = config.payments === 'stripe' ? createStripeClient(config) : null;
  const payments = stripe
    ? new StripePaymentProvider(stripe, config.stripe.publishableKey)
    : new DevPaymentProvider(config.publicUrl);
  // Presence rows and job leases say which process holds a socket or runs a job.
  const processId = newProcessId();
  const leases = new JobLeases(db, processId, now);
  const roomPresence = new RoomPresence(db, processId, now);
  const peerSockets = new PeerSockets();
  const rooms = new RoomService(
    db,
    config,
    tickets,
    { presence: roomPresence, sockets: peerSockets },
    log,
    now,
  );
  return {
    config,
    db,
    log,
    now,
    sites,
    workshops,
    ownerAuth: new OwnerAuth(config.secret, config.ownerSessionSeconds, now, (id) => sites.keyVersion(id)),
    tickets,
    mailer,
    waitlist,
    stripe,
    payments,
    orders: new OrderLifecycle(new OrderStore(db, tickets, log, now), {
      config,
      log,
      now,
      workshops,
      tickets,
      mailer,
      waitlist,
      payments,
      rooms,
    }),
    limits: {
      read: new RateLimiter(config.rateLimit.readPerMinute, now),
      write: new RateLimiter(config.rateLimit.writePerMinute, now),
    },
    ownOrigins: ownOriginsOf(config.publicUrl),
    eventWriter: sqlite ? sqliteEventWriter(db, sqlite) : kyselyEventWriter(db),
    reco: new RecoService(
      db,
      log,
      now,
      {
        afterEvents: config.recoRetrainEvents,
        minIntervalMs: config.recoRetrainIntervalSeconds * 1000,
      },
      leases,
    ),
    rooms,
    leases,
    roomPresence,
    peerSockets,
  };
}

/** `http://localhost:8787` is also reached as `http://127.0.0.1:8787` and `http://[::1]:8787`. */
export function ownOriginsOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (url.hostname !== 'localhost') return [url.origin];
  return ['localhost', '127.0.0.1', '[::1]'].map(
    (host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`,
  );
}

/**
 * Whether a browser on `origin` may read this path's answers: the server's own origins, the
 * origins of the site named in the path, or (paths naming no site) any registered site's origin;
 * the handler checks the request against its own site again.
 */
async function corsAllows(deps: AppDeps, origin: string, path: string): Promise<boolean> {
  if (deps.ownOrigins.includes(origin)) return true;
  const rawSite = /^\/v1\/sites\/([^/]+)/.exec(path)?.[1];
  if (rawSite === undefined) return deps.sites.anySiteAllows(origin);
  const siteId = decodePathSegment(rawSite);
  return (await deps.sites.get(siteId))?.origins.includes(origin) ?? false;
}

function errorJson(code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

/** The API as a Hono app: used by the server, by in-process tests (`app.request`) and by benchmarks. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  // Behind a load balancer: the client its X-Forwarded-For names, only when it is the TCP peer.
  if (deps.config.trustedProxies.length > 0) app.use(resolveClientIp(deps.config.trustedProxies));

  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw new HttpError(
        413,
        'payload_too_large',
        `The body is larger than ${deps.config.bodyLimitBytes} bytes`,
      );
    },
  });
  // Only requests that carry a body: touching the body of a GET makes the Node adapter build a
  // full Request object, which halves the throughput of the hottest endpoint.
  app.use('/v1/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  // Preflights: answer for the site named in the path, or for any registered origin when the
  // path names none (the actual request is checked against its own site again).
  app.options('/v1/*', async (c) => {
    const origin = c.req.header('origin');
    if (!origin) return c.body(null, 204);
    if (!(await corsAllows(deps, origin, c.req.path))) {
      return c.json(errorJson('origin_not_allowed', `Origin ${origin} is not registered for this site`), 403);
    }
    return c.body(null, 204, preflightHeaders(origin));
  });

  app.get('/healthz', async (c) => {
    await deps.db.selectFrom('sites').select('id').limit(1).execute();
    return c.json({ ok: true });
  });

  app.route('/', siteRoutes(deps));
  app.route('/', workshopRoutes(deps));
  app.route('/', checkoutRoutes(deps));
  app.route('/', ownerOrderRoutes(deps));
  app.route('/', ownerRoutes(deps));
  app.route('/', confirmRoutes(deps));
  app.route('/', ticketRoutes(deps));
  if (deps.stripe && deps.config.stripe.webhookSecret) {
    app.route('/', stripeWebhookRoutes(deps, deps.stripe, deps.config.stripe.webhookSecret));
  }
  if (deps.config.payments === 'dev') app.route('/', devCheckoutRoutes(deps));
  app.route('/', eventRoutes(deps));
  app.route('/', recoRoutes(deps));
  app.route('/', roomRoutes(deps));
  app.route('/', ratingRoutes(deps));
  app.route('/', analyticsRoutes(deps));
  if (deps.mailer.outbox) app.route('/', outboxRoutes(deps.mailer.outbox));

  app.notFound((c) => c.json(errorJson('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.onError(async (caught, c) => {
    const err = clientErrorFromDatabase(caught) ?? caught;
    const res =
      err instanceof HttpError
        ? c.json(errorJson(err.code, err.message, err.details), err.status, err.headers)
        : c.json(errorJson('internal', 'Something went wrong on our side'), 500);
    if (err instanceof HttpError) {
      if (err.status >= 500) deps.log.error({ err, path: c.req.path }, err.message);
      else deps.log.debug({ code: err.code, path: c.req.path, cause: err.cause }, err.message);
    } else {
      deps.log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    }
    // An error raised before the site middleware (the rate limit, the body limit, bad JSON) would
    // reach the browser as a CORS failure instead of its message: give it the CORS headers too,
    // when the origin is one this route would have allowed. A refused origin never gets them.
    const origin = c.req.header('origin');
    const refused = err instanceof HttpError && err.code === 'origin_not_allowed';
    if (origin && !refused && !res.headers.has('access-control-allow-origin')) {
      if (await corsAllows(deps, origin, c.req.path).catch(() => false)) {
        for (const [name, value] of Object.entries(corsHeaders(origin))) res.headers.set(name, value);
        res.headers.append('Vary', 'Origin');
      }
    }
    return res;
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
