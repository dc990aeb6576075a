// When to remind: 24 h, 1 h and 10 min before each ticketed workshop. Pure, so the background
// re-creates the same alarms from storage whenever it starts (alarms do not survive every restart).

/** What a reminder needs to know about a ticket. */
export type RemindedTicket = { key: string; title: string; startsAt: number; roomUrl: string };

export const REMINDER_OFFSETS_MIN = [24 * 60, 60, 10] as const;
const PREFIX = 'lectern-reminder';

export type Reminder = { name: string; at: number; ticketKey: string; minutesBefore: number };

/** Alarm name of one reminder: `lectern-reminder|<minutes>|<ticket key>`. */
export const reminderName = (ticketKey: string, minutesBefore: number) =>
  `${PREFIX}|${minutesBefore}|${ticketKey}`;

/** The ticket key and offset of an alarm we created, or null for any other alarm. */
export function parseReminderName(name: string): { ticketKey: string; minutesBefore: number } | null {
  const [prefix, minutes, ...rest] = name.split('|');
  const minutesBefore = Number(minutes);
  if (prefix !== PREFIX || !Number.isInteger(minutesBefore) || rest.length === 0) return null;
  return { ticketKey: rest.join('|'), minutesBefore };
}

/**
 * The reminders still to come. A moment already past is dropped, and so is every reminder of a
 * workshop that has started: a late "starts in 10 minutes" would be wrong.
 */
export function remindersFor(tickets: readonly RemindedTicket[], now: number): Reminder[] {
  const out: Reminder[] = [];
  for (const t of tickets) {
    if (!Number.isFinite(t.startsAt) || t.startsAt <= now) continue;
    for (const minutesBefore of REMINDER_OFFSETS_MIN) {
      const at = t.startsAt - minutesBefore * 60_000;
      if (at > now)
        out.push({ name: reminderName(t.key, minutesBefore), at, ticketKey: t.key, minutesBefore });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A reminder firing now is still worth showing only if its workshop has not started. */
export const stillUseful = (ticket: RemindedTicket | undefined, now: number) =>
  ticket !== undefined && ticket.startsAt > now;
