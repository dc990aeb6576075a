import { describe, expect, it } from 'vitest';
import { preferenceFor } from './degradation.ts';

describe('preferenceFor', () => {
  it('keeps a shared screen sharp', () => {
    expect(preferenceFor('detail')).toBe('maintain-resolution');
    expect(preferenceFor('text')).toBe('maintain-resolution');
  });

  it('lets a camera adapt resolution and frame rate', () => {
    expect(preferenceFor('')).toBe('balanced');
    expect(preferenceFor('motion')).toBe('balanced');
  });
});
