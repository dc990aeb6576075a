// RFC 4180 CSV. h16-manage writes server/src/http/csv.ts at the same time; the lead keeps one.

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula:
 * such text gets a leading apostrophe. Numbers are written as numbers, so -5 stays -5.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header and rows as CSV text: CRLF line ends, fields quoted only when they must be. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
