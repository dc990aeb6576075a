import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { html, PAGE_CSP, page } from '../http/html.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { when } from '../mail/messages.ts';
import { buildIcs } from './ics.ts';

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

  app.get('/t/:token', read, async (c) => {
    const token = c.req.param('token');
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    let ticket: Awaited<ReturnType<typeof deps.tickets.validate>>;
    try {
      ticket = await deps.tickets.validate(token);
    } catch {
      return c.html(
        page(
          'Ticket',
          html`<h1>This ticket is not valid</h1><p class="muted">It may have been refunded or it has expired.</p>`,
        ),
        404,
      );
    }
    const workshop = await deps.workshops.getPublic(ticket.siteId, ticket.workshopId);
    const start = when(workshop, 'en');
    return c.html(
      page(
        `Ticket: ${workshop.title}`,
        html`<p class="muted">Your ticket</p><h1>${workshop.title}</h1>
<p>${workshop.hostName}</p><p><strong>${start}</strong></p>
<div class="row"><a class="button primary" href="${joinUrl(deps.config.publicUrl, workshop.id, token)}">Join the live room</a>
<a class="button" href="/v1/tickets/${token}/ics">Add to calendar (.ics)</a></div>
<p class="muted">Keep this page to yourself: the link lets its holder join.</p>`,
      ),
    );
  });

  return app;
}
