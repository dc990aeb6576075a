import { describe, expect, it } from 'vitest';
import { PRESENCE_MS, type ScheduleClock, SnapshotSchedule } from './snapshot-schedule.ts';

/** A clock the test advances by hand. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const microtasks: (() => void)[] = [];
  const clock = {
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(++nextId, { at: now + ms, fn });
      return nextId as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (id: ReturnType<typeof setTimeout>) => void timers.delete(id as unknown as number),
    queueMicrotask: (fn: () => void) => void microtasks.push(fn),
  } satisfies ScheduleClock;
  const drain = () => {
    while (microtasks.length) microtasks.shift()?.();
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
    drain();
  };
  return { clock, drain, advance, timers };
}

describe('SnapshotSchedule', () => {
  it('sends a burst of joins and leaves as one snapshot after PRESENCE_MS', () => {
    const c = manualClock();
    let sent = 0;
    const schedule = new SnapshotSchedule(() => sent++, c.clock);
    schedule.presence();
    schedule.presence();
    c.advance(PRESENCE_MS - 1);
    expect(sent).toBe(0);
    schedule.presence();
    c.advance(1);
    expect(sent).toBe(1);
  });

  it('sends other changes at once, carrying pending presence with them', () => {
    const c = manualClock();
    let sent = 0;
    const schedule = new SnapshotSchedule(() => sent++, c.clock);
    schedule.presence();
    schedule.now();
    schedule.now();
    c.drain();
    expect(sent).toBe(1);
    expect(c.timers.size).toBe(0);
    c.advance(PRESENCE_MS);
    expect(sent).toBe(1);
  });

  it('sends nothing once closed', () => {
    const c = manualClock();
    let sent = 0;
    const schedule = new SnapshotSchedule(() => sent++, c.clock);
    schedule.presence();
    schedule.close();
    schedule.now();
    c.advance(PRESENCE_MS);
    expect(sent).toBe(0);
  });
});
