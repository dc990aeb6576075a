import { expect, it } from 'vitest';
import { uuid, uuidv7 } from './ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([1-8])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('makes version 7 event ids that carry the millisecond and sort by it', () => {
  const ts = Date.UTC(2026, 11, 2, 6, 30, 0, 123);
  const id = uuidv7(ts);
  expect(id).toMatch(UUID);
  expect(UUID.exec(id)?.[1]).toBe('7');
  expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ts);
  // Later ids sort after earlier ones; two in the same millisecond still differ.
  const ids = [ts + 2, ts, ts + 1].map((t) => uuidv7(t));
  expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  expect(uuidv7(ts)).not.toBe(uuidv7(ts));
});

it('keeps anonymous and session ids fully random (version 4)', () => {
  const id = uuid();
  expect(UUID.exec(id)?.[1]).toBe('4');
  expect(uuid()).not.toBe(id);
});
