import { describe, expect, it } from 'vitest';
import { csvCell, csvHeaders, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers and empty cells for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('builds a file with a BOM, CRLF line ends and a trailing CRLF', () => {
    const file = toCsv(
      ['name', 'email'],
      [
        ['张伟', 'zw@example.cn'],
        ['O"Neil, Pat', '@evil'],
      ],
    );
    expect(file).toBe('\uFEFFname,email\r\n张伟,zw@example.cn\r\n"O""Neil, Pat",\'@evil\r\n');
  });

  it('names the download with an ASCII fallback and the UTF-8 form', () => {
    const h = csvHeaders('attendees-Café talk.csv');
    expect(h['Content-Type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(h['Content-Disposition']).toBe(
      `attachment; filename="attendees-Caf_talk.csv"; filename*=UTF-8''attendees-Caf%C3%A9%20talk.csv`,
    );
  });
});
