import type { Admission } from '@lectern/server/contract';
import type { RoomApi, RoomJoin, Roster } from '../../api/rooms.ts';
import { importAdmissionKey, verifyAdmission } from '../admission.ts';
import { type SweptLearner, sweepRoster } from './roster-sweep.ts';

type RosterEntry = Roster['learners'][number];
type RosterRead = { startedAt: number; done: Promise<void> };

/**
 * Whom the host lets in: learners with a valid admission from the server (`admission.ts`), or on
 * the host's copy of the server's roster for its room, read with the host's own pass (which lasts
 * as long as the room). Reads can overlap: the one that started last wins.
 */
export class RosterGate {
  private roster: Roster | null = null;
  private rosterAt = 0;
  private request: RosterRead | null = null;
  private readonly admissionKey: Promise<CryptoKey | null>;

  constructor(
    private readonly api: RoomApi,
    private readonly pass: RoomJoin,
    private readonly onError: (message: string) => void,
  ) {
    this.admissionKey = importAdmissionKey(pass.admissionKey);
  }

  /**
   * Who a connecting peer is, from the admission it sent as connection metadata, or else from the
   * roster (a plain-http page, a server restarted with a new key); undefined if neither admits it.
   */
  async admit(peerId: string, metadata: unknown): Promise<Admission | RosterEntry | undefined> {
    const admission = await verifyAdmission(
      (metadata as { admission?: unknown } | undefined)?.admission,
      await this.admissionKey,
      { peerId, workshop: this.api.workshopId, now: Date.now() },
    );
    return admission ?? (await this.entry(peerId));
  }

  /** The learner limit: the roster's once read, the pass's until then. */
  get learnerLimit(): number {
    return this.roster?.learnerLimit ?? this.pass.room.learnerLimit;
  }

  /**
   * The roster entry of a connecting peer. The server lists a learner on the roster when their
   * pass opens its signalling socket, before they can reach the host, so a roster read that
   * started after the connection arrived is proof enough: unknown peers share such a read
   * (learners who join together cost one request) and are refused if it does not list them.
   */
  private async entry(peerId: string): Promise<RosterEntry | undefined> {
    const find = () => this.roster?.learners.find((l) => l.peerId === peerId);
    const known = find();
    if (known) return known;
    const arrived = Date.now();
    let request = this.request;
    if (!request || request.startedAt < arrived) request = this.read();
    await request.done;
    return find();
  }

  /**
   * Reads the roster again and decides whom to let go of (`sweepRoster`): a refunded ticket (the
   * server closes its signalling at once, but media and data flow peer to peer, so the host has to
   * hang up), or a removal made from another device. Null if the read failed or was overtaken.
   */
  async sweep(learners: () => SweptLearner[]): Promise<ReturnType<typeof sweepRoster> | null> {
    const read = this.read();
    await read.done;
    if (this.rosterAt !== read.startedAt || !this.roster) return null;
    const listed = new Set(this.roster.learners.map((l) => l.peerId));
    return sweepRoster(learners(), listed, read.startedAt);
  }

  private read(): RosterRead {
    const startedAt = Date.now();
    const done = this.api.roster(this.pass).then(
      (roster) => {
        if (startedAt >= this.rosterAt) {
          this.roster = roster;
          this.rosterAt = startedAt;
        }
      },
      (err) => this.onError(String(err)),
    );
    this.request = { startedAt, done };
    return this.request;
  }
}
