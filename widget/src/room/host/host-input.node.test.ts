import { describe, expect, it } from 'vitest';
import { cleanChat, cleanPoll } from './host-input.ts';

describe('cleanChat', () => {
  it('trims and caps the text', () => {
    expect(cleanChat('  hi  ')).toBe('hi');
    expect(cleanChat('x'.repeat(600))).toHaveLength(500);
  });

  it('refuses an empty message', () => {
    expect(cleanChat('   ')).toBeNull();
  });
});

describe('cleanPoll', () => {
  it('keeps up to six non-empty options', () => {
    const poll = cleanPoll(' Which? ', ['a', ' ', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(poll).toEqual({ question: 'Which?', options: ['a', 'b', 'c', 'd', 'e', 'f'] });
  });

  it('caps the question', () => {
    expect(cleanPoll('q'.repeat(300), ['a', 'b'])?.question).toHaveLength(200);
  });

  it('needs a question and two options', () => {
    expect(cleanPoll(' ', ['a', 'b'])).toBeNull();
    expect(cleanPoll('Which?', ['a', ''])).toBeNull();
  });
});
