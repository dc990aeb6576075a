import { z } from 'zod';

// The rooms wire API. The widget imports these types only (`import type`), never the schemas.

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

/** Ratings: 1–5 on three axes and an optional comment. */
export const ratingRequest = z
  .object({
    ticket: z.string().min(10).max(4096),
    content: z.number().int().min(1).max(5),
    instructor: z.number().int().min(1).max(5),
    interactivity: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type RatingRequest = z.input<typeof ratingRequest>;

export const ratingWeights = z
  .object({
    content: z.number().min(0).max(1),
    instructor: z.number().min(0).max(1),
    interactivity: z.number().min(0).max(1),
  })
  .strict()
  .refine((w) => Math.abs(w.content + w.instructor + w.interactivity - 1) < 1e-6, {
    message: 'weights must add up to 1',
  });
export type RatingWeights = z.infer<typeof ratingWeights>;

/** The owner's view of a workshop's ratings. */
export type RatingSummary = {
  workshopId: string;
  count: number;
  averages: { content: number; instructor: number; interactivity: number } | null;
  weights: RatingWeights;
  /** S = w·averages on the 1–5 scale; null before the first rating. */
  satisfaction: number | null;
  comments: { comment: string; createdAt: string }[];
};
