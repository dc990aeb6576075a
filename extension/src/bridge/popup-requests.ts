// The popup's questions to the background: "For you", tickets, and the learner's data controls.
import { browser } from 'wxt/browser';
import { grantedOrigins, syncContentScript } from '../access/site-access.ts';
import { extensionUrl } from '../extension-url.ts';
import { noteErasure, refreshForYou } from '../for-you/for-you.ts';
import { crossSiteLog } from '../log/cross-site-log.ts';
import type { Answers, ExportFile, FromPopup, YourData } from '../messages.ts';
import { syncReminders } from '../reminders/reminders.ts';
import { extensionDb } from '../store/extension-db.ts';
import { readState, writeState } from '../store/local-state.ts';
import { dropTicketsOf } from '../tickets/ticket-book.ts';

async function yourData(): Promise<YourData> {
  const [paused, sites, events, tickets, origins] = await Promise.all([
    readState('paused'),
    extensionDb.sites(),
    crossSiteLog.history(),
    readState('tickets'),
    grantedOrigins(),
  ]);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.site, (counts.get(e.site) ?? 0) + 1);
  return {
    paused,
    sites: sites.map((s) => ({ ...s, events: counts.get(s.key) ?? 0 })),
    tickets: tickets.length,
    grantedOrigins: origins,
  };
}

async function exportAll(): Promise<ExportFile> {
  return {
    format: 'lectern-extension/1',
    exportedAt: new Date().toISOString(),
    sites: await extensionDb.sites(),
    events: await crossSiteLog.history(),
    tickets: await readState('tickets'),
  };
}

export async function handlePopupMessage(m: FromPopup): Promise<Answers[FromPopup['kind']]> {
  switch (m.kind) {
    case 'for-you':
      return refreshForYou();
    case 'tickets':
      return readState('tickets');
    case 'your-data':
      return yourData();
    case 'set-paused':
      await writeState('paused', m.paused === true);
      return yourData();
    case 'forget-site':
      await crossSiteLog.forget(m.key);
      await extensionDb.forgetSite(m.key);
      await syncReminders(await dropTicketsOf(m.key));
      noteErasure();
      await writeState('forYou', null);
      return yourData();
    case 'export':
      return exportAll();
    case 'delete-all':
      await crossSiteLog.deleteAll();
      await extensionDb.clear();
      await writeState('tickets', []);
      noteErasure();
      await writeState('forYou', null);
      await syncReminders([]);
      return yourData();
    case 'access-changed':
      await syncContentScript();
      return yourData();
  }
}

/** True when a message comes from one of this extension's own pages (the popup), not a web page. */
export const fromExtensionPage = (sender: { id?: string; url?: string }) =>
  sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionUrl('/'));
