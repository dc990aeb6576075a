import type { DataConnection } from 'peerjs';

/**
 * How the host's picture and sound reach learners: the seam between the room (roster, snapshots,
 * controls) and the media path. `PeerMediaTransport` sends peer to peer on each learner's data
 * connection (the star); an SFU adapter implements the same steps and uploads once instead.
 * Nothing flows to a learner before `send`, which the host calls only after admitting them.
 */
export interface MediaTransport {
  /**
   * A learner's connection arrived, not admitted yet: agree to carry media on it, with nothing
   * flowing. Called before the host's first await: PeerJS is answering the learner's offer.
   */
  attach(conn: DataConnection): void;
  /**
   * The learner is admitted: their line starts carrying `tracks` (the host's picture and their
   * mix). From then on `replaceTrack` reaches them. Resolves once the tracks are on.
   */
  send(peerId: string, conn: DataConnection, tracks: MediaStreamTrack[]): Promise<void>;
  /** Puts `track` on the learner's sender of that kind, if it carries another (no renegotiation). */
  replaceTrack(peerId: string, track: MediaStreamTrack): void;
  /** The learner's media answer on the data channel (a transport that never offers there ignores it). */
  answered(conn: DataConnection, sdp: string): void;
  /** Stops sending on this learner's line (the session closes the connection itself). */
  drop(conn: DataConnection): void;
  /** Stops everything: the room is over. */
  close(): void;
}
