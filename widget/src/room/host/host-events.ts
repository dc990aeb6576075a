import type { MediaTransport } from '../media/media-transport.ts';
import type { ReconnectPolicy } from '../reconnect-policy.ts';
import type { RoomError } from '../room-errors.ts';
import type { RoomSnapshot } from '../room-protocol.ts';

export type HostEvents = {
  /** The room changed (the host's own view). */
  state: RoomSnapshot;
  /** The learner limit is reached; further learners are turned away until someone leaves. */
  limit: { limit: number };
  /** An invited speaker's audio, for the host to hear. */
  speaker: { peerId: string; stream: MediaStream | null };
  ended: undefined;
  error: RoomError;
};

export type HostOptions = {
  /** How the host's picture and sound reach learners (default: peer to peer, `PeerMediaTransport`). */
  media?: MediaTransport;
  /** When to retry signalling after it drops (default: a second after each drop). */
  reconnectPolicy?: ReconnectPolicy;
};
