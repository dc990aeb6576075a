import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app-deps.ts';
import { ratingRequest, ratingWeights } from '../contract/ratings.ts';
import type { WorkshopRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { type SiteEnv, siteFrom, siteFromPath } from '../http/site-middleware.ts';
import { updateSiteSettings } from '../owner/site-settings.ts';
import { roomTimes } from '../rooms/room-window.ts';
import { RatingStore } from './rating-store.ts';
import { weightsOf } from './satisfaction.ts';

type RatedWorkshopEnv = {
  Variables: { workshop: Pick<WorkshopRow, 'site_id' | 'starts_at' | 'duration_minutes' | 'status'> };
};

/** Learners who were in the room rate it after it ends; only the site owner reads the results. */
export function ratingRoutes(deps: AppDeps) {
  const app = new Hono();
  const store = new RatingStore(deps.db, deps.now);
  const read = rateLimit(deps.limits.read, 'read');
  const write = rateLimit(deps.limits.write, 'write');

  const workshopSite = siteFrom<RatedWorkshopEnv>(deps, (c) => c.var.workshop.site_id, {
    missing: () => notFound('Workshop'),
  });
  /** The rated workshop as `c.var.workshop`, its site's CORS applied; 404 for a draft or unknown one. */
  const ratedWorkshop = createMiddleware<RatedWorkshopEnv & SiteEnv>(async (c, next) => {
    const w = await deps.db
      .selectFrom('workshops')
      .select(['site_id', 'starts_at', 'duration_minutes', 'status'])
      .where('id', '=', c.req.param('workshop') ?? '')
      .executeTakeFirst();
    if (!w || w.status === 'draft') throw notFound('Workshop');
    c.set('workshop', w);
    return workshopSite(c, next);
  });

  app.post('/v1/rooms/:workshop/ratings', write, ratedWorkshop, async (c) => {
    const workshopId = c.req.param('workshop');
    const { workshop: w, site } = c.var;
    const body = await readJson(c, ratingRequest);
    const ticket = await deps.tickets.validate(body.ticket, workshopId);
    const ended =
      (await deps.rooms.endedAt(workshopId)) !== null || deps.now() >= roomTimes(w, deps.config.rooms).endsAt;
    if (!ended) throw new HttpError(409, 'conflict', 'Ratings open when the workshop ends');
    // Throwaway registrations that never joined must not move the owner's averages.
    if (!(await store.attended(workshopId, ticket.ticketId))) {
      throw new HttpError(403, 'not_attended', 'Only learners who joined the live room can rate it');
    }
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

  app.get('/v1/rooms/:workshop/ratings', read, ratedWorkshop, async (c) => {
    const workshopId = c.req.param('workshop');
    const { site } = c.var;
    await deps.ownerAuth.requireSite(c, site.id);
    return c.json(await store.summary(workshopId, weightsOf(site.settings)));
  });

  const owner = deps.ownerAuth.ownerOfPathSite();
  app.put('/v1/sites/:site/rating-weights', write, owner, siteFromPath(deps), async (c) => {
    const weights = await readJson(c, ratingWeights);
    await updateSiteSettings(deps, c.var.site, { ratingWeights: weights });
    return c.json(weights);
  });

  app.get('/v1/sites/:site/owner/ratings', read, owner, siteFromPath(deps), async (c) => {
    const { site } = c.var;
    c.header('Cache-Control', 'no-store');
    return c.json(await store.siteSummary(site.id, weightsOf(site.settings)));
  });

  return app;
}
