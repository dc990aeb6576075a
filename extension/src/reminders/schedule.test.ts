import { describe, expect, it } from 'vitest';
import { parseReminderName, reminderName, remindersFor, stillUseful } from './schedule.ts';

const H = 3_600_000;
const ticket = (key: string, startsAt: number) => ({
  key,
  title: key,
  startsAt,
  roomUrl: `https://l.example/room/${key}`,
});

describe('reminder schedule', () => {
  it('plans 24 h, 1 h and 10 min before a workshop two days away, soonest first', () => {
    const now = 0;
    const r = remindersFor([ticket('a', 48 * H)], now);
    expect(r.map((x) => [x.minutesBefore, x.at])).toEqual([
      [1440, 24 * H],
      [60, 47 * H],
      [10, 48 * H - 10 * 60_000],
    ]);
    expect(r.every((x) => parseReminderName(x.name)?.ticketKey === 'a')).toBe(true);
  });

  it('drops moments already past and every reminder of a started workshop', () => {
    const now = 10 * H;
    const r = remindersFor([ticket('soon', now + 30 * 60_000), ticket('started', now - 60_000)], now);
    expect(r.map((x) => `${x.ticketKey}:${x.minutesBefore}`)).toEqual(['soon:10']);
    expect(stillUseful(ticket('started', now - 1), now)).toBe(false);
    expect(stillUseful(undefined, now)).toBe(false);
    expect(stillUseful(ticket('soon', now + 1), now)).toBe(true);
  });

  it('round-trips alarm names, keys with separators included, and ignores foreign alarms', () => {
    const key = 'http://localhost:3000#demo|ws_1';
    expect(parseReminderName(reminderName(key, 60))).toEqual({ ticketKey: key, minutesBefore: 60 });
    expect(parseReminderName('other-alarm')).toBeNull();
    expect(parseReminderName('lectern-reminder|x|k')).toBeNull();
  });
});
