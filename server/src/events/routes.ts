import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { type BehaviourEvent, eventBatch } from '../contract/events.ts';
import { clientIp } from '../http/client-ip.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { RateLimiter } from '../http/rate-limit.ts';
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

  app.post('/v1/events', async (c) => {
    // The token is taken first but the refusal waits until the origin is known, so that a
    // registered site's browser can read the 429 and its Retry-After (CORS headers set).
    const wait = limiter.take(`events:${clientIp(c)}`);
    const { events } = await readJson(c, eventBatch, { allowText: true });
    const site = await deps.sites.get(checkOneSite(events));
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    if (wait > 0) {
      throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    checkTimestamps(events, deps.now());
    const result = await store.insertBatch(site.id, events);
    deps.reco.noteEvents(site.id, result.accepted);
    return c.json(result, 202);
  });

  return app;
}
