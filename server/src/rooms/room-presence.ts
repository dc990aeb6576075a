import type { Db } from '../db/database.ts';

export type PresenceTiming = {
  /** How often the signalling server refreshes its connections' rows (see signalling.ts). */
  heartbeatMs: number;
  /** A row not refreshed for this long is a dead process's connection: nobody is there. */
  expiryMs: number;
};

export const PRESENCE_TIMING: PresenceTiming = { heartbeatMs: 10_000, expiryMs: 35_000 };

/**
 * Who is connected to a signalling server right now, per room, as rows in `room_presence`: with
 * several server processes, the process that answers "is the room full?" or "who is the host?" is
 * often not the one holding the WebSockets. The holder refreshes its rows every `heartbeatMs`;
 * rows older than `expiryMs` are ignored and then deleted, so a crashed process's connections
 * age out within `expiryMs`.
 *
 * Writes from one process are applied in the order the signalling server reported them (one
 * chain), and this process's reads wait for its pending writes, so a join right after a connect
 * sees it.
 */
export class RoomPresence {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly processId: string,
    private readonly now: () => number = Date.now,
    private readonly timing: PresenceTiming = PRESENCE_TIMING,
  ) {}

  private write(step: () => Promise<unknown>): Promise<void> {
    const next = this.pending.then(step);
    // One failed write (logged by the caller) must not block the ones after it.
    this.pending = next.catch(() => {});
    return next.then(() => {});
  }

  connected(peerId: string, workshopId: string, role: 'host' | 'learner'): Promise<void> {
    const now = this.now();
    const row = {
      workshop_id: workshopId,
      role,
      process_id: this.processId,
      connected_at: now,
      seen_at: now,
    };
    return this.write(() =>
      this.db
        .insertInto('room_presence')
        .values({ peer_id: peerId, ...row })
        .onConflict((oc) => oc.column('peer_id').doUpdateSet(row))
        .execute(),
    );
  }

  /** This process lost the peer's socket (a newer socket on another process keeps its row). */
  disconnected(peerId: string): Promise<void> {
    return this.write(() =>
      this.db
        .deleteFrom('room_presence')
        .where('peer_id', '=', peerId)
        .where('process_id', '=', this.processId)
        .execute(),
    );
  }

  /** The peer's pass stopped opening the room: offline at once, whichever process holds its socket. */
  removed(peerIds: readonly string[]): Promise<void> {
    if (peerIds.length === 0) return Promise.resolve();
    return this.write(() => this.db.deleteFrom('room_presence').where('peer_id', 'in', peerIds).execute());
  }

  /** Refreshes this process's rows and deletes every row that aged out (a dead process's). */
  heartbeat(): Promise<void> {
    const now = this.now();
    return this.write(async () => {
      await this.db
        .updateTable('room_presence')
        .set({ seen_at: now })
        .where('process_id', '=', this.processId)
        .execute();
      await this.db
        .deleteFrom('room_presence')
        .where('seen_at', '<', now - this.timing.expiryMs)
        .execute();
    });
  }

  /** Drops this process's rows (shutdown): its sockets are closed. */
  close(): Promise<void> {
    return this.write(() =>
      this.db.deleteFrom('room_presence').where('process_id', '=', this.processId).execute(),
    );
  }

  private async live(workshopId: string, role: 'host' | 'learner') {
    await this.pending;
    return this.db
      .selectFrom('room_presence')
      .select(['peer_id', 'connected_at'])
      .where('workshop_id', '=', workshopId)
      .where('role', '=', role)
      .where('seen_at', '>=', this.now() - this.timing.expiryMs)
      .orderBy('connected_at', 'desc')
      .orderBy('peer_id')
      .execute();
  }

  /** The peer ids of the room's learners connected to any process. */
  async learnersOnline(workshopId: string): Promise<Set<string>> {
    return new Set((await this.live(workshopId, 'learner')).map((r) => r.peer_id));
  }

  /** The most recently connected host of the room: after a reload the new id replaces the old one. */
  async hostOf(workshopId: string): Promise<string | null> {
    return (await this.live(workshopId, 'host'))[0]?.peer_id ?? null;
  }
}
