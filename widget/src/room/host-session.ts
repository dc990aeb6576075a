import { type DataConnection, type MediaConnection, Peer } from 'peerjs';
import type { RoomApi, RoomJoin, Roster } from '../api/rooms.ts';
import { importAdmissionKey, verifyAdmission } from './admission.ts';
import { AudioMixer } from './audio-mixer.ts';
import { peerOptions } from './peer-options.ts';
import { Emitter, type RoomError } from './room-errors.ts';
import {
  type HostMessage,
  PING_MS,
  parseLearnerMessage,
  ROSTER_SWEEP_MS,
  type RoomSnapshot,
  SILENCE_MS,
} from './room-protocol.ts';
import { RoomState } from './room-state.ts';

/** How late a join or leave may reach the room (see `presenceChanged`). */
export const PRESENCE_MS = 1000;
/** How long a learner's picture starts at full resolution before the encoder adapts as usual (see `sendMedia`). */
export const FULL_START_MS = 3000;

type Learner = {
  /** Their data connection; the host's camera and sound travel on its peer connection too (see `sendMedia`). */
  conn: DataConnection;
  speakCall?: MediaConnection;
  seat: string;
  lastSeen: number;
  /** When the host admitted them (a roster read that began earlier may not list them yet). */
  since: number;
  /** Roster checks in a row that did not list them (see `sweep`). */
  unlisted?: number;
};

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

/**
 * The host's side of the star: sends every admitted learner its camera + mixed audio, holds the
 * room state, relays chat/Q&A/polls. Admits only peer ids on the server's roster for this room.
 */
export class HostSession extends Emitter<HostEvents> {
  readonly state: RoomState;
  local: MediaStream | null = null;
  private peer: Peer | null = null;
  private mixer: AudioMixer | null = null;
  private learners = new Map<string, Learner>();
  private roster: Roster | null = null;
  private rosterAt = 0;
  private rosterRequest: { startedAt: number; done: Promise<void> } | null = null;
  private readonly admissionKey: Promise<CryptoKey | null>;
  private screenTrack: MediaStreamTrack | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private pending = false;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly api: RoomApi,
    private readonly pass: RoomJoin,
  ) {
    super();
    this.state = new RoomState(pass.peerId, pass.name);
    this.admissionKey = importAdmissionKey(pass.admissionKey);
  }

  async start(): Promise<void> {
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (err) {
      this.emit('error', { type: 'media_unavailable', message: String(err) });
    }
    this.mixer = new AudioMixer(this.local);
    this.mixer.resume();
    const peer = new Peer(this.pass.peerId, peerOptions(this.api.server, this.pass));
    this.peer = peer;
    peer.on('connection', (conn) => this.admit(conn));
    peer.on('call', (call) => this.onSpeakerCall(call));
    peer.on('disconnected', () => {
      // Signalling only: established media keeps flowing. Retry unless we were closed.
      if (!this.closed) setTimeout(() => !this.closed && peer.disconnected && peer.reconnect(), 1000);
    });
    peer.on('error', (err) => {
      if (err.type === 'peer-unavailable') return; // a learner left mid-call
      this.emit('error', { type: 'network', message: err.message });
    });
    this.timers.push(setInterval(() => this.heartbeat(), PING_MS));
    this.timers.push(setInterval(() => void this.sweep(), ROSTER_SWEEP_MS));
    this.changed();
  }

  /**
   * Lets go of learners the server no longer lists: a refunded ticket (the server closes its
   * signalling at once, but media and data flow peer to peer, so the host has to hang up), or a
   * removal made from another device. Learners admitted after the read began are left alone, and
   * a learner goes only when two checks in a row miss them: a ticket moving to another device
   * leaves the roster a moment before its new device reaches the host (which then says
   * "superseded", the right goodbye for that case).
   */
  private async sweep(): Promise<void> {
    if (!this.learners.size || this.closed) return;
    const read = this.readRoster();
    await read.done;
    if (this.rosterAt !== read.startedAt || !this.roster || this.closed) return; // failed, or overtaken
    const listed = new Set(this.roster.learners.map((l) => l.peerId));
    for (const [id, l] of this.learners) {
      if (listed.has(id) || l.since >= read.startedAt) {
        l.unlisted = 0;
        continue;
      }
      l.unlisted = (l.unlisted ?? 0) + 1;
      if (l.unlisted < 2) continue;
      if (l.conn.open) l.conn.send({ t: 'bye', reason: 'revoked' } satisfies HostMessage);
      // A moment for the goodbye to arrive before the line is cut.
      setTimeout(() => this.learners.get(id) === l && this.drop(id), 200);
    }
  }

  /** Resumes audio from a click: browsers start Web Audio suspended. */
  userGesture(): void {
    this.mixer?.resume();
  }

  /**
   * The roster entry of a connecting peer. The server lists a learner on the roster when their
   * pass opens its signalling socket, before they can reach the host, so a roster read that
   * started after the connection arrived is proof enough: unknown peers share such a read
   * (learners who join together cost one request) and are refused if it does not list them. The
   * host reads the roster with its own pass, which lasts as long as the room.
   */
  private async rosterEntry(peerId: string) {
    const find = () => this.roster?.learners.find((l) => l.peerId === peerId);
    const known = find();
    if (known) return known;
    const arrived = Date.now();
    let request = this.rosterRequest;
    if (!request || request.startedAt < arrived) request = this.readRoster();
    await request.done;
    return find();
  }

  private readRoster(): { startedAt: number; done: Promise<void> } {
    const startedAt = Date.now();
    const done = this.api.roster(this.pass).then(
      (roster) => {
        // Reads can overlap: the one that started last wins.
        if (startedAt >= this.rosterAt) {
          this.roster = roster;
          this.rosterAt = startedAt;
        }
      },
      (err) => this.emit('error', { type: 'network', message: String(err) }),
    );
    this.rosterRequest = { startedAt, done };
    return this.rosterRequest;
  }

  private async admit(conn: DataConnection): Promise<void> {
    // Before the first await: PeerJS is answering the learner's offer right now.
    answerWithMedia(conn);
    const admission = await verifyAdmission(
      (conn.metadata as { admission?: unknown })?.admission,
      await this.admissionKey,
      {
        peerId: conn.peer,
        workshop: this.api.workshopId,
        now: Date.now(),
      },
    );
    const entry = admission ?? (await this.rosterEntry(conn.peer));
    // Not on the server's roster for this room: never answer, never send media.
    if (!entry || this.closed) {
      conn.close();
      return;
    }
    const bye = (reason: 'superseded' | 'full') => {
      const send = () => {
        conn.send({ t: 'bye', reason } satisfies HostMessage);
        setTimeout(() => conn.close(), 200);
      };
      if (conn.open) send();
      else conn.on('open', send);
    };
    for (const [id, l] of this.learners) {
      if (l.seat === entry.seat && id !== conn.peer) {
        // Second device: the newest pass holds the seat.
        l.conn.send({ t: 'bye', reason: 'superseded' } satisfies HostMessage);
        this.drop(id);
      }
    }
    const limit = this.roster?.learnerLimit ?? this.pass.room.learnerLimit;
    if (!this.learners.has(conn.peer) && this.learners.size >= limit) {
      this.emit('limit', { limit });
      bye('full');
      return;
    }
    // Admitted: the picture and sound go out on this connection now, ahead of its data channel.
    const media = this.sendMedia(conn);
    const onOpen = () => {
      const previous = this.learners.get(conn.peer);
      const learner: Learner = { conn, seat: entry.seat, lastSeen: Date.now(), since: Date.now() };
      this.learners.set(conn.peer, learner);
      // The same learner again (their network came back): the old line and its media go.
      if (previous && previous.conn !== conn) previous.conn.close();
      // A screen shared or a speaker invited while this line was opening: it gets what the others get.
      void media.then(() => this.closed || this.syncMedia(conn.peer));
      this.state.join(conn.peer, entry.name);
      if (this.learners.size >= limit) this.emit('limit', { limit });
      this.presenceChanged();
    };
    conn.on('data', (data) => {
      const learner = this.learners.get(conn.peer);
      if (!learner || learner.conn !== conn) return;
      learner.lastSeen = Date.now();
      const msg = parseLearnerMessage(data);
      if (msg?.t === 'answer') {
        // Only while our offer is out; an answer the browser rejects costs that learner their
        // picture, and nobody else anything (it is not the host's error to show).
        const pc = conn.peerConnection;
        if (pc?.signalingState === 'have-local-offer')
          pc.setRemoteDescription({ type: 'answer', sdp: msg.sdp }).catch(() => {});
        return;
      }
      if (msg && msg.t !== 'ping' && this.state.apply(conn.peer, msg)) {
        if (msg.t === 'stop-speaking') this.stopSpeaker(conn.peer);
        this.changed();
      }
    });
    conn.on('close', () => {
      if (this.learners.get(conn.peer)?.conn === conn) this.drop(conn.peer);
    });
    if (conn.open) onOpen();
    else conn.on('open', onOpen);
  }

  private outgoing(peerId: string): MediaStream {
    const tracks: MediaStreamTrack[] = [];
    const video = this.screenTrack ?? this.local?.getVideoTracks()[0];
    if (video) tracks.push(video);
    if (this.mixer) tracks.push(this.mixer.trackFor(peerId));
    return new MediaStream(tracks);
  }

  /**
   * Sends the host's camera and sound to an admitted learner, on the peer connection of their data
   * connection: no second connection (no signalling round through the server, no second ICE check
   * or DTLS handshake), and one connection per learner on the host instead of two.
   *
   * The learner's first offer asks to receive audio and video, and the host's answer says it will
   * send them (`answerWithMedia`), with no track yet: here the tracks go onto those senders, so the
   * picture starts as soon as the connection is up, without waiting for the data channel. A learner
   * whose offer did not ask (a page loaded before this version) gets an offer over the data channel
   * once it opens, and answers there. Either way learners only receive: they join with camera and
   * microphone off.
   */
  private async sendMedia(conn: DataConnection): Promise<void> {
    const pc = conn.peerConnection;
    if (!pc || !(await answered(conn, pc))) return;
    const stream = this.outgoing(conn.peer);
    const slots = new Map(
      pc
        .getTransceivers()
        .filter((t) => t.currentDirection === 'sendonly')
        .map((t) => [t.receiver.track.kind, t.sender] as const),
    );
    if (!slots.size) {
      const offer = () => this.offerMedia(conn, stream);
      if (conn.open) offer();
      else conn.on('open', offer);
      return;
    }
    for (const track of stream.getTracks()) {
      const sender = slots.get(track.kind);
      if (!sender) continue;
      // The resolution first, then the track: the encoder starts as it should.
      if (track.kind === 'video') await startFullResolution(sender);
      await sender.replaceTrack(track).catch(() => {});
    }
  }

  /** The older way: the host adds its tracks and offers them over the open data channel. */
  private offerMedia(conn: DataConnection, stream: MediaStream): void {
    const pc = conn.peerConnection;
    if (!pc || this.closed) return;
    for (const track of stream.getTracks()) {
      const sender = pc.addTrack(track, stream);
      if (track.kind === 'video') void startFullResolution(sender);
    }
    pc.setLocalDescription()
      .then(() => {
        const sdp = pc.localDescription?.sdp;
        if (sdp && conn.open) conn.send({ t: 'offer', sdp } satisfies HostMessage);
      })
      .catch((err) => this.emit('error', { type: 'network', message: String(err) }));
  }

  /** Points one learner's senders at what everyone else gets now (screen or camera, the current mix). */
  private syncMedia(peerId: string): void {
    const video = this.screenTrack ?? this.local?.getVideoTracks()[0];
    for (const { id, sender } of this.senders('video'))
      if (id === peerId && video && sender.track && sender.track !== video)
        sender.replaceTrack(video).then(
          () => prefer(sender, preferenceFor(video)),
          () => {},
        );
    this.refreshAudio();
  }

  /** The senders carrying the host's camera and sound to each learner. */
  private senders(kind: 'audio' | 'video'): { id: string; sender: RTCRtpSender }[] {
    return [...this.learners].flatMap(([id, l]) => {
      const sender = l.conn.peerConnection
        ?.getTransceivers()
        .find((t) => t.receiver.track.kind === kind)?.sender;
      return sender ? [{ id, sender }] : [];
    });
  }

  private onSpeakerCall(call: MediaConnection): void {
    const learner = this.learners.get(call.peer);
    // Only an invited speaker may send media to the host.
    if (!learner || !this.state.participants.get(call.peer)?.speaking) {
      call.close();
      return;
    }
    learner.speakCall?.close();
    learner.speakCall = call;
    call.on('stream', (stream) => {
      this.mixer?.addSpeaker(call.peer, stream);
      this.refreshAudio();
      this.emit('speaker', { peerId: call.peer, stream });
    });
    call.answer();
  }

  /** Points every learner's audio sender at its current mix. */
  private refreshAudio(): void {
    for (const { id, sender } of this.senders('audio')) {
      const track = this.mixer?.trackFor(id);
      if (track && sender.track !== track) sender.replaceTrack(track).catch(() => {});
    }
  }

  private replaceVideo(track: MediaStreamTrack | null): void {
    if (!track) return;
    for (const { sender } of this.senders('video'))
      sender.replaceTrack(track).then(
        () => prefer(sender, preferenceFor(track)),
        () => {},
      );
  }

  private stopSpeaker(peerId: string): void {
    const l = this.learners.get(peerId);
    l?.speakCall?.close();
    if (l) l.speakCall = undefined;
    this.mixer?.removeSpeaker(peerId);
    this.refreshAudio();
    this.emit('speaker', { peerId, stream: null });
  }

  private drop(peerId: string): void {
    const l = this.learners.get(peerId);
    if (!l) return;
    this.learners.delete(peerId);
    l.conn.close();
    this.stopSpeaker(peerId);
    this.state.leave(peerId);
    this.presenceChanged();
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const [id, l] of this.learners) {
      if (now - l.lastSeen > SILENCE_MS) this.drop(id);
      else if (l.conn.open) l.conn.send({ t: 'ping' } satisfies HostMessage);
    }
  }

  /**
   * Joins and leaves reach everyone within `PRESENCE_MS`, in one snapshot, instead of one snapshot
   * per change: a burst of arrivals costs each page one redraw, and a newcomer's first picture does
   * not compete with every page in the room redrawing its participant list. Anything else (chat,
   * questions, polls, hands) goes out at once and carries pending joins and leaves with it.
   */
  private presenceChanged(): void {
    this.presenceTimer ??= setTimeout(() => {
      this.presenceTimer = null;
      this.changed();
    }, PRESENCE_MS);
  }

  /** Coalesces changes into one snapshot per learner per tick. */
  private changed(): void {
    if (this.presenceTimer) {
      clearTimeout(this.presenceTimer);
      this.presenceTimer = null;
    }
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      for (const [id, l] of this.learners) {
        if (l.conn.open)
          l.conn.send({ t: 'snapshot', state: this.state.snapshotFor(id) } satisfies HostMessage);
      }
      this.emit('state', this.state.snapshotFor(this.pass.peerId));
    });
  }

  // ── Host controls ──────────────────────────────────────────────────────────────────────────

  say(text: string): void {
    const clean = text.trim().slice(0, 500);
    if (!clean) return;
    this.state.say(this.pass.peerId, clean);
    this.changed();
  }

  markAnswered(id: string): void {
    this.state.markAnswered(id);
    this.changed();
  }

  createPoll(question: string, options: string[]): void {
    const opts = options
      .map((o) => o.trim())
      .filter(Boolean)
      .slice(0, 6);
    if (!question.trim() || opts.length < 2) return;
    this.state.createPoll(question.trim().slice(0, 200), opts);
    this.changed();
  }

  closePoll(id: string): void {
    this.state.closePoll(id);
    this.changed();
  }

  invite(peerId: string): void {
    this.mixer?.resume();
    if (!this.state.setSpeaking(peerId, true)) return;
    this.learners.get(peerId)?.conn.send({ t: 'invite' } satisfies HostMessage);
    this.changed();
  }

  /** Mutes an invited speaker: they stop sending and leave the mix. */
  mute(peerId: string): void {
    if (!this.state.setSpeaking(peerId, false)) return;
    this.learners.get(peerId)?.conn.send({ t: 'mute' } satisfies HostMessage);
    this.stopSpeaker(peerId);
    this.changed();
  }

  async remove(peerId: string): Promise<void> {
    const l = this.learners.get(peerId);
    l?.conn.send({ t: 'bye', reason: 'removed' } satisfies HostMessage);
    try {
      await this.api.remove(this.pass, peerId);
    } catch (err) {
      this.emit('error', { type: 'network', message: String(err) });
    }
    this.drop(peerId);
    // The host's own action: the room (and the host's list) shows it at once, not with the next batch.
    this.changed();
  }

  setMicMuted(muted: boolean): void {
    if (this.mixer) this.mixer.hostMuted = muted;
  }

  get micMuted(): boolean {
    return this.mixer?.hostMuted ?? true;
  }

  setCameraOn(on: boolean): void {
    for (const t of this.local?.getVideoTracks() ?? []) t.enabled = on;
  }

  /** Switches every learner's video to the screen (no renegotiation: the video sender's track is replaced). */
  async shareScreen(): Promise<void> {
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = screen.getVideoTracks()[0];
      track.contentHint = 'detail';
      this.screenTrack = track;
      track.addEventListener('ended', () => this.stopScreen());
      this.replaceVideo(track);
      this.state.screen = true;
      this.changed();
    } catch (err) {
      this.emit('error', { type: 'screen_unavailable', message: String(err) });
    }
  }

  stopScreen(): void {
    if (!this.screenTrack) return;
    this.screenTrack.stop();
    this.screenTrack = null;
    this.replaceVideo(this.local?.getVideoTracks()[0] ?? null);
    this.state.screen = false;
    this.changed();
  }

  get screenStream(): MediaStream | null {
    return this.screenTrack ? new MediaStream([this.screenTrack]) : null;
  }

  /** Ends the room for everyone: learners are told first, then the server closes the room. */
  async end(): Promise<void> {
    for (const l of this.learners.values())
      if (l.conn.open) l.conn.send({ t: 'bye', reason: 'ended' } satisfies HostMessage);
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
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.peer?.destroy();
    this.mixer?.close();
    this.screenTrack?.stop();
    for (const t of this.local?.getTracks() ?? []) t.stop();
  }
}

/**
 * A shared screen keeps its resolution (text stays legible; frame rate gives way under load), a
 * camera adapts both ("balanced").
 */
function preferenceFor(track: MediaStreamTrack): RTCDegradationPreference {
  return track.contentHint === 'detail' || track.contentHint === 'text' ? 'maintain-resolution' : 'balanced';
}

/**
 * A new video sender starts from WebRTC's default estimate of 300 kbit/s; adapting as usual,
 * Chrome's encoder then drops its first frames and starts over at half the width and height, so
 * the learner waited longer for a blurrier first picture (a probe of the rooms bench: 320×240
 * after 175–300 ms instead of 640×480 after 100–190 ms, BENCHMARKS.md). The picture starts at full
 * resolution; once the connection's estimate has caught up, the encoder adapts as usual.
 */
async function startFullResolution(sender: RTCRtpSender): Promise<void> {
  await prefer(sender, 'maintain-resolution');
  setTimeout(() => sender.track && void prefer(sender, preferenceFor(sender.track)), FULL_START_MS);
}

/**
 * Makes the host's answer to a learner's first offer say it sends audio and video on the first
 * transceiver of each kind in the offer, and nothing else. The answer goes out with no track on
 * them, so nothing flows until `sendMedia`, after admission. `signalingstatechange` is dispatched
 * before setRemoteDescription's promise resolves, so this runs before PeerJS creates its answer.
 */
function answerWithMedia(conn: DataConnection): void {
  const pc = conn.peerConnection;
  if (!pc) return;
  const onState = () => {
    if (pc.signalingState !== 'have-remote-offer') return;
    pc.removeEventListener('signalingstatechange', onState);
    // One of each kind carries the host's picture and sound; any other media line in the offer
    // is refused: learners send the host nothing on this connection.
    const kinds = new Set<string>();
    for (const t of pc.getTransceivers()) {
      const kind = t.receiver.track.kind;
      t.direction = kinds.has(kind) ? 'inactive' : 'sendonly';
      kinds.add(kind);
    }
  };
  pc.addEventListener('signalingstatechange', onState);
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

/** Sets how a video sender gives way under CPU or bandwidth limits (no renegotiation). */
async function prefer(sender: RTCRtpSender, degradationPreference: RTCDegradationPreference): Promise<void> {
  try {
    await sender.setParameters({ ...sender.getParameters(), degradationPreference });
  } catch {
    // A browser without this setting keeps its own default.
  }
}
