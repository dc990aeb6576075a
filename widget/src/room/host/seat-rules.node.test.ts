import { describe, expect, it } from 'vitest';
import { seatDecision } from './seat-rules.ts';

describe('seatDecision', () => {
  const learners = [
    { peerId: 'a', seat: 's1' },
    { peerId: 'b', seat: 's2' },
  ];

  it('admits a newcomer below the limit', () => {
    expect(seatDecision(learners, { peerId: 'c', seat: 's3' }, 3)).toEqual({ supersede: [], full: false });
  });

  it('supersedes the older device on the same seat', () => {
    expect(seatDecision(learners, { peerId: 'c', seat: 's1' }, 2)).toEqual({ supersede: ['a'], full: false });
  });

  it('turns a newcomer away at the limit', () => {
    expect(seatDecision(learners, { peerId: 'c', seat: 's3' }, 2)).toEqual({ supersede: [], full: true });
  });

  it('lets the same learner back in at the limit', () => {
    expect(seatDecision(learners, { peerId: 'b', seat: 's2' }, 2)).toEqual({ supersede: [], full: false });
  });
});
