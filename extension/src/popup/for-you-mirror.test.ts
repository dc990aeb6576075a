import { beforeEach, describe, expect, it } from 'vitest';
import { forYouMirror } from './for-you-mirror.ts';

const cache = { computedAt: 1_700_000_000_000, items: [] };

beforeEach(() => localStorage.clear());

describe('the popup page’s mirror of "For you"', () => {
  it('gives back what was written', () => {
    expect(forYouMirror.read()).toBeNull();
    forYouMirror.write(cache);
    expect(forYouMirror.read()).toEqual(cache);
  });

  it('is emptied by clear() and by writing null', () => {
    forYouMirror.write(cache);
    forYouMirror.clear();
    expect(forYouMirror.read()).toBeNull();
    forYouMirror.write(cache);
    forYouMirror.write(null);
    expect(forYouMirror.read()).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('drops a copy it cannot read instead of painting it', () => {
    localStorage.setItem('lectern:for-you', '{not json');
    expect(forYouMirror.read()).toBeNull();
    localStorage.setItem('lectern:for-you', JSON.stringify({ computedAt: 1, items: 'x' }));
    expect(forYouMirror.read()).toBeNull();
    localStorage.setItem('lectern:for-you', JSON.stringify({ items: [] }));
    expect(forYouMirror.read()).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
