import { describe, expect, it } from 'vitest';
import { requestedK } from './args.ts';

describe('predict --k', () => {
  it('accepts up to the model’s K and defaults to 20 or the model’s K if smaller', () => {
    expect(requestedK('50', 50)).toBe(50);
    expect(requestedK(undefined, 50)).toBe(20);
    expect(requestedK(undefined, 6)).toBe(6);
  });

  it('refuses more than the model returns, naming its K', () => {
    expect(() => requestedK('100', 50)).toThrow('--k 100 is more than this model returns: its K is 50');
    expect(() => requestedK('0', 50)).toThrow(/positive integer/);
    expect(() => requestedK('2.5', 50)).toThrow(/positive integer/);
  });
});
