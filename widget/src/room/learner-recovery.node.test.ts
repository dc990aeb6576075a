import { describe, expect, it } from 'vitest';
import { recoveryStep } from './learner-recovery.ts';
import { SILENCE_MS } from './room-protocol.ts';

describe('recoveryStep', () => {
  const open = { signallingLost: false, signallingOpen: true };

  it('waits while the host is heard', () => {
    expect(recoveryStep({ ...open, silentMs: 100 })).toEqual({
      hostLost: false,
      next: 'wait',
      connected: true,
    });
  });

  it('gives up a silent host and looks for it again', () => {
    expect(recoveryStep({ ...open, silentMs: SILENCE_MS + 1 })).toEqual({
      hostLost: true,
      next: 'find-host',
      connected: false,
    });
  });

  it('looks for the host when there is no connection', () => {
    expect(recoveryStep({ ...open, silentMs: null }).next).toBe('find-host');
  });

  it('reopens signalling first when it dropped, keeping a live connection', () => {
    expect(recoveryStep({ silentMs: 100, signallingLost: true, signallingOpen: false })).toEqual({
      hostLost: false,
      next: 'reconnect-signalling',
      connected: true,
    });
    expect(recoveryStep({ silentMs: null, signallingLost: true, signallingOpen: false }).connected).toBe(
      false,
    );
  });

  it('waits while signalling is still opening', () => {
    expect(recoveryStep({ silentMs: null, signallingLost: false, signallingOpen: false }).next).toBe('wait');
  });
});
