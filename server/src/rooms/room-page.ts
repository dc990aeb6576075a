import { html, raw } from '../http/html.ts';

/**
 * `/room/:workshop`: a bare page hosting `<lectern-room>`. Every value is escaped by `html`;
 * the ticket travels in the URL fragment (`#ticket=…`), which browsers never send to a server.
 */
export function roomPage(p: {
  title: string;
  workshopId: string | null;
  siteId: string | null;
  lang: string;
}) {
  const body = p.workshopId
    ? html`<main><h1>${p.title}</h1><lectern-room workshop="${p.workshopId}"></lectern-room></main>
<script type="module" src="/lectern.js" data-site="${p.siteId}"></script>`
    : html`<main><h1>${p.title}</h1><p>Check the link on your ticket.</p></main>`;
  return html`<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${p.title}</title>
<style>${raw(ROOM_PAGE_CSS)}</style></head><body>${raw(body)}</body></html>`;
}

/** The room page's own CSS (also used by the rooms bench to give raw PeerJS the same page). */
export const ROOM_PAGE_CSS =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.5rem 0 1rem}lectern-room{display:block;min-height:60vh}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}}';
