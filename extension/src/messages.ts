// Messages to the background, from the bridge's content script and from the popup. The
// background checks who sent each one (a page tab, or an extension page) before acting.
import type { PageMessage } from '@lectern/widget/extension-bridge';
import type { KnownSite } from './store/extension-db.ts';
import type { ForYouCache, Ticket } from './store/local-state.ts';

/** From the content script, after it checked the page's message and its site. */
export type FromPage = { kind: 'page'; message: PageMessage; title: string };

/** From the popup. */
export type FromPopup =
  | { kind: 'for-you' }
  | { kind: 'tickets' }
  | { kind: 'your-data' }
  | { kind: 'set-paused'; paused: boolean }
  | { kind: 'forget-site'; key: string }
  | { kind: 'export' }
  | { kind: 'delete-all' }
  | { kind: 'access-changed' };

export type YourData = {
  paused: boolean;
  sites: (KnownSite & { events: number })[];
  tickets: number;
  grantedOrigins: string[];
};

export type ExportFile = {
  format: 'lectern-extension/1';
  exportedAt: string;
  sites: KnownSite[];
  events: unknown[];
  tickets: Ticket[];
};

export type Answers = {
  'for-you': ForYouCache;
  tickets: Ticket[];
  'your-data': YourData;
  'set-paused': YourData;
  'forget-site': YourData;
  export: ExportFile;
  'delete-all': YourData;
  'access-changed': YourData;
};
