import { describe, expect, it } from 'vitest';
import { checkRange, dayStart, daysOf, presetOf, presetRange, previousRange, rangeLength } from './range.ts';

// 2026-12-03 15:00 UTC: late enough that a local-time bug would shift the day in Asia.
const now = Date.parse('2026-12-03T15:00:00Z');

describe('presets', () => {
  it('end today and include it: the last 7 days are Nov 27 … Dec 3', () => {
    expect(presetRange(7, now)).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(presetRange(30, now)).toEqual({ from: '2026-11-04', to: '2026-12-03' });
    expect(presetRange(90, now)).toEqual({ from: '2026-09-05', to: '2026-12-03' });
  });

  it('are recognised again, and anything else is custom', () => {
    expect(presetOf({ from: '2026-11-27', to: '2026-12-03' }, now)).toBe(7);
    expect(presetOf({ from: '2026-11-26', to: '2026-12-03' }, now)).toBeNull();
  });
});

describe('the previous period', () => {
  it('has the same length and ends the day before', () => {
    expect(previousRange({ from: '2026-11-27', to: '2026-12-03' })).toEqual({
      from: '2026-11-20',
      to: '2026-11-26',
    });
    // Across a month and a leap day: 2028-02-29 exists.
    expect(previousRange({ from: '2028-03-01', to: '2028-03-31' })).toEqual({
      from: '2028-01-30',
      to: '2028-02-29',
    });
  });
});

describe('custom ranges', () => {
  it('say what the server would refuse', () => {
    expect(checkRange({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
    expect(checkRange({ from: '2026-12-03', to: '2026-12-01' })).toBe('reversed');
    expect(checkRange({ from: '2025-01-01', to: '2026-01-02' })).toBe('tooLong');
    expect(checkRange({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid');
    expect(checkRange({ from: '', to: '2026-03-01' })).toBe('invalid');
  });

  it('count and list their days', () => {
    expect(rangeLength({ from: '2026-12-01', to: '2026-12-01' })).toBe(1);
    expect(daysOf({ from: '2026-10-24', to: '2026-10-27' })).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
    expect(dayStart('2026-12-03')).toBe(Date.UTC(2026, 11, 3));
  });
});
