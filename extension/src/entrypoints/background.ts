// The background: receives the bridge's page messages and the popup's questions, keeps the
// content script registered for the granted origins, and the reminders scheduled. Each feature
// starts on its own so that one failing cannot stop another.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { initSiteAccess, syncContentScript } from '../access/site-access.ts';
import { handlePageMessage } from '../bridge/page-requests.ts';
import { fromExtensionPage, handlePopupMessage } from '../bridge/popup-requests.ts';
import type { FromPage, FromPopup } from '../messages.ts';
import { initReminders, syncReminders } from '../reminders/reminders.ts';

function start(name: string, init: () => void | Promise<void>): void {
  try {
    Promise.resolve(init()).catch((err) => console.error(`Lectern: ${name} failed to start`, err));
  } catch (err) {
    console.error(`Lectern: ${name} failed to start`, err);
  }
}

export default defineBackground({
  type: 'module',
  main() {
    start('site access', () => {
      initSiteAccess();
      return syncContentScript();
    });
    start('reminders', () => {
      initReminders();
      // Alarms do not survive every restart: re-create them from the stored tickets.
      return syncReminders();
    });
    start('messages', () => {
      browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
        if (sender.id !== browser.runtime.id) return false;
        const m = message as FromPage | FromPopup;
        let work: Promise<unknown> | null = null;
        // Page messages come from the content script in a web page's tab, never from our pages.
        if (m?.kind === 'page' && sender.tab && !fromExtensionPage(sender))
          work = handlePageMessage(m, sender.url);
        else if (m?.kind !== 'page' && fromExtensionPage(sender)) work = handlePopupMessage(m);
        if (!work) return false;
        work.then(sendResponse, (err) => {
          console.error('Lectern:', err);
          sendResponse(null);
        });
        return true;
      });
    });
  },
});
