// Figures in the owner's language. Money goes through the reader's formatter (integer minor units
// per currency, never summed across currencies); the rest is Intl with the panel's conventions.
import { formatPrice } from '../../../i18n/format.ts';
import type { Locale } from '../../../i18n/locale.ts';

export { formatPrice as formatMoney };

/** 12345 → "12,345" (en) / "12,345" (zh-CN). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** A figure with exactly `digits` decimals: an AUC "0.71", a satisfaction S "4.35". */
export function formatDecimal(n: number | null, locale: Locale, digits = 2): string {
  if (n === null || !Number.isFinite(n)) return '–';
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/** A share 0…1 → "12.5%"; `null` (nothing to divide by) → "–". */
export function formatPercent(ratio: number | null, locale: Locale, digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** Minutes with one decimal at most: "42.5 min" / "42.5 分钟". */
export function formatMinutes(minutes: number | null, locale: Locale): string {
  if (minutes === null || !Number.isFinite(minutes)) return '–';
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(
    minutes,
  );
}

/** A UTC day (YYYY-MM-DD) as "Dec 3" / "12月3日". */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A UTC month (YYYY-MM) as "Dec 2026" / "2026年12月". */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

export interface Change {
  /** "+12.5%" / "−3.0%" */
  text: string;
  direction: 'up' | 'down' | 'flat';
}

/** The change from the previous period, or null when there was nothing before to compare with. */
export function formatChange(current: number, previous: number, locale: Locale): Change | null {
  if (!previous) return null;
  const ratio = (current - previous) / Math.abs(previous);
  const text = new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(ratio);
  return { text, direction: ratio > 0 ? 'up' : ratio < 0 ? 'down' : 'flat' };
}
