import { describe, expect, it } from 'vitest';
import { currencyDigits, formatPrice, formatRelative, formatStart, hostClock } from './format.ts';

describe('formatPrice', () => {
  it('turns minor units into the reader’s currency format', () => {
    expect(formatPrice(2900, 'GBP', 'en')).toBe('£29.00');
    expect(formatPrice(9900, 'CNY', 'zh-CN')).toBe('¥99.00');
    expect(formatPrice(9900, 'CNY', 'en')).toBe('CN¥99.00');
    expect(formatPrice(4900, 'EUR', 'zh-CN')).toBe('€49.00');
  });

  it('knows currencies without cents and with three decimals', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(formatPrice(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatPrice(12500, 'KWD', 'en')).toBe('KWD\u00a012.500');
  });
});

describe('times', () => {
  const start = '2026-11-24T17:00:00.000Z';
  const now = Date.parse('2026-11-22T12:00:00.000Z');

  it('says how far away the start is, in both languages', () => {
    expect(formatRelative(start, 'en', now)).toBe('in 2 days');
    expect(formatRelative(start, 'zh-CN', now)).toBe('2天后');
    expect(formatRelative('2026-11-22T15:00:00.000Z', 'en', now)).toBe('in 3 hours');
    expect(formatRelative('2026-11-22T15:00:00.000Z', 'zh-CN', now)).toBe('3小时后');
    expect(formatRelative('2026-11-22T12:20:00.000Z', 'en', now)).toBe('in 20 minutes');
  });

  it('formats the start in a given zone with the zone named', () => {
    expect(formatStart(start, 'en', 'Asia/Shanghai')).toBe('Wed, Nov 25, 1:00 AM GMT+8');
    expect(formatStart(start, 'zh-CN', 'Asia/Shanghai')).toMatch(/11月25日.*1:00/);
  });

  it('notes the host’s clock only when it differs from the reader’s', () => {
    expect(hostClock(start, 'Europe/London', 'en', 'Europe/London')).toBeNull();
    expect(hostClock(start, 'America/Los_Angeles', 'en', 'Europe/London')).toBe(
      '9:00 AM PST (America/Los_Angeles)',
    );
  });
});
