import type { Config } from '../config.ts';
import type { RoomJoin, RoomRole, RoomStatus, Roster } from '../contract/rooms.ts';
import type { Db } from '../db/database.ts';
import type { WorkshopRow } from '../db/schema.ts';
import { notFound } from '../http/http-error.ts';
import { sha256 } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { TicketService } from '../tickets/ticket-service.ts';
import { AdmissionSigner } from './admission.ts';
import { learnerDisplayName } from './display-name.ts';
import { iceServersFor } from './ice-servers.ts';
import { PassStore } from './pass-store.ts';
import type { PeerSockets } from './peer-sockets.ts';
import { RoomPassSigner } from './room-pass.ts';
import type { RoomPresence } from './room-presence.ts';
import { roomRefusal } from './room-refusal.ts';
import { type RoomTimes, roomTimes, toRoomWindow } from './room-window.ts';
import { TimeInRoom } from './time-in-room.ts';

/** The PeerJS server's mount path and API key (`key` is not a secret: the pass token is). */
export const SIGNALLING = { path: '/peerjs', key: 'lectern' } as const;

type Participant = { workshopId: string; role: RoomRole; siteId: string };

/** What the room service works with besides the database: who is online, and their sockets. */
export type RoomLinks = {
  /** Who is connected to the signalling server; the signalling server reports to it. */
  presence: RoomPresence;
  /** The signalling server's sockets: the service closes the one whose pass stops opening the room. */
  sockets: Pick<PeerSockets, 'close'>;
};

/** Same for every pass of one ticket; a hash, so the host's browser never sees ticket ids. */
const seatOf = (ticketId: string | null) => sha256(`seat:${ticketId}`).slice(0, 16);

/**
 * Room access: turns tickets and owner sessions into signalling passes, keeps the roster the host
 * checks incoming connections against, and answers the signalling server's "may this socket in?".
 *
 * Second device: a ticket holds one live pass. A pass is fetched as soon as the join screen shows
 * (so "Join" goes straight to signalling) and takes the seat when its signalling socket first
 * connects: then the ticket's earlier connected passes are superseded — their WebSockets closed
 * and refused from then on — and the host drops the older connection for that seat. The newest
 * device to join wins, so a reader who switches from laptop to phone is never locked out, one
 * ticket cannot be shared by two people at once, and merely opening the room page on a second
 * device (an unused pass) pushes nobody out.
 */
export class RoomService {
  readonly passes: RoomPassSigner;
  readonly admissions: AdmissionSigner;
  /** Connected time per pass, for the owner's attendee list (the signalling server reports). */
  readonly timeInRoom: TimeInRoom;
  private readonly store: PassStore;
  private readonly presence: RoomPresence;
  private readonly sockets: RoomLinks['sockets'];

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly tickets: TicketService,
    links: RoomLinks,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.passes = new RoomPassSigner(config.secret);
    this.admissions = new AdmissionSigner(config.secret);
    this.store = new PassStore(db, now);
    this.timeInRoom = new TimeInRoom(db, now);
    this.presence = links.presence;
    this.sockets = links.sockets;
  }

  /**
   * Passes stopped opening the room: offline at once for every process, and their sockets closed
   * when this process holds them (another process closes its own at its next presence heartbeat,
   * see `closedOf` and signalling.ts).
   */
  private async kick(peerIds: string[]): Promise<void> {
    for (const id of peerIds) this.sockets.close(id);
    await this.presence.removed(peerIds);
  }

  private async workshop(workshopId: string): Promise<WorkshopRow> {
    const row = await this.db
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', workshopId)
      .executeTakeFirst();
    if (!row || row.status === 'draft') throw notFound('Workshop');
    return row;
  }

  /** Refuses outside the window (saying when it opens) and after the host ended the room. */
  private async openTimes(workshop: WorkshopRow): Promise<RoomTimes> {
    if (workshop.status === 'cancelled') throw roomRefusal('cancelled', 'This workshop was cancelled');
    const times = roomTimes(workshop, this.config.rooms);
    const now = this.now();
    if (now < times.opensAt) {
      const opensAt = new Date(times.opensAt).toISOString();
      throw roomRefusal('not_open_yet', `The room opens at ${opensAt}`, toRoomWindow(times));
    }
    if (now >= times.closesAt || (await this.endedAt(workshop.id)) !== null) {
      throw roomRefusal('ended', 'This workshop has ended', toRoomWindow(times));
    }
    return times;
  }

  async endedAt(workshopId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('rooms')
      .select('ended_at')
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
    return row?.ended_at == null ? null : Number(row.ended_at);
  }

  async joinLearner(workshopId: string, ticketToken: string, name?: string): Promise<RoomJoin> {
    const ticket = await this.tickets.validate(ticketToken, workshopId);
    const workshop = await this.workshop(workshopId);
    const times = await this.openTimes(workshop);
    const previous = await this.store.ofTicket(workshopId, ticket.ticketId);
    if (previous.some((p) => p.removed_at !== null)) {
      throw roomRefusal('removed', 'The host removed this ticket from the room');
    }
    const active = await this.store.active(workshopId);
    const online = await this.presence.learnersOnline(workshopId);
    const seatsOnline = new Set(
      active
        .filter((p) => p.role === 'learner' && p.ticket_id !== ticket.ticketId && online.has(p.peer_id))
        .map((p) => p.ticket_id),
    );
    if (seatsOnline.size >= this.config.rooms.learnerLimit) {
      throw roomRefusal('room_full', `The room is full (${this.config.rooms.learnerLimit} learners)`);
    }
    const hostNames = [workshop.host_name, ...active.filter((p) => p.role === 'host').map((p) => p.name)];
    const displayName = name
      ? learnerDisplayName(name, hostNames, workshop.language)
      : (previous[0]?.name ?? `Learner ${(await this.store.ticketsSeen(workshopId)) + 1}`);
    // No supersede here: the seat changes hands when this pass connects (see `connect`).
    return this.issue(workshop, times, 'learner', ticket.ticketId, displayName);
  }

  async joinHost(workshopId: string, siteId: string, name?: string): Promise<RoomJoin> {
    const workshop = await this.workshop(workshopId);
    if (workshop.site_id !== siteId) throw roomRefusal('other_site', 'This workshop belongs to another site');
    const times = await this.openTimes(workshop);
    // The host may reload or switch devices: earlier host passes are superseded like a ticket's.
    const previous = await this.store.active(workshopId);
    await this.supersede(previous.filter((p) => p.role === 'host').map((p) => p.peer_id));
    return this.issue(workshop, times, 'host', null, name ?? workshop.host_name);
  }

  private async issue(
    workshop: WorkshopRow,
    times: RoomTimes,
    role: RoomRole,
    ticketId: string | null,
    name: string,
  ): Promise<RoomJoin> {
    const now = this.now();
    const peerId = this.passes.newPeerId(role, workshop.id);
    const expiresAt = times.closesAt;
    await this.store.insert({
      peer_id: peerId,
      workshop_id: workshop.id,
      site_id: workshop.site_id,
      role,
      ticket_id: ticketId,
      name,
      issued_at: now,
      expires_at: expiresAt,
      superseded_at: null,
      removed_at: null,
      connected_at: null,
    });
    return {
      role,
      peerId,
      token: this.passes.sign(peerId, expiresAt),
      expiresAt: new Date(expiresAt).toISOString(),
      name,
      hostPeerId: role === 'host' ? null : await this.presence.hostOf(workshop.id),
      admission:
        role === 'learner'
          ? this.admissions.sign({
              peerId,
              workshop: workshop.id,
              name,
              seat: seatOf(ticketId),
              exp: expiresAt,
            })
          : null,
      admissionKey: role === 'host' ? this.admissions.publicKey : null,
      signalling: { ...SIGNALLING },
      iceServers: iceServersFor(this.config.rooms, peerId, now),
      room: {
        ...toRoomWindow(times),
        learnerLimit: this.config.rooms.learnerLimit,
        title: workshop.title,
        hostName: workshop.host_name,
      },
    };
  }

  private async supersede(peerIds: string[]): Promise<void> {
    await this.store.supersede(peerIds);
    await this.kick(peerIds);
  }

  /** The live pass behind a peer id + token, or null (forged, expired, superseded, removed, ended, refunded). */
  async participant(peerId: string, token: string): Promise<Participant | null> {
    const pass = await this.livePass(peerId, token);
    return pass && { workshopId: pass.workshopId, role: pass.role, siteId: pass.siteId };
  }

  private async livePass(peerId: string, token: string) {
    if (!this.passes.verify(peerId, token, this.now())) return null;
    const pass = await this.store.state(peerId);
    return pass?.opens ? pass : null;
  }

  /**
   * A refunded order: every live pass of its ticket stops now. Their sockets are closed (and
   * refused from then on, see `participant`), and the roster no longer lists them, so the host
   * drops the learner at its next roster check.
   */
  async orderRefunded(orderId: string): Promise<void> {
    await this.kick(await this.store.unsupersededOfOrder(orderId));
  }

  /**
   * The signalling server's "may this socket in?": the live pass behind a peer id + token, or
   * null. A learner pass's first connection takes the ticket's seat: every other pass of that
   * ticket that has connected before is superseded and its socket closed.
   */
  async connect(peerId: string, token: string): Promise<Participant | null> {
    const pass = await this.livePass(peerId, token);
    if (!pass) return null;
    const who = { workshopId: pass.workshopId, role: pass.role, siteId: pass.siteId };
    if (pass.role !== 'learner' || !pass.ticketId) return who;
    if (!(await this.store.firstConnect(peerId))) return who;
    await this.supersede(await this.store.seatHoldersBefore(pass.workshopId, pass.ticketId, peerId));
    return who;
  }

  async status(workshopId: string, peerId: string, token: string): Promise<RoomStatus> {
    const pass = this.passes.verify(peerId, token, this.now()) ? await this.store.state(peerId) : null;
    const ended = (await this.endedAt(workshopId)) !== null;
    if (!pass?.opens && !ended) {
      // Say why when it is the ticket (refunded): the learner then shows that, not "another device".
      const revoked = pass?.role === 'learner' && !pass.ticketHolds;
      throw roomRefusal(revoked ? 'ticket_revoked' : 'pass_invalid', 'This room pass is not valid any more');
    }
    const workshop = await this.workshop(workshopId);
    return {
      hostPeerId: ended ? null : await this.presence.hostOf(workshopId),
      ended: ended || this.now() >= roomTimes(workshop, this.config.rooms).closesAt,
      closesAt: new Date(roomTimes(workshop, this.config.rooms).closesAt).toISOString(),
    };
  }

  async roster(workshopId: string): Promise<Roster> {
    const passes = await this.store.active(workshopId);
    const online = await this.presence.learnersOnline(workshopId);
    return {
      learnerLimit: this.config.rooms.learnerLimit,
      // Learners who came in: a pass only fetched by a join screen is nobody in the room yet.
      learners: passes
        .filter((p) => p.role === 'learner' && p.connected_at !== null)
        .map((p) => ({
          peerId: p.peer_id,
          name: p.name,
          role: p.role,
          seat: seatOf(p.ticket_id),
          online: online.has(p.peer_id),
          issuedAt: new Date(Number(p.issued_at)).toISOString(),
        })),
    };
  }

  async remove(workshopId: string, peerId: string): Promise<void> {
    const pass = await this.store.inRoom(workshopId, peerId);
    if (pass?.role !== 'learner') throw notFound('Participant');
    await this.store.removeTicket(workshopId, pass.ticket_id);
    await this.kick([peerId]);
  }

  async end(workshopId: string, siteId: string): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('rooms')
      .values({ workshop_id: workshopId, site_id: siteId, ended_at: now })
      .onConflict((oc) => oc.column('workshop_id').doUpdateSet({ ended_at: now }))
      .execute();
    await this.kick((await this.store.active(workshopId)).map((p) => p.peer_id));
    this.log.info({ workshopId }, 'room ended');
  }

  /**
   * Undoes "End the room" (a host who ended by mistake): passes open it again, and checkout sells
   * again. Only while the room's window lasts; a cancelled workshop stays closed.
   */
  async reopen(workshopId: string): Promise<void> {
    const workshop = await this.workshop(workshopId);
    if (workshop.status === 'cancelled') throw roomRefusal('cancelled', 'This workshop was cancelled');
    const times = roomTimes(workshop, this.config.rooms);
    if (this.now() >= times.closesAt) {
      throw roomRefusal('ended', 'The room closed at the end of its window', toRoomWindow(times));
    }
    await this.db
      .updateTable('rooms')
      .set({ ended_at: null })
      .where('workshop_id', '=', workshopId)
      .execute();
    this.log.info({ workshopId }, 'room reopened');
  }

  /**
   * Of the peers whose sockets this process holds, those whose pass no longer opens the room
   * (superseded, removed, refunded, ended — possibly by a request another process served).
   */
  async closedOf(peerIds: readonly string[]): Promise<string[]> {
    const closed: string[] = [];
    for (const id of peerIds) if (!(await this.store.state(id))?.opens) closed.push(id);
    return closed;
  }

  /** True when `peerId~token` is this room's host pass, the room's end aside (for `reopen`). */
  async isHostPassOf(workshopId: string, peerId: string, token: string): Promise<boolean> {
    if (!this.passes.verify(peerId, token, this.now())) return false;
    const pass = await this.store.state(peerId);
    return pass?.role === 'host' && pass.workshopId === workshopId && pass.opensOnceReopened;
  }

  /** The site a workshop belongs to (for owner checks), or 404. */
  async siteOf(workshopId: string): Promise<string> {
    return (await this.workshop(workshopId)).site_id;
  }
}
