import { describe, expect, it } from 'vitest';
import { luminance, parseColor } from './theme.ts';

describe('theme colours', () => {
  it('parses computed rgb() and rgba() colours, transparent included', () => {
    expect(parseColor('rgb(251, 248, 243)')).toEqual([251, 248, 243, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(17 17 17 / 50%)')).toEqual([17, 17, 17, 0.5]);
    expect(parseColor('color(display-p3 1 1 1)')).toBeNull();
  });

  it('puts a cream page well above and a near-black page well below the dark threshold', () => {
    expect(luminance([251, 248, 243])).toBeGreaterThan(0.9);
    expect(luminance([17, 17, 17])).toBeLessThan(0.01);
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
  });
});
