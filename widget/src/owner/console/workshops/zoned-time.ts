// Wall-clock time in an IANA zone ↔ the instant, with Intl only (no time-zone database of ours).

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`, in ms (New York in July: -4 h). */
export function zoneOffset(ms: number, timeZone: string): number {
  const w = wallParts(ms, timeZone);
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return wall - Math.floor(ms / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant when the clock in `timeZone` reads `date` (YYYY-MM-DD) at `time` (HH:MM), as
 * Temporal's "compatible" rule has it: a time the clock shows twice (autumn, clocks go back) is
 * the first one; a time it skips (spring, clocks go forward) is moved forward by the gap, so
 * 02:30 on the night New York springs forward is 03:30 EDT. Null for a malformed date or time, or
 * a zone this browser does not know.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm || !isTimeZone(timeZone)) return null;
  const wall = Date.UTC(+dm[1], +dm[2] - 1, +dm[3], +tm[1], +tm[2]);
  if (Number.isNaN(wall)) return null;
  // The offsets a day either side cover any transition near this time (zones move at most twice a year).
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const valid = [before, after].map((o) => wall - o).filter((ms) => zoneOffset(ms, timeZone) === wall - ms);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) in `timeZone` at an instant: the form's fields. */
export function instantToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const w = wallParts(Date.parse(iso), timeZone);
  const pad = (n: number, len = 2) => String(n).padStart(len, '0');
  return { date: `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.mi)}` };
}

/** True for a time zone this browser knows (`Europe/Berlin`); false for a typo, never a throw. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** Every IANA zone this browser knows (UTC first), for the picker. */
export function timeZones(): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}
