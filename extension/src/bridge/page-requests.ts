// What the background does with a page's bridge message (already checked by the content
// script, checked again here): keep an event in the cross-site log, or answer a page with its
// own site's workshop ids. The site is the one the page named; the host is where the browser
// says the message came from, never what the page claims.
import { parsePageMessage } from '@lectern/widget/extension-bridge';
import { picksForPage } from '../for-you/for-you.ts';
import { crossSiteLog } from '../log/cross-site-log.ts';
import type { FromPage } from '../messages.ts';
import { syncReminders } from '../reminders/reminders.ts';
import { extensionDb, siteKeyOf, transientSite } from '../store/extension-db.ts';
import { readState } from '../store/local-state.ts';
import { addTicket } from '../tickets/ticket-book.ts';

export type PageAnswer = { workshops: string[] } | null;

export async function handlePageMessage(raw: FromPage, senderUrl: string | undefined): Promise<PageAnswer> {
  const message = parsePageMessage(raw?.message);
  if (!message || !senderUrl) return null;
  const page = new URL(senderUrl);
  const now = Date.now();
  if (message.type === 'event') {
    if (await readState('paused')) return null;
    const site = await extensionDb.noteSite(message.server, message.site, page, now);
    await crossSiteLog.record(site.key, message.event);
    if (message.event.type === 'page_view' && typeof raw.title === 'string')
      await extensionDb.notePage(site.key, message.event.path ?? '/', raw.title);
    if (message.event.type === 'purchase' && message.event.workshop)
      await syncReminders(await addTicket(site, message.event.workshop, now));
    return null;
  }
  // The content script checked that this page belongs to the site: it counts as visited,
  // unless learning is paused (then nothing new is kept, and the answer uses what is known).
  const site = (await readState('paused'))
    ? ((await extensionDb.site(siteKeyOf(message.server, message.site))) ??
      transientSite(message.server, message.site, page, now))
    : await extensionDb.noteSite(message.server, message.site, page, now);
  return { workshops: await picksForPage(site, message.limit, now) };
}
