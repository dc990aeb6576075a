import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { ratingRequest, ratingWeights } from '../contract/ratings.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { roomTimes } from '../rooms/room-window.ts';
import { RatingStore } from './rating-store.ts';
import { weightsOf } from './satisfaction.ts';

/** Learners rate a workshop after its room ends; only the site owner reads the results. */
export function ratingRoutes(deps: AppDeps) {
  const app = new Hono();
  const store = new RatingStore(deps.db, deps.now);

  async function workshopSite(workshopId: string) {
    const w = await deps.db
      .selectFrom('workshops')
      .select(['site_id', 'starts_at', 'duration_minutes', 'status'])
      .where('id', '=', workshopId)
      .executeTakeFirst();
    const site = w && w.status !== 'draft' ? await deps.sites.get(w.site_id) : null;
    if (!w || !site) throw notFound('Workshop');
    return { w, site };
  }

  app.post('/v1/rooms/:workshop/ratings', rateLimit(deps.limits.write, 'write'), async (c) => {
    const workshopId = c.req.param('workshop');
    const { w, site } = await workshopSite(workshopId);
    allowSiteOrigin(c, site, deps.ownOrigins);
    const body = await readJson(c, ratingRequest);
    const ticket = await deps.tickets.validate(body.ticket, workshopId);
    const ended =
      (await deps.rooms.endedAt(workshopId)) !== null || deps.now() >= roomTimes(w, deps.config.rooms).endsAt;
    if (!ended) throw new HttpError(409, 'conflict', 'Ratings open when the workshop ends');
    await store.save({
      siteId: site.id,
      workshopId,
      ticketId: ticket.ticketId,
      content: body.content,
      instructor: body.instructor,
      interactivity: body.interactivity,
      comment: body.comment || null,
    });
    return c.json({ saved: true }, 201);
  });

  app.get('/v1/rooms/:workshop/ratings', rateLimit(deps.limits.read, 'read'), async (c) => {
    const workshopId = c.req.param('workshop');
    const { site } = await workshopSite(workshopId);
    allowSiteOrigin(c, site, deps.ownOrigins);
    await deps.ownerAuth.requireSite(c, site.id);
    return c.json(await store.summary(workshopId, weightsOf(site.settings)));
  });

  app.put('/v1/sites/:site/rating-weights', rateLimit(deps.limits.write, 'write'), async (c) => {
    const siteId = c.req.param('site');
    await deps.ownerAuth.requireSite(c, siteId);
    const site = await deps.sites.get(siteId);
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    const weights = await readJson(c, ratingWeights);
    await deps.sites.update(siteId, { settings: { ...site.settings, ratingWeights: weights } });
    return c.json(weights);
  });

  return app;
}
