import { describe, expect, it } from 'vitest';
import { instantToZoned, timeZones, zonedToInstant } from './zoned-time.ts';

const at = (date: string, time: string, zone: string) => zonedToInstant(date, time, zone)?.toISOString();

describe('zonedToInstant', () => {
  it('reads the wall clock in the chosen zone, summer and winter', () => {
    expect(at('2027-07-15', '18:00', 'America/New_York')).toBe('2027-07-15T22:00:00.000Z');
    expect(at('2027-01-15', '18:00', 'America/New_York')).toBe('2027-01-15T23:00:00.000Z');
    expect(at('2027-07-15', '18:00', 'Asia/Shanghai')).toBe('2027-07-15T10:00:00.000Z');
    expect(at('2027-07-15', '18:00', 'Asia/Kolkata')).toBe('2027-07-15T12:30:00.000Z');
    expect(at('2027-07-15', '18:00', 'UTC')).toBe('2027-07-15T18:00:00.000Z');
  });

  it('moves a skipped time forward by the gap (spring forward)', () => {
    // New York, 14 March 2027: 02:00 EST jumps to 03:00 EDT.
    expect(at('2027-03-14', '02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
    expect(at('2027-03-14', '03:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
    expect(at('2027-03-14', '01:30', 'America/New_York')).toBe('2027-03-14T06:30:00.000Z');
    // Berlin, 28 March 2027: 02:00 CET jumps to 03:00 CEST.
    expect(at('2027-03-28', '02:15', 'Europe/Berlin')).toBe('2027-03-28T01:15:00.000Z');
  });

  it('takes the first of a time shown twice (fall back)', () => {
    // New York, 7 November 2027: 01:30 happens in EDT, then again in EST.
    expect(at('2027-11-07', '01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
    expect(at('2027-11-07', '02:30', 'America/New_York')).toBe('2027-11-07T07:30:00.000Z');
    // Lord Howe moves by 30 minutes.
    expect(at('2027-04-04', '01:45', 'Australia/Lord_Howe')).toBe('2027-04-03T14:45:00.000Z');
  });

  it('refuses malformed input and unknown zones without throwing', () => {
    expect(zonedToInstant('2027-07-01', '18:00', 'Mars/Olympus_Mons')).toBeNull();
    expect(zonedToInstant('2027-07-01', '18:00', '')).toBeNull();
    expect(zonedToInstant('2027-7-1', '18:00', 'UTC')).toBeNull();
    expect(zonedToInstant('2027-07-01', '6pm', 'UTC')).toBeNull();
  });
});

describe('instantToZoned', () => {
  it('is the inverse for times that exist', () => {
    expect(instantToZoned('2027-07-15T22:00:00.000Z', 'America/New_York')).toEqual({
      date: '2027-07-15',
      time: '18:00',
    });
    expect(instantToZoned('2027-12-31T16:30:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2028-01-01',
      time: '00:30',
    });
  });
});

describe('timeZones', () => {
  it('lists UTC first and the IANA zones', () => {
    const zones = timeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Asia/Shanghai');
  });
});
