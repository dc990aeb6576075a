import type { DataConnection } from 'peerjs';
import type { HostMessage } from '../room-protocol.ts';
import { prefer, preferenceFor, startFullResolution } from './degradation.ts';
import type { MediaTransport } from './media-transport.ts';
import { answerDirections, sendingLines } from './transceivers.ts';

/**
 * The star: the host's camera and sound travel on the peer connection of each learner's data
 * connection. No second connection: no offer, answer and ICE candidates relayed through the
 * signalling server, no second ICE check or DTLS handshake, and one peer connection per learner.
 *
 * The learner's first offer asks to receive audio and video, and the host's answer says it will
 * send them (`attach`), with no track yet; once the learner is admitted, `send` puts the tracks on
 * those senders, so the picture starts as soon as the connection is up, before the data channel
 * opens. Safari drops the legacy `offerToReceiveAudio/Video` options the learner asks with
 * (WebKit enables them only on GTK/WPE), so a Safari learner's offer asks for no media: the host
 * then adds its tracks once the data channel is open, offers them over it and the learner answers
 * there (`offer`, `answered`; browser test: rooms-media-path.spec.ts). Either way learners only
 * receive: they join with camera and microphone off.
 */
export class PeerMediaTransport implements MediaTransport {
  /** The line each admitted learner is sent on. */
  private lines = new Map<string, DataConnection>();
  private closed = false;

  constructor(private readonly onError: (message: string) => void) {}

  /**
   * Makes the answer to the learner's first offer say the host sends audio and video on the first
   * line of each kind, and nothing else (`answerDirections`). `signalingstatechange` is dispatched
   * before setRemoteDescription's promise resolves, so this runs before PeerJS creates its answer.
   */
  attach(conn: DataConnection): void {
    const pc = conn.peerConnection;
    if (!pc) return;
    const onState = () => {
      if (pc.signalingState !== 'have-remote-offer') return;
      pc.removeEventListener('signalingstatechange', onState);
      const transceivers = pc.getTransceivers();
      const directions = answerDirections(transceivers.map((t) => t.receiver.track.kind));
      transceivers.forEach((t, i) => {
        t.direction = directions[i];
      });
    };
    pc.addEventListener('signalingstatechange', onState);
  }

  async send(peerId: string, conn: DataConnection, tracks: MediaStreamTrack[]): Promise<void> {
    const pc = conn.peerConnection;
    if (!pc || !(await answered(conn, pc))) return;
    this.lines.set(peerId, conn);
    const transceivers = pc.getTransceivers();
    const slots = sendingLines(
      transceivers.map((t) => ({ kind: t.receiver.track.kind, currentDirection: t.currentDirection })),
    );
    if (!slots.size) {
      const offer = () => this.offer(conn, tracks);
      if (conn.open) offer();
      else conn.on('open', offer);
      return;
    }
    for (const track of tracks) {
      const line = slots.get(track.kind);
      if (line === undefined) continue;
      const sender = transceivers[line].sender;
      // The resolution first, then the track: the encoder starts as it should.
      if (track.kind === 'video') await startFullResolution(sender);
      await sender.replaceTrack(track).catch(() => {});
    }
  }

  replaceTrack(peerId: string, track: MediaStreamTrack): void {
    const sender = this.lines
      .get(peerId)
      ?.peerConnection?.getTransceivers()
      .find((t) => t.receiver.track.kind === track.kind)?.sender;
    if (!sender || sender.track === track) return;
    sender.replaceTrack(track).then(
      () => (track.kind === 'video' ? prefer(sender, preferenceFor(track.contentHint)) : undefined),
      () => {},
    );
  }

  /**
   * Only while our offer is out; an answer the browser rejects costs that learner their picture,
   * and nobody else anything (it is not the host's error to show).
   */
  answered(conn: DataConnection, sdp: string): void {
    const pc = conn.peerConnection;
    if (pc?.signalingState === 'have-local-offer')
      pc.setRemoteDescription({ type: 'answer', sdp }).catch(() => {});
  }

  drop(conn: DataConnection): void {
    if (this.lines.get(conn.peer) === conn) this.lines.delete(conn.peer);
  }

  close(): void {
    this.closed = true;
    this.lines.clear();
  }

  /** Safari's offer asked for no media: the host adds its tracks and offers them on the data channel. */
  private offer(conn: DataConnection, tracks: MediaStreamTrack[]): void {
    const pc = conn.peerConnection;
    if (!pc || this.closed) return;
    const stream = new MediaStream(tracks);
    for (const track of tracks) {
      const sender = pc.addTrack(track, stream);
      if (track.kind === 'video') void startFullResolution(sender);
    }
    pc.setLocalDescription()
      .then(() => {
        const sdp = pc.localDescription?.sdp;
        if (sdp && conn.open) conn.send({ t: 'offer', sdp } satisfies HostMessage);
      })
      .catch((err) => this.onError(String(err)));
  }
}

/** Resolves true once the connection's first offer is answered, false if it closes first. */
function answered(conn: DataConnection, pc: RTCPeerConnection): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (pc.signalingState === 'stable' && pc.localDescription) done(true);
      else if (pc.signalingState === 'closed') done(false);
    };
    const closed = () => done(false);
    const done = (ok: boolean) => {
      pc.removeEventListener('signalingstatechange', check);
      conn.off('close', closed);
      resolve(ok);
    };
    pc.addEventListener('signalingstatechange', check);
    conn.on('close', closed);
    check();
  });
}
