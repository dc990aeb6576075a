/**
 * CSV as RFC 4180 says it (comma-separated, CRLF line ends, a field with a comma, quote, CR or LF
 * quoted, quotes doubled) in UTF-8 **with** a byte-order mark, which Excel needs to read UTF-8
 * (without it, 张伟 arrives as mojibake); other readers skip it.
 *
 * Spreadsheet formula injection: a cell a buyer typed (an email, a name) that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR would run as a formula when the owner opens the file, so such
 * text cells get a leading `'` (OWASP's advice). Numbers are written as numbers, so a negative
 * amount stays `-5`.
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped for formulas and quoted when it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one row per record, each line ended by CRLF, BOM first. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The headers of a CSV download: `text/csv` as UTF-8, saved under `filename` (an ASCII fallback
 * plus the RFC 5987 form for names with other characters), never cached.
 */
export function csvHeaders(filename: string): Record<string, string> {
  const ascii = filename.replace(/[^\w.-]+/g, '_');
  return {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Cache-Control': 'no-store',
  };
}
