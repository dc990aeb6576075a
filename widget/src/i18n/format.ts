import type { Locale } from './locale.ts';

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Formats integer minor units in the reader's locale: 2900 EUR → "€29.00" / "€29.00". */
export function formatPrice(amount: number, currency: string, locale: Locale): string {
  const value = amount / 10 ** currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

/** The start in the reader's own time zone, with the zone named. */
export function formatStart(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone && { timeZone }),
  }).format(new Date(iso));
}

/** The host's wall-clock time, shown only when it differs from the reader's. */
export function hostClock(iso: string, hostZone: string, locale: Locale, readerZone?: string): string | null {
  const reader = readerZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  const inHost = new Intl.DateTimeFormat(locale, { ...opts, timeZone: hostZone }).format(new Date(iso));
  const inReader = new Intl.DateTimeFormat(locale, { ...opts, timeZone: reader }).format(new Date(iso));
  return inHost === inReader ? null : `${inHost} (${hostZone})`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
];

/** "in 2 days" / "2天后", "in 3 hours" / "3小时后". */
export function formatRelative(iso: string, locale: Locale, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const [unit, ms] = abs < 3_600_000 ? UNITS[0] : abs < 48 * 3_600_000 ? UNITS[1] : UNITS[2];
  // Chinese 'auto' says 后天 for two days; readers expect the explicit 2天后 on a schedule.
  const numeric = locale === 'en' ? 'auto' : 'always';
  return new Intl.RelativeTimeFormat(locale, { numeric }).format(Math.round(diff / ms), unit);
}
