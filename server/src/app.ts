import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from './app-deps.ts';
import type { Config } from './config.ts';
import type { ErrorBody } from './contract/errors.ts';
import type { Db } from './db/database.ts';
import { preflightHeaders } from './http/cors.ts';
import { eventRoutes } from './events/routes.ts';
import { HttpError } from './http/http-error.ts';
import { RateLimiter } from './http/rate-limit.ts';
import type { Logger } from './log.ts';
import { OwnerAuth } from './sites/owner-auth.ts';
import { siteRoutes } from './sites/routes.ts';
import { SiteStore } from './sites/site-store.ts';
import { TicketService } from './tickets/ticket-service.ts';
import { workshopRoutes } from './workshops/routes.ts';
import { WorkshopStore } from './workshops/workshop-store.ts';

export type CreateAppOptions = { config: Config; db: Db; log: Logger; now?: () => number };

export function createDeps({ config, db, log, now = Date.now }: CreateAppOptions): AppDeps {
  return {
    config,
    db,
    log,
    now,
    sites: new SiteStore(db, now),
    workshops: new WorkshopStore(db, now),
    ownerAuth: new OwnerAuth(config.secret, config.ownerSessionSeconds, now),
    tickets: new TicketService(db, config.secret, config.publicUrl, now),
    limits: {
      read: new RateLimiter(config.rateLimit.readPerMinute, now),
      write: new RateLimiter(config.rateLimit.writePerMinute, now),
    },
    ownOrigins: ownOriginsOf(config.publicUrl),
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

function errorJson(code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

/** The API as a Hono app: used by the server, by in-process tests (`app.request`) and by benchmarks. */
export function createApp(deps: AppDeps) {
  const app = new Hono();

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new HttpError(
          413,
          'payload_too_large',
          `The body is larger than ${deps.config.bodyLimitBytes} bytes`,
        );
      },
    }),
  );

  // Preflights: answer for the site named in the path, or for any registered origin when the
  // path names none (the actual request is checked against its own site again).
  app.options('/v1/*', async (c) => {
    const origin = c.req.header('origin');
    if (!origin) return c.body(null, 204);
    const siteId = /^\/v1\/sites\/([^/]+)/.exec(c.req.path)?.[1];
    const allowed =
      deps.ownOrigins.includes(origin) ||
      (siteId
        ? ((await deps.sites.get(decodeURIComponent(siteId)))?.origins.includes(origin) ?? false)
        : await deps.sites.anySiteAllows(origin));
    if (!allowed) {
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
  app.route('/', eventRoutes(deps));

  app.notFound((c) => c.json(errorJson('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.status >= 500) deps.log.error({ err, path: c.req.path }, err.message);
      else deps.log.debug({ code: err.code, path: c.req.path, cause: err.cause }, err.message);
      return c.json(errorJson(err.code, err.message, err.details), err.status, err.headers);
    }
    deps.log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(errorJson('internal', 'Something went wrong on our side'), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
