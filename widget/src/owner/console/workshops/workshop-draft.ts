import type { OwnerWorkshop, WorkshopCreate } from '@lectern/server/contract';
import { currencyDigits } from '../../../i18n/format.ts';
import { instantToZoned, isTimeZone, zonedToInstant } from './zoned-time.ts';

/** The form's fields as the owner types them: strings, the start as a wall clock in a zone. */
export type WorkshopDraft = {
  title: string;
  summary: string;
  description: string;
  hostName: string;
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: string;
  capacity: string;
  /** In major units as typed: "29" or "29.50"; "0" is free. */
  price: string;
  currency: string;
  /** Comma-separated. */
  tags: string;
  language: string;
};

export type DraftField = keyof WorkshopDraft;

const digits = (currency: string) => {
  try {
    return currencyDigits(currency);
  } catch {
    return 2; // An unknown code: the server's validation names the currency field.
  }
};

export function emptyDraft(language: string, now = Date.now()): WorkshopDraft {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const { date } = instantToZoned(new Date(now + 7 * 86_400_000).toISOString(), timeZone);
  return {
    title: '',
    summary: '',
    description: '',
    hostName: '',
    date,
    time: '18:00',
    timeZone,
    durationMinutes: '60',
    capacity: '20',
    price: '0',
    currency: 'USD',
    tags: '',
    language,
  };
}

/** A workshop as the form shows it; `shiftDays` moves the start (a duplicate is a week later). */
export function draftOf(w: OwnerWorkshop, shiftDays = 0): WorkshopDraft {
  // Calendar days on the wall clock: the same local time in the workshop's zone, across DST too.
  const wall = instantToZoned(w.startsAt, w.timeZone);
  const [y, m, d] = wall.date.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + shiftDays)).toISOString().slice(0, 10);
  return {
    title: w.title,
    summary: w.summary,
    description: w.description,
    hostName: w.hostName,
    date,
    time: wall.time,
    timeZone: w.timeZone,
    durationMinutes: String(w.durationMinutes),
    capacity: String(w.capacity),
    price: (w.priceAmount / 10 ** digits(w.currency)).toFixed(digits(w.currency)),
    currency: w.currency,
    tags: w.tags.join(', '),
    language: w.language,
  };
}

/**
 * The API's body for a draft, or the fields the browser can already tell are wrong (a start that
 * is no date, a price that is no number). Everything else is the server's to judge.
 */
export function toWorkshopInput(
  d: WorkshopDraft,
): { input: WorkshopCreate } | { errors: Partial<Record<DraftField, true>> } {
  const errors: Partial<Record<DraftField, true>> = {};
  const start = zonedToInstant(d.date, d.time, d.timeZone.trim());
  if (!isTimeZone(d.timeZone.trim())) errors.timeZone = true;
  else if (!start) errors.date = true;
  const price = Number(d.price.trim().replace(',', '.'));
  if (d.price.trim() === '' || !Number.isFinite(price) || price < 0) errors.price = true;
  const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  if (Number.isNaN(whole(d.durationMinutes))) errors.durationMinutes = true;
  if (Number.isNaN(whole(d.capacity))) errors.capacity = true;
  if (!start || Object.keys(errors).length) return { errors };
  const currency = d.currency.trim().toUpperCase();
  return {
    input: {
      title: d.title,
      summary: d.summary,
      description: d.description,
      hostName: d.hostName,
      startsAt: start.toISOString(),
      durationMinutes: whole(d.durationMinutes),
      timeZone: d.timeZone.trim(),
      capacity: whole(d.capacity),
      priceAmount: Math.round(price * 10 ** digits(currency)),
      currency,
      tags: d.tags
        .split(/[,，]/)
        .map((t) => t.trim())
        .filter(Boolean),
      language: d.language.trim(),
    },
  };
}

// The server names the field first: "startsAt: must be an ISO 8601 instant" (http/json-body.ts).
const FIELD_OF: Record<string, DraftField> = {
  startsAt: 'date',
  priceAmount: 'price',
};

/** The server's validation details → a message per form field; what names no field is `form`. */
export function fieldErrors(details: unknown, message: string): Partial<Record<DraftField | 'form', string>> {
  const out: Partial<Record<DraftField | 'form', string>> = {};
  const lines = Array.isArray(details)
    ? details.filter((x): x is string => typeof x === 'string')
    : [message];
  for (const line of lines) {
    const m = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(line);
    const name = m?.[1] ?? '';
    const field = FIELD_OF[name] ?? (name in emptyDraftKeys ? (name as DraftField) : undefined);
    if (field && m) out[field] = out[field] ? `${out[field]}; ${m[2]}` : m[2];
    else if (/capacity/i.test(line)) out.capacity = line;
    else out.form = out.form ? `${out.form}; ${line}` : line;
  }
  return out;
}

const emptyDraftKeys: Record<DraftField, true> = {
  title: true,
  summary: true,
  description: true,
  hostName: true,
  date: true,
  time: true,
  timeZone: true,
  durationMinutes: true,
  capacity: true,
  price: true,
  currency: true,
  tags: true,
  language: true,
};
