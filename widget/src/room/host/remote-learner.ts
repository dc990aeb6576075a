import type { DataConnection } from 'peerjs';
import { type HostMessage, SILENCE_MS } from '../room-protocol.ts';

/** One admitted learner, as the host holds them (one object per remote participant, as in LiveKit). */
export class RemoteLearner {
  lastSeen: number;
  /** When the host admitted them (a roster read that began earlier may not list them yet). */
  readonly since: number;
  /** Roster checks in a row that did not list them (see `sweepRoster`). */
  unlisted = 0;

  constructor(
    /** Their data connection; the host's camera and sound travel on its peer connection too. */
    readonly conn: DataConnection,
    readonly seat: string,
    now: number,
  ) {
    this.lastSeen = now;
    this.since = now;
  }

  get peerId(): string {
    return this.conn.peer;
  }

  /** Sends a message once the line is open (until then, and after it closes, there is no one to hear it). */
  send(msg: HostMessage): void {
    if (this.conn.open) this.conn.send(msg);
  }

  /** Gone: nothing heard from them for `SILENCE_MS` (both sides ping every second). */
  silent(now: number): boolean {
    return now - this.lastSeen > SILENCE_MS;
  }
}
