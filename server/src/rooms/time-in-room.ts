import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * How long each room pass was connected, written as the signalling server sees sockets open and
 * close (signalling.ts). A stretch starts when a socket registers and ends when it goes; the
 * owner's attendee list sums the ended stretches and the one still open.
 */
export class TimeInRoom {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** A socket for the pass opened; a second open without a close keeps the earlier start. */
  async joined(peerId: string): Promise<void> {
    await this.db
      .updateTable('room_passes')
      .set({ online_since: this.now() })
      .where('peer_id', '=', peerId)
      .where('online_since', 'is', null)
      .execute();
  }

  /** The socket closed: its stretch is added, ending at the pass's expiry at the latest. */
  async left(peerId: string): Promise<void> {
    const now = this.now();
    await this.db
      .updateTable('room_passes')
      .set({
        in_room_ms: sql`in_room_ms + (case when expires_at < ${now} then expires_at else ${now} end) - online_since`,
        online_since: null,
      })
      .where('peer_id', '=', peerId)
      .where('online_since', 'is not', null)
      .where('online_since', '<=', now)
      .execute();
  }
}

/** A pass's connected time at `now`: ended stretches plus the open one (bounded by its expiry). */
export function msInRoom(
  pass: { in_room_ms: number; online_since: number | null; expires_at: number },
  now: number,
): number {
  const open =
    pass.online_since === null
      ? 0
      : Math.max(0, Math.min(now, Number(pass.expires_at)) - Number(pass.online_since));
  return Number(pass.in_room_ms) + open;
}
