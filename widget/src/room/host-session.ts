import { type DataConnection, type MediaConnection, Peer } from 'peerjs';
import type { RoomApi, RoomJoin } from '../api/rooms.ts';
import { sayBye } from './host/goodbye.ts';
import type { HostEvents, HostOptions } from './host/host-events.ts';
import { cleanChat, cleanPoll } from './host/host-input.ts';
import { HostStage } from './host/host-stage.ts';
import { RemoteLearner } from './host/remote-learner.ts';
import { RosterGate } from './host/roster-gate.ts';
import { seatDecision } from './host/seat-rules.ts';
import { SnapshotSchedule } from './host/snapshot-schedule.ts';
import type { MediaTransport } from './media/media-transport.ts';
import { PeerMediaTransport } from './media/peer-media-transport.ts';
import { peerOptions } from './peer-options.ts';
import { HOST_RECONNECT_POLICY, ReconnectRun } from './reconnect-policy.ts';
import { Emitter } from './room-errors.ts';
import { PING_MS, parseLearnerMessage, ROSTER_SWEEP_MS } from './room-protocol.ts';
import { RoomState } from './room-state.ts';

export type { HostEvents, HostOptions } from './host/host-events.ts';
export { PRESENCE_MS } from './host/snapshot-schedule.ts';
export { FULL_START_MS } from './media/degradation.ts';

/**
 * The host's side of the room: admits only learners the server lets in (`RosterGate`, admissions),
 * holds the room state and sends it (`SnapshotSchedule`), relays chat/Q&A/polls, and hands the
 * picture and sound to a `MediaTransport`.
 */
export class HostSession extends Emitter<HostEvents> {
  readonly state: RoomState;
  private peer: Peer | null = null;
  private readonly stage: HostStage;
  private learners = new Map<string, RemoteLearner>();
  private readonly roster: RosterGate;
  private readonly media: MediaTransport;
  private readonly snapshots = new SnapshotSchedule(() => this.sendSnapshots());
  private readonly reconnect: ReconnectRun;
  private timers: ReturnType<typeof setInterval>[] = [];
  private closed = false;

  constructor(
    private readonly api: RoomApi,
    private readonly pass: RoomJoin,
    options: HostOptions = {},
  ) {
    super();
    this.state = new RoomState(pass.peerId, pass.name);
    const networkError = (message: string) => this.emit('error', { type: 'network', message });
    this.roster = new RosterGate(api, pass, networkError);
    this.media = options.media ?? new PeerMediaTransport(networkError);
    this.stage = new HostStage(this.media);
    this.reconnect = new ReconnectRun(options.reconnectPolicy ?? HOST_RECONNECT_POLICY);
  }

  /** The host's camera and microphone (null until `start`, or if they could not be opened). */
  get local(): MediaStream | null {
    return this.stage.local;
  }

  async start(): Promise<void> {
    const failure = await this.stage.open();
    if (failure) this.emit('error', { type: 'media_unavailable', message: failure });
    const peer = new Peer(this.pass.peerId, peerOptions(this.api.server, this.pass));
    this.peer = peer;
    peer.on('connection', (conn) => this.admit(conn));
    peer.on('call', (call) => this.onSpeakerCall(call));
    peer.on('open', () => this.reconnect.reset());
    peer.on('disconnected', () => {
      // Signalling only: established media keeps flowing. Retry unless we were closed.
      const delay = this.closed ? null : this.reconnect.next(Date.now());
      if (delay !== null) setTimeout(() => !this.closed && peer.disconnected && peer.reconnect(), delay);
    });
    peer.on('error', (err) => {
      if (err.type === 'peer-unavailable') return; // a learner left mid-call
      this.emit('error', { type: 'network', message: err.message });
    });
    this.timers.push(setInterval(() => this.heartbeat(), PING_MS));
    this.timers.push(setInterval(() => void this.sweep(), ROSTER_SWEEP_MS));
    this.snapshots.now();
  }

  /** Lets go of learners the server no longer lists (`RosterGate.sweep`). */
  private async sweep(): Promise<void> {
    if (!this.learners.size || this.closed) return;
    const swept = await this.roster.sweep(() => [...this.learners.values()]);
    if (!swept || this.closed) return; // failed, or overtaken
    for (const l of this.learners.values()) l.unlisted = swept.unlisted.get(l.peerId) ?? l.unlisted;
    for (const id of swept.drop) {
      const l = this.learners.get(id);
      if (!l) continue;
      l.send({ t: 'bye', reason: 'revoked' });
      // A moment for the goodbye to arrive before the line is cut.
      setTimeout(() => this.learners.get(id) === l && this.drop(id), 200);
    }
  }

  /** Resumes audio from a click: browsers start Web Audio suspended. */
  userGesture(): void {
    this.stage.resume();
  }

  private async admit(conn: DataConnection): Promise<void> {
    // Before the first await: PeerJS is answering the learner's offer right now.
    this.media.attach(conn);
    const entry = await this.roster.admit(conn.peer, conn.metadata);
    // Not on the server's roster for this room: never answer, never send media.
    if (!entry || this.closed) {
      conn.close();
      return;
    }
    const limit = this.roster.learnerLimit;
    const decision = seatDecision(
      [...this.learners.values()],
      { peerId: conn.peer, seat: entry.seat },
      limit,
    );
    for (const id of decision.supersede) {
      // Second device: the newest pass holds the seat.
      this.learners.get(id)?.send({ t: 'bye', reason: 'superseded' });
      this.drop(id);
    }
    if (decision.full) {
      this.emit('limit', { limit });
      sayBye(conn, 'full');
      return;
    }
    // Admitted: the picture and sound go out on this connection now, ahead of its data channel.
    const media = this.media.send(conn.peer, conn, this.stage.outgoing(conn.peer));
    const onOpen = () => {
      const previous = this.learners.get(conn.peer);
      this.learners.set(conn.peer, new RemoteLearner(conn, entry.seat, Date.now()));
      // The same learner again (their network came back): the old line and its media go.
      if (previous && previous.conn !== conn) previous.conn.close();
      // A screen shared or a speaker invited while this line was opening: it gets what the others get.
      void media.then(() => this.closed || this.stage.sync(conn.peer, this.learners.keys()));
      this.state.join(conn.peer, entry.name);
      if (this.learners.size >= limit) this.emit('limit', { limit });
      this.snapshots.presence();
    };
    conn.on('data', (data) => this.onLearnerData(conn, data));
    conn.on('close', () => {
      if (this.learners.get(conn.peer)?.conn === conn) this.drop(conn.peer);
    });
    if (conn.open) onOpen();
    else conn.on('open', onOpen);
  }

  private onLearnerData(conn: DataConnection, data: unknown): void {
    const learner = this.learners.get(conn.peer);
    if (!learner || learner.conn !== conn) return;
    learner.lastSeen = Date.now();
    const msg = parseLearnerMessage(data);
    if (msg?.t === 'answer') this.media.answered(conn, msg.sdp);
    else if (msg && msg.t !== 'ping' && this.state.apply(conn.peer, msg)) {
      if (msg.t === 'stop-speaking') this.stopSpeaker(conn.peer);
      this.snapshots.now();
    }
  }

  private onSpeakerCall(call: MediaConnection): void {
    // Only an invited speaker may send media to the host.
    if (!this.learners.has(call.peer) || !this.state.participants.get(call.peer)?.speaking) {
      call.close();
      return;
    }
    this.stage.takeCall(call, (stream) => {
      this.stage.addSpeaker(call.peer, stream, this.learners.keys());
      this.emit('speaker', { peerId: call.peer, stream });
    });
  }

  private stopSpeaker(peerId: string): void {
    this.stage.removeSpeaker(peerId, this.learners.keys());
    this.emit('speaker', { peerId, stream: null });
  }

  private drop(peerId: string): void {
    const l = this.learners.get(peerId);
    if (!l) return;
    this.learners.delete(peerId);
    this.media.drop(l.conn);
    l.conn.close();
    this.stopSpeaker(peerId);
    this.state.leave(peerId);
    this.snapshots.presence();
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const [id, l] of this.learners) {
      if (l.silent(now)) this.drop(id);
      else l.send({ t: 'ping' });
    }
  }

  /** One snapshot to each learner (tailored to them), and the host's own view. */
  private sendSnapshots(): void {
    for (const [id, l] of this.learners) l.send({ t: 'snapshot', state: this.state.snapshotFor(id) });
    this.emit('state', this.state.snapshotFor(this.pass.peerId));
  }

  // ── Host controls ──────────────────────────────────────────────────────────────────────────

  say(text: string): void {
    const clean = cleanChat(text);
    if (!clean) return;
    this.state.say(this.pass.peerId, clean);
    this.snapshots.now();
  }

  markAnswered(id: string): void {
    this.state.markAnswered(id);
    this.snapshots.now();
  }

  createPoll(question: string, options: string[]): void {
    const poll = cleanPoll(question, options);
    if (!poll) return;
    this.state.createPoll(poll.question, poll.options);
    this.snapshots.now();
  }

  closePoll(id: string): void {
    this.state.closePoll(id);
    this.snapshots.now();
  }

  invite(peerId: string): void {
    this.stage.resume();
    if (!this.state.setSpeaking(peerId, true)) return;
    this.learners.get(peerId)?.send({ t: 'invite' });
    this.snapshots.now();
  }

  /** Mutes an invited speaker: they stop sending and leave the mix. */
  mute(peerId: string): void {
    if (!this.state.setSpeaking(peerId, false)) return;
    this.learners.get(peerId)?.send({ t: 'mute' });
    this.stopSpeaker(peerId);
    this.snapshots.now();
  }

  async remove(peerId: string): Promise<void> {
    const l = this.learners.get(peerId);
    l?.send({ t: 'bye', reason: 'removed' });
    try {
      await this.api.remove(this.pass, peerId);
    } catch (err) {
      this.emit('error', { type: 'network', message: String(err) });
    }
    this.drop(peerId);
    // The host's own action: the room (and the host's list) shows it at once, not with the next batch.
    this.snapshots.now();
  }

  setMicMuted(muted: boolean): void {
    this.stage.micMuted = muted;
  }

  get micMuted(): boolean {
    return this.stage.micMuted;
  }

  setCameraOn(on: boolean): void {
    this.stage.setCameraOn(on);
  }

  /** Switches every learner's video to the screen (no renegotiation: the video sender's track is replaced). */
  async shareScreen(): Promise<void> {
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = screen.getVideoTracks()[0];
      track.contentHint = 'detail';
      track.addEventListener('ended', () => this.stopScreen());
      this.stage.setScreen(track, this.learners.keys());
      this.state.screen = true;
      this.snapshots.now();
    } catch (err) {
      this.emit('error', { type: 'screen_unavailable', message: String(err) });
    }
  }

  stopScreen(): void {
    if (!this.stage.sharing) return;
    this.stage.setScreen(null, this.learners.keys());
    this.state.screen = false;
    this.snapshots.now();
  }

  get screenStream(): MediaStream | null {
    return this.stage.screenStream;
  }

  /** Ends the room for everyone: learners are told first, then the server closes the room. */
  async end(): Promise<void> {
    for (const l of this.learners.values()) l.send({ t: 'bye', reason: 'ended' });
    try {
      await this.api.end(this.pass);
    } catch (err) {
      this.emit('error', { type: 'network', message: String(err) });
    }
    this.emit('ended', undefined);
    setTimeout(() => this.close(), 300);
  }

  /** Interaction counts so far (for the host's summary). */
  get counts() {
    return { ...this.state.counts, learners: this.learners.size };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const id of [...this.learners.keys()]) this.drop(id);
    this.snapshots.close();
    this.media.close();
    this.peer?.destroy();
    this.stage.close();
  }
}
