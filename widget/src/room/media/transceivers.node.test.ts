import { describe, expect, it } from 'vitest';
import { answerDirections, sendingLines } from './transceivers.ts';

describe('answerDirections', () => {
  it('sends on the first line of each kind', () => {
    expect(answerDirections(['audio', 'video'])).toEqual(['sendonly', 'sendonly']);
  });

  it('refuses any further line of a kind already carried', () => {
    expect(answerDirections(['audio', 'video', 'video', 'audio'])).toEqual([
      'sendonly',
      'sendonly',
      'inactive',
      'inactive',
    ]);
  });

  it('has nothing to say about an offer without media lines', () => {
    expect(answerDirections([])).toEqual([]);
  });
});

describe('sendingLines', () => {
  it('maps each kind to the first line the host sends on', () => {
    const slots = sendingLines([
      { kind: 'audio', currentDirection: 'sendonly' },
      { kind: 'video', currentDirection: 'sendonly' },
      { kind: 'video', currentDirection: 'inactive' },
    ]);
    expect([...slots]).toEqual([
      ['audio', 0],
      ['video', 1],
    ]);
  });

  it('is empty when the answer sends nothing (the offer asked for no media)', () => {
    expect(sendingLines([{ kind: 'video', currentDirection: 'recvonly' }]).size).toBe(0);
    expect(sendingLines([{ kind: 'audio', currentDirection: null }]).size).toBe(0);
  });
});
