import type { Config } from '../config.ts';
import type { RoomJoin, RoomRole, RoomStatus, Roster } from '../contract/rooms.ts';
import type { Db } from '../db/database.ts';
import type { RoomPassRow, WorkshopRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { sha256 } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { TicketService } from '../tickets/ticket-service.ts';
import { AdmissionSigner } from './admission.ts';
import { iceServersFor } from './ice-servers.ts';
import { RoomPassSigner } from './room-pass.ts';
import { RoomPresence } from './room-presence.ts';
import { type RoomTimes, roomTimes, toRoomWindow } from './room-window.ts';

/** The PeerJS server's mount path and API key (`key` is not a secret: the pass token is). */
export const SIGNALLING = { path: '/peerjs', key: 'lectern' } as const;

type Participant = { workshopId: string; role: RoomRole };

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
  readonly presence = new RoomPresence();
  readonly passes: RoomPassSigner;
  readonly admissions = new AdmissionSigner();
  /** Set by the signalling server: closes a peer's WebSocket (superseded or removed). */
  kick: (peerId: string) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly tickets: TicketService,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.passes = new RoomPassSigner(config.secret);
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
    if (workshop.status === 'cancelled')
      throw new HttpError(403, 'room_closed', 'This workshop was cancelled');
    const times = roomTimes(workshop, this.config.rooms);
    const now = this.now();
    if (now < times.opensAt) {
      const opensAt = new Date(times.opensAt).toISOString();
      throw new HttpError(403, 'room_closed', `The room opens at ${opensAt}`, {
        details: { reason: 'not_open_yet', ...toRoomWindow(times) },
      });
    }
    if (now >= times.closesAt || (await this.endedAt(workshop.id)) !== null) {
      throw new HttpError(403, 'room_closed', 'This workshop has ended', {
        details: { reason: 'ended', ...toRoomWindow(times) },
      });
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
    const previous = await this.db
      .selectFrom('room_passes')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', ticket.ticketId)
      .orderBy('issued_at', 'desc')
      .execute();
    if (previous.some((p) => p.removed_at !== null)) {
      throw new HttpError(403, 'forbidden', 'The host removed this ticket from the room');
    }
    const seatsOnline = new Set(
      (await this.activePasses(workshopId))
        .filter(
          (p) => p.role === 'learner' && p.ticket_id !== ticket.ticketId && this.presence.isOnline(p.peer_id),
        )
        .map((p) => p.ticket_id),
    );
    if (seatsOnline.size >= this.config.rooms.learnerLimit) {
      throw new HttpError(409, 'conflict', `The room is full (${this.config.rooms.learnerLimit} learners)`, {
        details: { reason: 'room_full' },
      });
    }
    const learnerNumber = previous.length
      ? null
      : (
          await this.db
            .selectFrom('room_passes')
            .select((eb) => eb.fn.count<number>('ticket_id').distinct().as('n'))
            .where('workshop_id', '=', workshopId)
            .executeTakeFirstOrThrow()
        ).n;
    const displayName = name ?? previous[0]?.name ?? `Learner ${Number(learnerNumber) + 1}`;
    // No supersede here: the seat changes hands when this pass connects (see `connect`).
    return this.issue(workshop, times, 'learner', ticket.ticketId, displayName);
  }

  async joinHost(workshopId: string, siteId: string, name?: string): Promise<RoomJoin> {
    const workshop = await this.workshop(workshopId);
    if (workshop.site_id !== siteId)
      throw new HttpError(403, 'forbidden', 'This workshop belongs to another site');
    const times = await this.openTimes(workshop);
    // The host may reload or switch devices: earlier host passes are superseded like a ticket's.
    const previous = await this.activePasses(workshopId);
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
    const peerId = this.passes.newPeerId(role);
    const expiresAt = times.closesAt;
    await this.db
      .insertInto('room_passes')
      .values({
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
      })
      .execute();
    return {
      role,
      peerId,
      token: this.passes.sign(peerId, expiresAt),
      expiresAt: new Date(expiresAt).toISOString(),
      name,
      hostPeerId: role === 'host' ? null : this.presence.hostOf(workshop.id),
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
    if (!peerIds.length) return;
    await this.db
      .updateTable('room_passes')
      .set({ superseded_at: this.now() })
      .where('peer_id', 'in', peerIds)
      .execute();
    for (const id of peerIds) this.kick(id);
  }

  /** Passes that still open the room: not superseded, removed or expired, and (learners) on a ticket still valid. */
  private activePasses(workshopId: string): Promise<RoomPassRow[]> {
    return this.db
      .selectFrom('room_passes')
      .leftJoin('tickets', 'tickets.id', 'room_passes.ticket_id')
      .leftJoin('orders', 'orders.id', 'tickets.order_id')
      .selectAll('room_passes')
      .where('room_passes.workshop_id', '=', workshopId)
      .where('room_passes.superseded_at', 'is', null)
      .where('room_passes.removed_at', 'is', null)
      .where('room_passes.expires_at', '>', this.now())
      .where((eb) =>
        eb.or([
          eb('room_passes.role', '=', 'host'),
          eb.and([eb('tickets.status', '=', 'active'), eb('orders.status', '=', 'paid')]),
        ]),
      )
      .execute();
  }

  /** The live pass behind a peer id + token, or null (forged, expired, superseded, removed, ended). */
  async participant(peerId: string, token: string): Promise<(Participant & { siteId: string }) | null> {
    const pass = await this.livePass(peerId, token);
    return pass && { workshopId: pass.workshopId, role: pass.role, siteId: pass.siteId };
  }

  /**
   * `participant` with the pass's ticket, in one query (pass, ticket, order and room end): it runs
   * on every signalling socket that opens, so a learner's way in waits on one database read, not four.
   */
  private async livePass(peerId: string, token: string) {
    if (!this.passes.verify(peerId, token, this.now())) return null;
    const row = await this.db
      .selectFrom('room_passes')
      .leftJoin('tickets', 'tickets.id', 'room_passes.ticket_id')
      .leftJoin('orders', 'orders.id', 'tickets.order_id')
      .leftJoin('rooms', 'rooms.workshop_id', 'room_passes.workshop_id')
      .select([
        'room_passes.workshop_id',
        'room_passes.role',
        'room_passes.site_id',
        'room_passes.ticket_id',
        'room_passes.superseded_at',
        'room_passes.removed_at',
        'tickets.status as ticket_status',
        'orders.status as order_status',
        'rooms.ended_at',
      ])
      .where('room_passes.peer_id', '=', peerId)
      .executeTakeFirst();
    if (!row || row.superseded_at !== null || row.removed_at !== null || row.ended_at != null) return null;
    // A learner pass is only as good as its ticket: refunded (revoked) tickets open nothing.
    if (
      row.role === 'learner' &&
      !(row.ticket_id && row.ticket_status === 'active' && row.order_status === 'paid')
    )
      return null;
    return { workshopId: row.workshop_id, role: row.role, siteId: row.site_id, ticketId: row.ticket_id };
  }

  /** A learner pass is only as good as its ticket: refunded (revoked) tickets open nothing. */
  private async ticketValid(ticketId: string | null): Promise<boolean> {
    if (!ticketId) return false;
    const row = await this.db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select(['tickets.status', 'orders.status as order_status'])
      .where('tickets.id', '=', ticketId)
      .executeTakeFirst();
    return row?.status === 'active' && row.order_status === 'paid';
  }

  /**
   * A refunded order: every live pass of its ticket stops now. Their sockets are closed (and
   * refused from then on, see `participant`), and the roster no longer lists them, so the host
   * drops the learner at its next roster check.
   */
  async orderRefunded(orderId: string): Promise<void> {
    const passes = await this.db
      .selectFrom('room_passes')
      .innerJoin('tickets', 'tickets.id', 'room_passes.ticket_id')
      .select('room_passes.peer_id')
      .where('tickets.order_id', '=', orderId)
      .where('room_passes.superseded_at', 'is', null)
      .execute();
    for (const p of passes) this.kick(p.peer_id);
  }

  /**
   * The signalling server's "may this socket in?": the live pass behind a peer id + token, or
   * null. A learner pass's first connection takes the ticket's seat: every other pass of that
   * ticket that has connected before is superseded and its socket closed.
   */
  async connect(peerId: string, token: string): Promise<(Participant & { siteId: string }) | null> {
    const pass = await this.livePass(peerId, token);
    if (!pass) return null;
    const who = { workshopId: pass.workshopId, role: pass.role, siteId: pass.siteId };
    if (pass.role !== 'learner' || !pass.ticketId) return who;
    const now = this.now();
    const first = await this.db
      .updateTable('room_passes')
      .set({ connected_at: now })
      .where('peer_id', '=', peerId)
      .where('connected_at', 'is', null)
      .executeTakeFirst();
    if (Number(first.numUpdatedRows) === 0) return who;
    const earlier = await this.db
      .selectFrom('room_passes')
      .select('peer_id')
      .where('workshop_id', '=', pass.workshopId)
      .where('ticket_id', '=', pass.ticketId)
      .where('peer_id', '!=', peerId)
      .where('superseded_at', 'is', null)
      .where('connected_at', 'is not', null)
      .execute();
    await this.supersede(earlier.map((p) => p.peer_id));
    return who;
  }

  async status(workshopId: string, peerId: string, token: string): Promise<RoomStatus> {
    const who = await this.participant(peerId, token);
    const ended = (await this.endedAt(workshopId)) !== null;
    if (!who && !ended) {
      // Say why when it is the ticket (refunded): the learner then shows that, not "another device".
      const pass = this.passes.verify(peerId, token, this.now())
        ? await this.db
            .selectFrom('room_passes')
            .select(['role', 'ticket_id'])
            .where('peer_id', '=', peerId)
            .executeTakeFirst()
        : undefined;
      const revoked = pass?.role === 'learner' && !(await this.ticketValid(pass.ticket_id));
      throw new HttpError(401, 'unauthorized', 'This room pass is not valid any more', {
        ...(revoked && { details: { reason: 'ticket_revoked' } }),
      });
    }
    const workshop = await this.workshop(workshopId);
    return {
      hostPeerId: ended ? null : this.presence.hostOf(workshopId),
      ended: ended || this.now() >= roomTimes(workshop, this.config.rooms).closesAt,
      closesAt: new Date(roomTimes(workshop, this.config.rooms).closesAt).toISOString(),
    };
  }

  async roster(workshopId: string): Promise<Roster> {
    const passes = await this.activePasses(workshopId);
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
          online: this.presence.isOnline(p.peer_id),
          issuedAt: new Date(Number(p.issued_at)).toISOString(),
        })),
    };
  }

  async remove(workshopId: string, peerId: string): Promise<void> {
    const pass = await this.db
      .selectFrom('room_passes')
      .select(['ticket_id', 'role'])
      .where('peer_id', '=', peerId)
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
    if (pass?.role !== 'learner') throw notFound('Participant');
    // Every pass of the ticket: removal bars the seat, not just this device.
    await this.db
      .updateTable('room_passes')
      .set({ removed_at: this.now() })
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', pass.ticket_id)
      .execute();
    this.kick(peerId);
  }

  async end(workshopId: string, siteId: string): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('rooms')
      .values({ workshop_id: workshopId, site_id: siteId, ended_at: now })
      .onConflict((oc) => oc.column('workshop_id').doUpdateSet({ ended_at: now }))
      .execute();
    const passes = await this.activePasses(workshopId);
    for (const p of passes) this.kick(p.peer_id);
    this.log.info({ workshopId }, 'room ended');
  }

  /** The site a workshop belongs to (for owner checks), or 404. */
  async siteOf(workshopId: string): Promise<string> {
    return (await this.workshop(workshopId)).site_id;
  }
}
