// The widget's side of the bridge to the Lectern browser extension. It talks only when the
// extension's content script has marked the page, posts only to this page's own origin, and
// accepts only answers from this window and origin that match a question it asked.
// Nothing here throws into the host page.
import type { StoredEvent } from '../log/event-types.ts';
import {
  BRIDGE_NS,
  type BridgedEvent,
  type PageMessage,
  PRESENCE_ATTRIBUTE,
  parseExtensionMessage,
  serverOrigin,
} from './protocol.ts';

/** True when the Lectern extension is installed and allowed on this page. */
export function extensionPresent(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute(PRESENCE_ATTRIBUTE);
}

function post(message: PageMessage): void {
  window.postMessage(message, location.origin);
}

/** Hands a logged event to the extension's own cross-site log (fire and forget). */
export function offerEvent(server: string, event: StoredEvent): void {
  try {
    const origin = serverOrigin(server);
    if (!origin || !extensionPresent()) return;
    // The anonymous id and the upload state stay with the page: the extension never uploads.
    const { anon: _anon, state: _state, ...rest } = event;
    const bridged: BridgedEvent = rest;
    post({ ns: BRIDGE_NS, from: 'page', type: 'event', server: origin, site: event.site, event: bridged });
  } catch {
    // The extension is an extra: the page's own log already has the event.
  }
}

let asked = 0;

/**
 * Asks the extension for this site's recommended workshop ids, best first. Resolves null when the
 * extension is absent or does not answer within `timeoutMs` (an empty list is an answer).
 */
export function askRecommendations(
  options: { server: string; site: string; limit: number },
  timeoutMs = 3000,
): Promise<string[] | null> {
  const server = serverOrigin(options.server);
  if (!server || !extensionPresent()) return Promise.resolve(null);
  const id = `reco-${Date.now().toString(36)}-${++asked}`;
  return new Promise((resolve) => {
    const done = (value: string[] | null) => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(value);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window || event.origin !== location.origin) return;
      const answer = parseExtensionMessage(event.data);
      if (!answer || answer.id !== id || answer.site !== options.site) return;
      done(answer.workshops);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    window.addEventListener('message', onMessage);
    post({
      ns: BRIDGE_NS,
      from: 'page',
      type: 'recommend',
      id,
      server,
      site: options.site,
      limit: options.limit,
    });
  });
}
