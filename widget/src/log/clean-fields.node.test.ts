import { expect, it } from 'vitest';
import { cleanFields, cleanPath } from './clean-fields.ts';
import { SESSION_IDLE_MS, SessionClock } from './session.ts';

it('keeps only the path of URLs and paths', () => {
  expect(cleanPath('/a/b?x=1#y')).toBe('/a/b');
  expect(cleanPath('https://blog.example/p/q?email=a@b.c')).toBe('/p/q');
  expect(cleanPath('relative/page')).toBe('/relative/page');
  expect(cleanPath('')).toBe('/');
  expect(cleanPath(`/${'a'.repeat(600)}`)).toHaveLength(512);
});

it('drops fields the wire contract would refuse', () => {
  expect(cleanFields({ workshop: 'ws_1', value: 3, label: 'v1:b' })).toEqual({
    fields: { workshop: 'ws_1', value: 3, label: 'v1:b' },
    dropped: [],
  });
  expect(
    cleanFields({ workshop: 'x'.repeat(65), value: Number.POSITIVE_INFINITY, label: 'free text' }),
  ).toEqual({
    fields: {},
    dropped: ['workshop', 'value', 'label'],
  });
});

it('keeps a session id until 30 idle minutes pass', () => {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
  };
  let now = 0;
  const clock = new SessionClock(storage, () => now);
  const first = clock.current();
  now += SESSION_IDLE_MS - 1;
  expect(clock.current()).toBe(first);
  // Another page of the same tab reads the same storage.
  expect(new SessionClock(storage, () => now).current()).toBe(first);
  now += SESSION_IDLE_MS;
  expect(clock.current()).not.toBe(first);
  const blocked = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('SecurityError');
    },
  };
  const memory = new SessionClock(blocked, () => now);
  expect(memory.current()).toBe(memory.current());
});
