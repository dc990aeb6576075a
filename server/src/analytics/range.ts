import type { AnalyticsRange, IsoDay } from '../contract/analytics.ts';

export const DAY_MS = 86_400_000;
/** A year and a leap day: the longest range one request may ask for. */
export const MAX_RANGE_DAYS = 366;
/** The default range: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

/** A period in ms: `start` inclusive, `end` exclusive, both on UTC midnights. */
export type Period = AnalyticsRange & { start: number; end: number };

/** Why a range was refused; the route answers 400 `validation_failed` with it. */
export class InvalidRange extends Error {
  override name = 'InvalidRange';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isoDay = (ms: number): IsoDay => new Date(ms).toISOString().slice(0, 10);
/** UTC day number (days since the epoch) of an instant. */
export const dayNumber = (ms: number): number => Math.floor(ms / DAY_MS);

function parseDay(name: string, value: string): number {
  const ms = ISO_DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist is refused.
  if (Number.isNaN(ms) || isoDay(ms) !== value) throw new InvalidRange(`${name}: a day as YYYY-MM-DD`);
  return ms;
}

function period(start: number, end: number): Period {
  return { from: isoDay(start), to: isoDay(end - DAY_MS), days: (end - start) / DAY_MS, start, end };
}

/**
 * The inclusive UTC days `from`..`to`, defaulting to the last 30 days up to today. Refuses a
 * malformed or impossible day, `from` after `to`, and a range over 366 days.
 */
export function parseRange(from: string | undefined, to: string | undefined, now: number): Period {
  const today = dayNumber(now) * DAY_MS;
  const end = (to === undefined ? today : parseDay('to', to)) + DAY_MS;
  const start = from === undefined ? end - DEFAULT_RANGE_DAYS * DAY_MS : parseDay('from', from);
  if (start >= end) throw new InvalidRange('from: must not be after to');
  if (end - start > MAX_RANGE_DAYS * DAY_MS)
    throw new InvalidRange(`The range is longer than ${MAX_RANGE_DAYS} days`);
  return period(start, end);
}

/** The period of the same length just before, for "compared with the previous period". */
export function previousPeriod(p: Period): Period {
  return period(p.start - (p.end - p.start), p.start);
}

export const rangeOf = ({ from, to, days }: Period): AnalyticsRange => ({ from, to, days });
