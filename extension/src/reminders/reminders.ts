// System notifications 24 h, 1 h and 10 min before each ticketed workshop, through `alarms`.
// Alarms are re-created from the stored tickets whenever the background starts.
import { browser } from 'wxt/browser';
import { extensionUrl } from '../extension-url.ts';
import { t } from '../popup/strings.ts';
import { readState, type Ticket } from '../store/local-state.ts';
import { parseReminderName, remindersFor, stillUseful } from './schedule.ts';

/** Replaces every reminder alarm with the ones the stored tickets call for now. */
export async function syncReminders(tickets?: Ticket[], now = Date.now()): Promise<void> {
  const list = tickets ?? (await readState('tickets'));
  const existing = await browser.alarms.getAll();
  await Promise.all(
    existing.filter((a) => parseReminderName(a.name)).map((a) => browser.alarms.clear(a.name)),
  );
  for (const r of remindersFor(list, now)) await browser.alarms.create(r.name, { when: r.at });
}

export function initReminders(): void {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    const parsed = parseReminderName(alarm.name);
    if (!parsed) return;
    const ticket = (await readState('tickets')).find((x) => x.key === parsed.ticketKey);
    if (!stillUseful(ticket, Date.now()) || !ticket) return;
    const s = t(browser.i18n.getUILanguage());
    // `basic` only: the one type Firefox shows.
    await browser.notifications.create(alarm.name, {
      type: 'basic',
      iconUrl: extensionUrl('/icon/128.png'),
      title: ticket.title,
      message: s.startsIn(parsed.minutesBefore, ticket.host),
    });
  });
  browser.notifications.onClicked.addListener(async (id) => {
    const parsed = parseReminderName(id);
    if (!parsed) return;
    const ticket = (await readState('tickets')).find((x) => x.key === parsed.ticketKey);
    if (ticket) await browser.tabs.create({ url: ticket.roomUrl });
    await browser.notifications.clear(id);
  });
}
