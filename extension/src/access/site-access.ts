// Host access is optional: the learner grants it from the popup, for one site or for all sites.
// The bridge's content script is registered for exactly the origins granted, whenever they change.
import { browser } from 'wxt/browser';

const SCRIPT_ID = 'lectern-bridge';
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** The match pattern of one page's origin, e.g. `https://blog.example/*`. */
export const originPattern = (url: string) => `${new URL(url).origin}/*`;

export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Registers (or unregisters) the content script for the origins granted right now. */
export async function syncContentScript(): Promise<void> {
  const origins = await grantedOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: ['content-scripts/content.js'],
      matches: origins,
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}

export function initSiteAccess(): void {
  browser.permissions.onAdded.addListener(() => void syncContentScript().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void syncContentScript().catch(() => undefined));
}
