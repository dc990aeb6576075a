import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app-deps.ts';
import { joinRequest, removeRequest } from '../contract/rooms.ts';
import { ROOM_PAGE_CSP } from '../http/html.ts';
import { notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { type SiteEnv, siteFrom } from '../http/site-middleware.ts';
import { readerLocale } from '../tickets/reader-page.ts';
import { roomPage } from './room-page.ts';
import { roomRefusal } from './room-refusal.ts';

/** Room endpoints: join (ticket or owner session → signalling pass), status, roster and host controls. */
export function roomRoutes(deps: AppDeps) {
  const app = new Hono();
  const rooms = deps.rooms;

  /** CORS for the workshop's site; 404 for an unknown workshop. */
  const roomSite = siteFrom(deps, (c) => rooms.siteOf(c.req.param('workshop') ?? ''), {
    missing: () => notFound('Workshop'),
  });

  /** A room pass in `Authorization: Bearer <peerId>~<token>`, or null when the header holds something else. */
  const passIn = (c: Context) =>
    /^Bearer\s+([A-Za-z0-9_-]{1,64})~(\S{1,200})$/i.exec(c.req.header('authorization') ?? '');

  /**
   * The owner, by owner session or by this room's host pass (`hostPassOk` says whether the pass is
   * one). The pass lasts as long as the room, where an owner session is short-lived (an hour by
   * default): a long workshop's host keeps reading the roster, removing participants and ending
   * the room with it.
   */
  const hostBy = (hostPassOk: (workshopId: string, peerId: string, token: string) => Promise<boolean>) =>
    createMiddleware<SiteEnv>(async (c, next) => {
      const workshopId = c.req.param('workshop') ?? '';
      const pass = passIn(c);
      if (pass) {
        if (!(await hostPassOk(workshopId, pass[1], pass[2])))
          throw roomRefusal('not_host', "Only this room's host pass or an owner session may do this");
      } else {
        await deps.ownerAuth.requireSite(c, c.var.site.id);
      }
      await next();
    });
  const host = hostBy(async (workshopId, peerId, token) => {
    const who = await rooms.participant(peerId, token);
    return who?.role === 'host' && who.workshopId === workshopId;
  });
  // Ending the room stops every pass, the host's too: reopening takes the host pass all the same.
  const hostOfEnded = hostBy((workshopId, peerId, token) => rooms.isHostPassOf(workshopId, peerId, token));

  app.post('/v1/rooms/:workshop/join', rateLimit(deps.limits.write, 'room-join'), roomSite, async (c) => {
    const workshopId = c.req.param('workshop');
    const siteId = c.var.site.id;
    const body = await readJson(c, joinRequest);
    if (body.ticket) return c.json(await rooms.joinLearner(workshopId, body.ticket, body.name), 201);
    if (!c.req.header('authorization')) {
      throw roomRefusal('no_credential', 'Present a ticket to join, or an owner session to host');
    }
    await deps.ownerAuth.requireSite(c, siteId);
    return c.json(await rooms.joinHost(workshopId, siteId, body.name), 201);
  });

  // A pass holder asks whom to connect to (after the host reloaded) and whether the room ended.
  app.get('/v1/rooms/:workshop/status', rateLimit(deps.limits.read, 'read'), roomSite, async (c) => {
    const workshopId = c.req.param('workshop');
    const match = passIn(c);
    if (!match)
      throw roomRefusal('no_credential', 'Send the room pass as "Authorization: Bearer <peerId>~<token>"');
    return c.json(await rooms.status(workshopId, match[1], match[2]));
  });

  app.get('/v1/rooms/:workshop/roster', rateLimit(deps.limits.read, 'read'), roomSite, host, async (c) => {
    const workshopId = c.req.param('workshop');
    return c.json(await rooms.roster(workshopId));
  });

  app.post('/v1/rooms/:workshop/remove', rateLimit(deps.limits.write, 'write'), roomSite, host, async (c) => {
    const workshopId = c.req.param('workshop');
    const body = await readJson(c, removeRequest);
    await rooms.remove(workshopId, body.peerId);
    return c.json({ removed: body.peerId });
  });

  app.post('/v1/rooms/:workshop/end', rateLimit(deps.limits.write, 'write'), roomSite, host, async (c) => {
    const workshopId = c.req.param('workshop');
    await rooms.end(workshopId, c.var.site.id);
    await deps.workshops.listChanged(c.var.site.id); // the cards say it ended
    return c.json({ ended: true });
  });

  app.post(
    '/v1/rooms/:workshop/reopen',
    rateLimit(deps.limits.write, 'write'),
    roomSite,
    hostOfEnded,
    async (c) => {
      await rooms.reopen(c.req.param('workshop'));
      await deps.workshops.listChanged(c.var.site.id);
      return c.json({ ended: false });
    },
  );

  // The page the ticket links to: the widget's room element on the server's own origin, in the
  // reader's language (Accept-Language; the widget's own text follows the browser's).
  app.get('/room/:workshop', async (c) => {
    c.header('Content-Security-Policy', ROOM_PAGE_CSP);
    const locale = readerLocale(c.req.header('accept-language'));
    const row = await deps.db
      .selectFrom('workshops')
      .innerJoin('sites', 'sites.id', 'workshops.site_id')
      .select([
        'workshops.id',
        'workshops.site_id',
        'workshops.title',
        'workshops.language',
        'workshops.status',
        'workshops.host_name',
        'workshops.starts_at',
        'workshops.time_zone',
        'sites.name as site_name',
      ])
      .where('workshops.id', '=', c.req.param('workshop'))
      .executeTakeFirst();
    c.header('Content-Language', locale);
    c.header('Vary', 'Accept-Language');
    if (!row || row.status === 'draft') return c.html(roomPage(null, locale), 404);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      roomPage(
        {
          id: row.id,
          siteId: row.site_id,
          siteName: row.site_name,
          title: row.title,
          language: row.language,
          hostName: row.host_name,
          startsAt: new Date(Number(row.starts_at)).toISOString(),
          timeZone: row.time_zone,
        },
        locale,
      ),
    );
  });

  return app;
}
