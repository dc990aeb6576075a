import { describe, expect, it } from 'vitest';
import {
  type ReconnectContext,
  type ReconnectPolicy,
  ReconnectRun,
  steadyReconnectPolicy,
} from './reconnect-policy.ts';

/** A steady policy that keeps what it was asked. */
function recording(delayMs: number): { policy: ReconnectPolicy; seen: ReconnectContext[] } {
  const seen: ReconnectContext[] = [];
  const policy = {
    nextRetryDelayInMs: (c: ReconnectContext) => {
      seen.push(c);
      return delayMs;
    },
  };
  return { policy, seen };
}

describe('ReconnectRun', () => {
  it('asks the policy with the attempts made and the time since the drop', () => {
    const { policy, seen } = recording(500);
    const run = new ReconnectRun(policy);
    expect(run.next(1000)).toBe(500);
    expect(run.next(1600)).toBe(500);
    expect(seen).toEqual([
      { retryCount: 0, elapsedMs: 0 },
      { retryCount: 1, elapsedMs: 600 },
    ]);
  });

  it('starts over after a reset', () => {
    const { policy, seen } = recording(0);
    const run = new ReconnectRun(policy);
    run.next(0);
    run.reset();
    run.next(5000);
    expect(seen[1]).toEqual({ retryCount: 0, elapsedMs: 0 });
  });

  it('is due at once, then after each delay', () => {
    const run = new ReconnectRun(steadyReconnectPolicy(2000));
    expect(run.due(0)).toBe(true);
    expect(run.due(1000)).toBe(false);
    expect(run.due(2000)).toBe(true);
  });

  it('is due on every poll with no delay', () => {
    const run = new ReconnectRun(steadyReconnectPolicy(0));
    expect([run.due(0), run.due(0), run.due(1)]).toEqual([true, true, true]);
  });

  it('is never due once the policy gives up', () => {
    const run = new ReconnectRun({ nextRetryDelayInMs: (c) => (c.retryCount < 1 ? 0 : null) });
    expect(run.due(0)).toBe(true);
    expect(run.due(10_000)).toBe(false);
    expect(run.next(20_000)).toBeNull();
  });
});
