import { type DataConnection, type MediaConnection, Peer, type PeerConnectOption } from 'peerjs';
import { type RoomApi, RoomApiError, type RoomJoin } from '../api/rooms.ts';
import { recoveryStep } from './learner-recovery.ts';
import { peerOptions } from './peer-options.ts';
import { LEARNER_RECONNECT_POLICY, type ReconnectPolicy, ReconnectRun } from './reconnect-policy.ts';
import { Emitter, type RoomError } from './room-errors.ts';
import { type LearnerMessage, PING_MS, parseHostMessage, type RoomSnapshot } from './room-protocol.ts';

export type LearnerPhase =
  /** Signalling is connecting or the host has not been reached yet. */
  | 'connecting'
  /** In the room with the host. */
  | 'live'
  /** The host is away (reloading, network): we keep trying and resume by ourselves. */
  | 'host-away'
  /** Our own network dropped; we rejoin when it comes back. */
  | 'reconnecting'
  | 'ended'
  /** Removed by the host, or the ticket moved to another device, or the pass is no longer valid. */
  | 'left';

export type LearnerEvents = {
  phase: LearnerPhase;
  state: RoomSnapshot;
  /** The host's camera/screen + the mixed room audio. */
  media: MediaStream;
  /** We may speak (invited) or were muted by the host. */
  speaking: boolean;
  error: RoomError;
};

const TICK_MS = 1000;

/**
 * User Timing marks along a learner's way in (`lectern:room:pass` … `lectern:room:media`): visible
 * in DevTools' performance panel, and read by the rooms benchmark to see where the time goes.
 */
function mark(step: 'pass' | 'signalling' | 'host' | 'call' | 'media'): void {
  // 'media' is the host's tracks arriving: with the host's answer, so before 'host' (the data
  // channel open). 'call' is the host's media offer on the data channel, which only a browser that
  // drops the legacy offer options (Safari) gets; there 'media' comes after it.
  globalThis.performance?.mark?.(`lectern:room:${step}`);
}

/**
 * A learner's side of the star: opens a data connection to the host whose offer also asks for the
 * host's camera and sound (receive-only: learners join with camera and microphone off), answers
 * the host's offer of them over the data channel where the browser asked for nothing (Safari, see
 * `PeerMediaTransport`), and recovers by itself from its own network drops and from the host
 * reloading (`recoveryStep`; signalling retries as its `ReconnectPolicy` says).
 */
export class LearnerSession extends Emitter<LearnerEvents> {
  phase: LearnerPhase = 'connecting';
  /** The latest of what the events carried, for a view that subscribes after `start()`. */
  media: MediaStream | null = null;
  snapshot: RoomSnapshot | null = null;
  private peer: Peer | null = null;
  private conn: DataConnection | null = null;
  private mic: MediaStream | null = null;
  private speakCall: MediaConnection | null = null;
  private hostId: string | null;
  private lastHeard = 0;
  private busy = false;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly reconnect: ReconnectRun;

  constructor(
    private readonly api: RoomApi,
    readonly pass: RoomJoin,
    reconnectPolicy: ReconnectPolicy = LEARNER_RECONNECT_POLICY,
  ) {
    super();
    this.hostId = pass.hostPeerId;
    this.reconnect = new ReconnectRun(reconnectPolicy);
  }

  start(): void {
    mark('pass');
    const peer = new Peer(this.pass.peerId, peerOptions(this.api.server, this.pass));
    this.peer = peer;
    peer.on('open', () => {
      mark('signalling');
      this.reconnect.reset();
      // The join answer named the host a moment ago: call it at once instead of asking the
      // server again (one round trip less to the first frame). Should that host be gone, the
      // refusal below hands over to the status check of the recovery loop.
      if (this.hostId && !this.conn && this.phase === 'connecting') this.connectHost(this.hostId);
      else void this.tick();
    });
    // The host's picture and sound come on the data connection (see `connectHost`); a call is
    // never how media reaches a learner, so any call is refused unanswered.
    peer.on('call', (call) => call.close());
    peer.on('error', (err) => {
      if (err.type === 'peer-unavailable') {
        // The host is away: drop the attempt now (not after the silence timeout); the tick keeps looking.
        if (this.conn && !this.conn.open && this.hostId && err.message.includes(this.hostId)) this.hostLost();
        return;
      }
      this.emit('error', { type: 'network', message: err.message });
    });
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(setInterval(() => this.send({ t: 'ping' }), PING_MS));
  }

  private get done(): boolean {
    return this.phase === 'ended' || this.phase === 'left';
  }

  private setPhase(phase: LearnerPhase): void {
    if (this.phase === phase || this.done) return;
    this.phase = phase;
    this.emit('phase', phase);
  }

  /** One step of the recovery loop: signalling up → host known → data connection live. */
  private async tick(): Promise<void> {
    const peer = this.peer;
    if (!peer || this.done || this.busy) return;
    const now = Date.now();
    const step = recoveryStep({
      silentMs: this.conn ? now - this.lastHeard : null,
      signallingLost: peer.disconnected,
      signallingOpen: peer.open,
    });
    if (step.hostLost) this.hostLost();
    if (step.next === 'reconnect-signalling') {
      this.setPhase(step.connected ? this.phase : 'reconnecting');
      if (!peer.destroyed && this.reconnect.due(now)) peer.reconnect();
      return;
    }
    if (step.next === 'wait') return;
    this.busy = true;
    try {
      const status = await this.api.status(this.pass);
      if (status.ended) {
        this.finish('ended');
        return;
      }
      this.hostId = status.hostPeerId;
      if (!this.hostId) this.setPhase(this.phase === 'connecting' ? 'connecting' : 'host-away');
      else this.connectHost(this.hostId);
    } catch (err) {
      if (err instanceof RoomApiError && err.status === 401) {
        // Our pass died: the ticket was refunded, another device took the seat, or the host removed us.
        const revoked = err.details?.reason === 'ticket_revoked';
        this.emit('error', { type: revoked ? 'revoked' : 'superseded', message: err.message });
        this.finish('left');
      } else if (this.phase === 'live') this.setPhase('reconnecting');
    } finally {
      this.busy = false;
    }
  }

  private connectHost(hostId: string): void {
    if (!this.peer) return;
    // The admission lets the host admit us without asking the server (rooms/admission.ts).
    const conn = this.peer.connect(hostId, {
      serialization: 'json',
      reliable: true,
      metadata: { admission: this.pass.admission },
      // The offer asks to receive the host's camera and sound on this same connection; the host
      // puts them on once it has admitted us (media/peer-media-transport.ts `send`). PeerJS hands
      // these legacy options to createOffer; they are not in its types, and Safari ignores them.
      constraints: { offerToReceiveAudio: true, offerToReceiveVideo: true },
    } as PeerConnectOption);
    if (!conn) return;
    this.conn = conn;
    this.lastHeard = Date.now();
    // The tracks arrive with the host's answer (or, where the browser dropped the options above
    // and the offer asked for nothing, with the host's offer on the data channel, answered
    // below). The host answered before it had tracks on its senders, so the answer may name no
    // stream: the room's stream is ours, one per connection.
    let stream: MediaStream | null = null;
    conn.peerConnection?.addEventListener('track', (e) => {
      if (this.conn !== conn) return;
      if (stream) {
        if (!stream.getTracks().includes(e.track)) stream.addTrack(e.track);
        return;
      }
      mark('media');
      stream = new MediaStream([e.track]);
      this.media = stream;
      this.emit('media', stream);
    });
    conn.on('open', () => {
      mark('host');
      this.lastHeard = Date.now();
      this.send({ t: 'ping' });
    });
    conn.on('data', (data) => {
      if (this.conn !== conn) return;
      this.lastHeard = Date.now();
      const msg = parseHostMessage(data);
      if (!msg) return;
      switch (msg.t) {
        case 'snapshot':
          this.setPhase('live');
          this.snapshot = msg.state;
          this.emit('state', msg.state);
          if (!msg.state.canSpeak && this.mic) this.stopMic();
          break;
        case 'offer':
          mark('call');
          void this.answer(conn, msg.sdp);
          break;
        case 'invite':
          this.emit('speaking', true);
          break;
        case 'mute':
          this.stopMic();
          break;
        case 'bye':
          if (msg.reason === 'ended') this.finish('ended');
          else if (msg.reason === 'full')
            this.emit('error', { type: 'room_full', message: 'The room is full' });
          else {
            this.emit('error', { type: msg.reason, message: msg.reason });
            this.finish('left');
          }
          break;
      }
    });
    conn.on('close', () => {
      if (this.conn === conn) this.hostLost();
    });
    conn.on('error', () => {});
  }

  /** Answers the host's media offer, receive-only. */
  private async answer(conn: DataConnection, sdp: unknown): Promise<void> {
    const pc = conn.peerConnection;
    if (!pc || typeof sdp !== 'string') return;
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp });
      for (const t of pc.getTransceivers()) t.direction = 'recvonly';
      await pc.setLocalDescription();
      const answer = pc.localDescription?.sdp;
      if (answer && this.conn === conn) this.send({ t: 'answer', sdp: answer });
    } catch (err) {
      this.emit('error', { type: 'network', message: String(err) });
    }
  }

  private hostLost(): void {
    this.conn?.close();
    this.conn = null;
    this.stopMic();
    if (!this.done) this.setPhase(navigator.onLine === false ? 'reconnecting' : 'host-away');
  }

  private send(msg: LearnerMessage): void {
    if (this.conn?.open) this.conn.send(msg);
  }

  // ── Learner actions ────────────────────────────────────────────────────────────────────────

  chat(text: string): void {
    this.send({ t: 'chat', text: text.slice(0, 500) });
  }
  ask(text: string): void {
    this.send({ t: 'ask', text: text.slice(0, 500) });
  }
  upvote(id: string): void {
    this.send({ t: 'upvote', id });
  }
  vote(poll: string, option: number): void {
    this.send({ t: 'vote', poll, option });
  }
  raiseHand(up: boolean): void {
    this.send({ t: 'hand', up });
  }

  /** After an invitation: open the microphone and call the host with it. */
  async startSpeaking(): Promise<void> {
    if (!this.peer || !this.hostId) return;
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch (err) {
      this.emit('error', { type: 'media_unavailable', message: String(err) });
      this.send({ t: 'stop-speaking' });
      return;
    }
    this.speakCall = this.peer.call(this.hostId, this.mic, { metadata: { kind: 'speak' } }) ?? null;
  }

  stopSpeaking(): void {
    this.send({ t: 'stop-speaking' });
    this.stopMic();
  }

  private stopMic(): void {
    if (this.mic) this.emit('speaking', false);
    this.speakCall?.close();
    this.speakCall = null;
    for (const t of this.mic?.getTracks() ?? []) t.stop();
    this.mic = null;
  }

  get speaking(): boolean {
    return this.mic !== null;
  }

  /** The learner leaves: the host sees the connection go and drops them from the room. */
  leave(): void {
    this.finish('left');
  }

  private finish(phase: 'ended' | 'left'): void {
    this.setPhase(phase);
    this.phase = phase;
    this.close();
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.stopMic();
    this.conn?.close();
    this.peer?.destroy();
    this.peer = null;
  }
}
