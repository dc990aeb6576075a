// RFC 5545 calendar invite for one workshop. Text is escaped and lines are folded at 75 octets.

// Control characters other than tab may not appear in a content line (RFC 5545 §3.1); a line
// break anywhere in a value, CR alone included, would start a new property (`URL:`, `ATTACH:`,
// `BEGIN:VALARM`), so every kind becomes the escaped `\n` and the rest are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/** A TEXT value (§3.3.11): backslash, `;` and `,` escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(LINE_BREAK, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value (§3.2), always quoted: a quoted value may hold `:`, `;` and `,`, but no
 * DQUOTE and no control character, and there is no escape for either, so they are replaced.
 */
export function quoteParam(value: string): string {
  return `"${value.replace(LINE_BREAK, ' ').replace(CONTROL, '').replace(/"/g, "'")}"`;
}

/** A URI value: no escaping applies, so nothing that could end the line may pass. */
function uri(value: string): string {
  return value.replace(LINE_BREAK, '').replace(CONTROL, '');
}

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export type IcsEvent = {
  uid: string;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  url: string;
  organizer: string;
  now: number;
};

export function buildIcs(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lectern//Workshops//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uri(event.uid)}@lectern`,
    `DTSTAMP:${stamp(event.now)}`,
    `DTSTART:${stamp(event.startsAt)}`,
    `DTEND:${stamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(`${event.description}\n\nJoin: ${event.url}`)}`,
    `URL:${uri(event.url)}`,
    `LOCATION:${escapeText(event.url)}`,
    `ORGANIZER;CN=${quoteParam(event.organizer)}:mailto:noreply@lectern.invalid`,
    'BEGIN:VALARM',
    'TRIGGER:-PT15M',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
