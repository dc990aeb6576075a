import { html, raw } from '../http/html.ts';
import { PAGE_TEXT, type ReaderLocale, startTime } from '../tickets/reader-page.ts';

/** What the room page says about the room it hosts. */
export type RoomPageWorkshop = {
  id: string;
  siteId: string;
  siteName: string;
  title: string;
  /** The workshop's language: its title's, not the page's (the page speaks the reader's). */
  language: string;
  hostName: string;
  startsAt: string;
  timeZone: string;
};

/**
 * `/room/:workshop`: `<lectern-room>` under the workshop's context (site, title, time in the
 * reader's zone with the host's noted). Every value is escaped by `html`; the ticket travels in
 * the URL fragment (`#ticket=…`), which browsers never send to a server. The page's `lang` is the
 * reader's, so `<lectern-room>` and `/local-time.js` speak it too.
 */
export function roomPage(workshop: RoomPageWorkshop | null, locale: ReaderLocale) {
  const t = PAGE_TEXT[locale];
  const title = workshop?.title ?? t.notFound;
  const body = workshop
    ? html`<header><p class="site">${workshop.siteName}</p><h1 lang="${workshop.language}">${workshop.title}</h1>
<p class="when">${raw(startTime(workshop.startsAt, workshop.timeZone, locale))} · ${t.with(workshop.hostName)}</p></header>
<main><lectern-room workshop="${workshop.id}"></lectern-room></main>
<script type="module" src="/lectern.js" data-site="${workshop.siteId}"></script><script src="/local-time.js"></script>`
    : html`<main><h1>${title}</h1><p>${t.checkLink}</p></main>`;
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>${raw(ROOM_PAGE_CSS)}</style></head><body>${raw(body)}</body></html>`;
}

/** The room page's own CSS (also used by the rooms bench to give raw PeerJS the same page). */
export const ROOM_PAGE_CSS =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}header,main{max-width:72rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}main{padding-bottom:1rem}h1{font-size:1.3rem;margin:.1rem 0 .2rem}.site{margin:0;font-size:.9rem;font-weight:600;letter-spacing:.02em}.when{margin:0 0 1rem;font-size:.95rem}.muted{color:#4a4a4a}lectern-room{display:block;min-height:60vh}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.muted{color:#bbb}}';
