import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics.ts';

describe('buildIcs', () => {
  const ics = buildIcs({
    uid: 'ord_1',
    title: 'Knife skills; basics, and more',
    description: 'Line one\nLine two',
    startsAt: Date.UTC(2027, 0, 15, 17, 0),
    endsAt: Date.UTC(2027, 0, 15, 18, 30),
    url: `https://lectern.example/room/ws_1#ticket=${'x'.repeat(120)}`,
    organizer: 'Ada',
    now: Date.UTC(2026, 11, 1),
  });

  it('writes UTC times, escaped text and CRLF line endings', () => {
    expect(ics).toContain('DTSTART:20270115T170000Z\r\n');
    expect(ics).toContain('DTEND:20270115T183000Z\r\n');
    expect(ics).toContain('SUMMARY:Knife skills\\; basics\\, and more\r\n');
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds lines longer than 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain(`#ticket=${'x'.repeat(120)}`);
  });
});
