// The bridge's content script, registered only on origins the learner granted. It marks the
// page, takes well-formed Lectern messages from this window only, checks with the site's
// server that this page's origin belongs to the site it names, and answers on this origin only.
import {
  BRIDGE_NS,
  type ExtensionMessage,
  PRESENCE_ATTRIBUTE,
  parsePageMessage,
} from '@lectern/widget/extension-bridge';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageAnswer } from '../bridge/page-requests.ts';
import type { FromPage } from '../messages.ts';

const verified = new Map<string, Promise<boolean>>();

/**
 * Does the server serve this site to this page's origin? The request leaves with the page's
 * Origin, so a page on an origin the site did not register gets 403 and is ignored: a page can
 * never speak for another site.
 */
function pageBelongsTo(server: string, site: string): Promise<boolean> {
  const key = `${server}#${site}`;
  let check = verified.get(key);
  if (!check) {
    check = fetch(`${server}/v1/sites/${encodeURIComponent(site)}/workshops`, { credentials: 'omit' })
      .then((res) => res.ok)
      .catch(() => false);
    verified.set(key, check);
  }
  return check;
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  main() {
    document.documentElement.setAttribute(PRESENCE_ATTRIBUTE, '');
    window.addEventListener('message', async (event: MessageEvent) => {
      if (event.source !== window || event.origin !== location.origin) return;
      const message = parsePageMessage(event.data);
      if (!message || !(await pageBelongsTo(message.server, message.site))) return;
      const request: FromPage = { kind: 'page', message, title: document.title };
      const answer = (await browser.runtime.sendMessage(request).catch(() => null)) as PageAnswer;
      if (message.type !== 'recommend' || !answer) return;
      const reply: ExtensionMessage = {
        ns: BRIDGE_NS,
        from: 'extension',
        type: 'recommended',
        id: message.id,
        site: message.site,
        workshops: answer.workshops,
      };
      window.postMessage(reply, location.origin);
    });
  },
});
