import { describe, expect, it } from 'vitest';
import { sweepRoster } from './roster-sweep.ts';

describe('sweepRoster', () => {
  const read = 1000;

  it('keeps listed learners and clears their misses', () => {
    const r = sweepRoster([{ peerId: 'a', since: 0, unlisted: 1 }], new Set(['a']), read);
    expect(r.drop).toEqual([]);
    expect(r.unlisted.get('a')).toBe(0);
  });

  it('counts a first miss without dropping', () => {
    const r = sweepRoster([{ peerId: 'a', since: 0, unlisted: 0 }], new Set(), read);
    expect(r.drop).toEqual([]);
    expect(r.unlisted.get('a')).toBe(1);
  });

  it('drops a learner two reads in a row did not list', () => {
    const r = sweepRoster(
      [
        { peerId: 'a', since: 0, unlisted: 1 },
        { peerId: 'b', since: 0, unlisted: 0 },
      ],
      new Set(['b']),
      read,
    );
    expect(r.drop).toEqual(['a']);
  });

  it('leaves alone a learner admitted after the read began', () => {
    const r = sweepRoster([{ peerId: 'a', since: read, unlisted: 1 }], new Set(), read);
    expect(r.drop).toEqual([]);
    expect(r.unlisted.get('a')).toBe(0);
  });
});
