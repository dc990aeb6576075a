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

  describe('hostile titles and host names', () => {
    const hostile = buildIcs({
      uid: 'ord_2',
      title: 'Evil\rURL:https://evil.example\r\nATTACH:https://evil.example/x\nBEGIN:VALARM\u2028END:VEVENT',
      description: 'a\\b\rc\u0000d',
      startsAt: Date.UTC(2027, 0, 15, 17, 0),
      endsAt: Date.UTC(2027, 0, 15, 18, 30),
      url: 'https://lectern.example/room/ws_1\r\nATTACH:x',
      organizer: 'Mallory:mailto:boss@evil.example;ROLE=CHAIR,"x"\rATTENDEE:y',
      now: Date.UTC(2026, 11, 1),
    });
    const props = hostile.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

    it('keeps every line break inside a value escaped, a lone CR included', () => {
      expect(hostile.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028]/);
      expect(hostile).not.toContain('\u0000');
      expect(props.map((line) => line.split(/[:;]/)[0])).toEqual([
        'BEGIN',
        'VERSION',
        'PRODID',
        'CALSCALE',
        'METHOD',
        'BEGIN',
        'UID',
        'DTSTAMP',
        'DTSTART',
        'DTEND',
        'SUMMARY',
        'DESCRIPTION',
        'URL',
        'LOCATION',
        'ORGANIZER',
        'BEGIN',
        'TRIGGER',
        'ACTION',
        'DESCRIPTION',
        'END',
        'END',
        'END',
      ]);
      expect(props).toContain(
        'SUMMARY:Evil\\nURL:https://evil.example\\nATTACH:https://evil.example/x\\nBEGIN:VALARM\\nEND:VEVENT',
      );
      expect(props.find((l) => l.startsWith('DESCRIPTION:a'))).toMatch(/^DESCRIPTION:a\\\\b\\ncd\\n/);
      expect(props.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(1);
    });

    it('quotes the organizer so a colon or semicolon in the name cannot rewrite it', () => {
      expect(props).toContain(
        `ORGANIZER;CN="Mallory:mailto:boss@evil.example;ROLE=CHAIR,'x' ATTENDEE:y":mailto:noreply@lectern.invalid`,
      );
    });
  });
});
