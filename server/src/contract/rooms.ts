import { z } from 'zod';

// The rooms wire API. The widget imports these types only (`import type`), never the schemas.

/**
 * Why the server refused a room request: `error.details.reason` on every refusal from the room
 * endpoints. The HTTP status and `error.code` stay the general ones (see rooms/room-refusal.ts).
 */
export type RoomRefusalReason =
  /** 403 `room_closed`: before the window; `details` also carries the window (`RoomWindow`). */
  | 'not_open_yet'
  /** 403 `room_closed`: after the window or after the host ended the room; with the window. */
  | 'ended'
  /** 403 `room_closed`: the workshop was cancelled. */
  | 'cancelled'
  /** 403 `forbidden`: the host removed this ticket from the room. */
  | 'removed'
  /** 409 `conflict`: every learner seat is online. */
  | 'room_full'
  /** 403 `forbidden`: an owner session of another site tried to host. */
  | 'other_site'
  /** 403 `forbidden`: host controls with a pass that is not this room's host pass. */
  | 'not_host'
  /** 401 `unauthorized`: no ticket, owner session or room pass where one is needed. */
  | 'no_credential'
  /** 401 `unauthorized`: the pass's ticket was refunded. */
  | 'ticket_revoked'
  /** 401 `unauthorized`: the pass was forged, expired, superseded by another device, or removed. */
  | 'pass_invalid';

/** `error.details` of a room refusal. */
export type RoomRefusal = { reason: RoomRefusalReason } & Partial<RoomWindow>;

/** A learner presents a ticket; the host sends an owner session as a bearer header and no ticket. */
export const joinRequest = z
  .object({
    ticket: z.string().min(10).max(4096).optional(),
    /** Shown to the host and other learners; defaults to "Learner N" / the workshop's host name. */
    name: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type JoinRequest = z.input<typeof joinRequest>;

export type RoomRole = 'host' | 'learner';

/** What a browser needs to open the PeerJS connection and find the host. */
export type RoomJoin = {
  role: RoomRole;
  peerId: string;
  /** PeerJS `token`: the WebSocket is refused without the one issued with `peerId`. */
  token: string;
  expiresAt: string;
  name: string;
  /** The host's current peer id, or null while the host is away. */
  hostPeerId: string | null;
  /** For `new Peer(peerId, { path, key, token, config: { iceServers } })`. */
  signalling: { path: string; key: string };
  iceServers: RTCIceServerJson[];
  room: RoomWindow & { learnerLimit: number; title: string; hostName: string };
  /** Learner: the server's signed admission, shown to the host when connecting (see rooms/admission.ts). */
  admission: string | null;
  /** Host: the public key that admissions are checked with. */
  admissionKey: AdmissionKey | null;
};

/** What an admission says: this peer id may join this room until `exp` (ms), as `name` on `seat`. */
export type Admission = { peerId: string; workshop: string; name: string; seat: string; exp: number };

/** A P-256 public key as a JWK. */
export type AdmissionKey = { kty: string; crv: string; x: string; y: string };

export type RTCIceServerJson = { urls: string | string[]; username?: string; credential?: string };

export type RoomWindow = { startsAt: string; endsAt: string; opensAt: string; closesAt: string };

/** `GET /v1/rooms/:workshop/status` for a pass holder: whom to connect to, and whether it ended. */
export type RoomStatus = { hostPeerId: string | null; ended: boolean; closesAt: string };

/** The server's roster for the host: everyone holding a live pass for the room. */
export type RosterEntry = {
  peerId: string;
  name: string;
  role: RoomRole;
  /** Same value for every pass of one ticket: the host keeps only the newest device per seat. */
  seat: string;
  online: boolean;
  issuedAt: string;
};
export type Roster = { learners: RosterEntry[]; learnerLimit: number };

export const removeRequest = z.object({ peerId: z.string().min(1).max(64) }).strict();
