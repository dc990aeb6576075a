// The learner's cross-site behaviour log, in the extension's own IndexedDB. The same database
// code as the widget's log (`@lectern/widget/log/db`), keyed by site key (`<server>#<site>`) so
// two servers' sites never mix. Events here never leave the browser.
import type { BridgedEvent } from '@lectern/widget/extension-bridge';
import type { StoredEvent } from '@lectern/widget/log';
import { LogDb } from '@lectern/widget/log/db';

let opened: Promise<LogDb> | null = null;
const db = () => {
  opened ??= LogDb.open();
  return opened;
};

export const crossSiteLog = {
  async record(siteKey: string, event: BridgedEvent): Promise<void> {
    // `local`: never uploaded by the extension (the page's own log uploads when allowed).
    await (await db()).add({ ...event, site: siteKey, anon: 'extension', state: 'local' });
  },
  async history(siteKey?: string): Promise<StoredEvent[]> {
    return (await db()).history(siteKey);
  },
  async forget(siteKey: string): Promise<void> {
    await (await db()).deleteSite(siteKey);
  },
  async deleteAll(): Promise<void> {
    await (await db()).deleteAll();
  },
};
