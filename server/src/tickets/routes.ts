import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { html, PAGE_CSP, page, raw } from '../http/html.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { buildIcs } from './ics.ts';
import { LOCAL_TIME_JS, PAGE_TEXT, readerLocale, startTime } from './reader-page.ts';

/** The server pages' CSP, plus our own `/local-time.js` (the reader's time zone is only known there). */
const READER_PAGE_CSP = `${PAGE_CSP}; script-src 'self'`;

/** Where a ticket holder joins: the room page on this server, with the ticket in the fragment. */
export function joinUrl(publicUrl: string, workshopId: string, token: string): string {
  return `${publicUrl}/room/${encodeURIComponent(workshopId)}#ticket=${encodeURIComponent(token)}`;
}

export function ticketRoutes(deps: AppDeps) {
  const app = new Hono();
  const read = rateLimit(deps.limits.read, 'read');

  app.get('/v1/tickets/:token/ics', read, async (c) => {
    const token = c.req.param('token');
    const ticket = await deps.tickets.validate(token);
    const workshop = await deps.workshops.getPublic(ticket.siteId, ticket.workshopId);
    const ics = buildIcs({
      uid: ticket.ticketId,
      title: workshop.title,
      description: workshop.summary,
      startsAt: Date.parse(workshop.startsAt),
      endsAt: Date.parse(workshop.endsAt),
      url: joinUrl(deps.config.publicUrl, workshop.id, token),
      organizer: workshop.hostName,
      now: deps.now(),
    });
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="workshop.ics"',
      'Cache-Control': 'private, no-store',
      'Access-Control-Allow-Origin': '*',
    });
  });

  app.get('/local-time.js', (c) =>
    c.body(LOCAL_TIME_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  // In the reader's language (Accept-Language) and, once /local-time.js ran, their time zone.
  app.get('/t/:token', read, async (c) => {
    const token = c.req.param('token');
    const locale = readerLocale(c.req.header('accept-language'));
    const t = PAGE_TEXT[locale];
    c.header('Content-Security-Policy', READER_PAGE_CSP);
    c.header('Content-Language', locale);
    c.header('Vary', 'Accept-Language');
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    let ticket: Awaited<ReturnType<typeof deps.tickets.validate>>;
    try {
      ticket = await deps.tickets.validate(token);
    } catch {
      return c.html(
        page(t.invalid, html`<h1>${t.invalid}</h1><p class="muted">${t.invalidHint}</p>`, locale),
        404,
      );
    }
    const workshop = await deps.workshops.getPublic(ticket.siteId, ticket.workshopId);
    const join = workshop.roomEndedAt
      ? html`<p class="banner">${t.ended}</p>`
      : html`<a class="button primary" href="${joinUrl(deps.config.publicUrl, workshop.id, token)}">${t.join}</a>`;
    return c.html(
      page(
        `${t.yourTicket}: ${workshop.title}`,
        html`<p class="muted">${t.yourTicket}</p><h1 lang="${workshop.language}">${workshop.title}</h1>
<p>${t.with(workshop.hostName)}</p><p>${raw(startTime(workshop.startsAt, workshop.timeZone, locale))}</p>
<div class="row">${raw(join)}
<a class="button" href="/v1/tickets/${token}/ics">${t.calendar}</a></div>
<p class="muted">${t.keepPrivate}</p><script src="/local-time.js"></script>`,
        locale,
      ),
    );
  });

  return app;
}
