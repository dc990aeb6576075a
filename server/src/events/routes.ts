import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app-deps.ts';
import { type BehaviourEvent, type EventBatch, eventBatch } from '../contract/events.ts';
import { clientIp } from '../http/client-ip.ts';
import { HttpError } from '../http/http-error.ts';
import { type BodyEnv, jsonBody } from '../http/json-body.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { siteFrom } from '../http/site-middleware.ts';
import { EventStore } from './event-store.ts';

const DAY = 86_400_000;
/** Browser clocks drift; a day ahead is a wrong clock, further is garbage. */
export const MAX_FUTURE_MS = DAY;
/** The outbox keeps unsent events across visits; older ones are history, not analytics. */
export const MAX_AGE_MS = 60 * DAY;

function checkOneSite(events: readonly BehaviourEvent[]): string {
  const site = events[0].site;
  const other = events.find((e) => e.site !== site);
  if (other) {
    throw new HttpError(400, 'validation_failed', 'All events in a batch must belong to one site', {
      details: [`events: site "${other.site}" differs from "${site}"`],
    });
  }
  return site;
}

function checkTimestamps(events: readonly BehaviourEvent[], now: number): void {
  const bad = events.findIndex((e) => e.ts > now + MAX_FUTURE_MS || e.ts < now - MAX_AGE_MS);
  if (bad >= 0) {
    throw new HttpError(400, 'validation_failed', `events.${bad}.ts: outside the accepted time window`, {
      details: [`events.${bad}.ts: must be within ${MAX_AGE_MS / DAY} days before and 1 day after now`],
    });
  }
}

/**
 * `POST /v1/events`: behaviour events uploaded by the widget's outbox, as JSON or as the
 * `text/plain` body `navigator.sendBeacon` sends. Answers 202 `{ accepted, duplicates }`.
 */
export function eventRoutes(deps: AppDeps, store = new EventStore(deps.db, deps.now, deps.eventWriter)) {
  const app = new Hono();
  // Its own budget: a chatty reading session must not use up the reader's checkout budget.
  const limiter = new RateLimiter(deps.config.rateLimit.writePerMinute, deps.now);

  // The token is taken first but the refusal waits until the origin is known, so that a
  // registered site's browser can read the 429 and its Retry-After (CORS headers set).
  const takeToken = createMiddleware<{ Variables: { wait: number } }>(async (c, next) => {
    c.set('wait', limiter.take(`events:${clientIp(c)}`));
    await next();
  });
  const batchSite = siteFrom<BodyEnv<EventBatch>>(deps, (c) => checkOneSite(c.var.body.events));

  app.post('/v1/events', takeToken, jsonBody(eventBatch, { allowText: true }), batchSite, async (c) => {
    const { wait, site, body } = c.var;
    const { events } = body;
    if (wait > 0) {
      throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    checkTimestamps(events, deps.now());
    const result = await store.insertBatch(site.id, events);
    await deps.reco.noteEvents(site.id, result.accepted);
    return c.json(result, 202);
  });

  return app;
}
