import { SILENCE_MS } from './room-protocol.ts';

/** What a learner's recovery loop sees on one tick. */
export type RecoveryView = {
  /** Since the host was last heard on the current data connection; null without one. */
  silentMs: number | null;
  /** The signalling socket dropped (PeerJS `disconnected`). */
  signallingLost: boolean;
  /** The signalling socket is open. */
  signallingOpen: boolean;
};

export type RecoveryStep = {
  /** The host went silent: give up the data connection. */
  hostLost: boolean;
  /** Then: reopen signalling, look for the host (status, then connect), or wait for the next tick. */
  next: 'reconnect-signalling' | 'find-host' | 'wait';
  /** A live connection remains: the phase stays as it is while signalling reconnects. */
  connected: boolean;
};

/** One step of the recovery loop: signalling up → host known → data connection live. */
export function recoveryStep(view: RecoveryView): RecoveryStep {
  const hostLost = view.silentMs !== null && view.silentMs > SILENCE_MS;
  const connected = view.silentMs !== null && !hostLost;
  if (view.signallingLost) return { hostLost, next: 'reconnect-signalling', connected };
  if (!view.signallingOpen || connected) return { hostLost, next: 'wait', connected };
  return { hostLost, next: 'find-host', connected };
}
