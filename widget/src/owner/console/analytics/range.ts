// The panel's date range: whole UTC days, both ends included, as the analytics endpoint takes
// them (`from`/`to` = YYYY-MM-DD). Pure, so the picker's arithmetic is unit-tested in Node.

/** A range of UTC days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The presets the picker offers, in days. */
export const PRESETS = [7, 30, 90] as const;
export type Preset = (typeof PRESETS)[number];

/** The server refuses longer ranges (400 `validation_failed`); the picker says so first. */
export const MAX_DAYS = 366;

const DAY = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds at 00:00 UTC of a YYYY-MM-DD day, or NaN when it is not a real day. */
export function dayStart(day: string): number {
  if (!DAY_RE.test(day)) return Number.NaN;
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: a real day prints back as itself.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? Number.NaN : ms;
}

/** The UTC day holding `ms`, as YYYY-MM-DD. */
export function dayOf(ms: number): string {
  return new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today (UTC). */
export function presetRange(days: number, now = Date.now()): DayRange {
  const today = Math.floor(now / DAY) * DAY;
  return { from: dayOf(today - (days - 1) * DAY), to: dayOf(today) };
}

/** How many days the range covers (7 for a week). */
export function rangeLength(range: DayRange): number {
  return Math.round((dayStart(range.to) - dayStart(range.from)) / DAY) + 1;
}

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const start = dayStart(range.from);
  return { from: dayOf(start - rangeLength(range) * DAY), to: dayOf(start - DAY) };
}

/** Which preset a range is (ending today), or null for a custom range. */
export function presetOf(range: DayRange, now = Date.now()): Preset | null {
  return (
    PRESETS.find((d) => {
      const p = presetRange(d, now);
      return p.from === range.from && p.to === range.to;
    }) ?? null
  );
}

export type RangeProblem = 'invalid' | 'reversed' | 'tooLong';

/** Why the server would refuse a custom range, or null when it is fine. */
export function checkRange(range: DayRange): RangeProblem | null {
  const from = dayStart(range.from);
  const to = dayStart(range.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return 'invalid';
  if (from > to) return 'reversed';
  return rangeLength(range) > MAX_DAYS ? 'tooLong' : null;
}

/** Every day of the range in order, for series that must show empty days as zero. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let ms = dayStart(range.from); ms <= dayStart(range.to); ms += DAY) out.push(dayOf(ms));
  return out;
}
