import type { MediaConnection } from 'peerjs';
import { AudioMixer } from '../audio-mixer.ts';
import type { MediaTransport } from '../media/media-transport.ts';

/**
 * What the host sends: its camera or shared screen, and per learner a sound track (the host's
 * microphone, or a mix with the invited speakers that leaves out the learner's own voice). Hands
 * the tracks to the `MediaTransport`; the session says which learners are in.
 */
export class HostStage {
  local: MediaStream | null = null;
  private mixer: AudioMixer | null = null;
  private screenTrack: MediaStreamTrack | null = null;
  /** Invited speakers' calls (their microphones), by peer id. */
  private calls = new Map<string, MediaConnection>();

  constructor(private readonly media: MediaTransport) {}

  /** Opens the camera and microphone; the reason if they could not be opened (the room goes on without). */
  async open(): Promise<string | null> {
    let failure: string | null = null;
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (err) {
      failure = String(err);
    }
    this.mixer = new AudioMixer(this.local);
    this.mixer.resume();
    return failure;
  }

  /** Resumes audio from a click: browsers start Web Audio suspended. */
  resume(): void {
    this.mixer?.resume();
  }

  /** The picture everyone gets: the shared screen, else the camera. */
  private get video(): MediaStreamTrack | undefined {
    return this.screenTrack ?? this.local?.getVideoTracks()[0];
  }

  /** What one learner gets: the picture and their mix. */
  outgoing(peerId: string): MediaStreamTrack[] {
    const tracks: MediaStreamTrack[] = [];
    if (this.video) tracks.push(this.video);
    if (this.mixer) tracks.push(this.mixer.trackFor(peerId));
    return tracks;
  }

  /** Points one learner's senders at what everyone else gets now (screen or camera, the current mix). */
  sync(peerId: string, learners: Iterable<string>): void {
    if (this.video) this.media.replaceTrack(peerId, this.video);
    this.refreshAudio(learners);
  }

  /** Points every learner's audio sender at its current mix. */
  refreshAudio(learners: Iterable<string>): void {
    for (const id of learners) {
      const track = this.mixer?.trackFor(id);
      if (track) this.media.replaceTrack(id, track);
    }
  }

  /** Answers an invited speaker's call (replacing an earlier one); `onStream` gets their microphone. */
  takeCall(call: MediaConnection, onStream: (stream: MediaStream) => void): void {
    this.calls.get(call.peer)?.close();
    this.calls.set(call.peer, call);
    call.on('stream', onStream);
    call.answer();
  }

  /** A speaker's voice joins every mix but their own. */
  addSpeaker(peerId: string, stream: MediaStream, learners: Iterable<string>): void {
    this.mixer?.addSpeaker(peerId, stream);
    this.refreshAudio(learners);
  }

  /** A speaker stops: their call ends and their voice leaves the mixes. */
  removeSpeaker(peerId: string, learners: Iterable<string>): void {
    this.calls.get(peerId)?.close();
    this.calls.delete(peerId);
    this.mixer?.removeSpeaker(peerId);
    this.refreshAudio(learners);
  }

  /** Switches every learner's video to the screen, or back to the camera (null); no renegotiation. */
  setScreen(track: MediaStreamTrack | null, learners: Iterable<string>): void {
    this.screenTrack?.stop();
    this.screenTrack = track;
    const video = this.video;
    if (video) for (const id of learners) this.media.replaceTrack(id, video);
  }

  get sharing(): boolean {
    return this.screenTrack !== null;
  }

  get screenStream(): MediaStream | null {
    return this.screenTrack ? new MediaStream([this.screenTrack]) : null;
  }

  set micMuted(muted: boolean) {
    if (this.mixer) this.mixer.hostMuted = muted;
  }

  get micMuted(): boolean {
    return this.mixer?.hostMuted ?? true;
  }

  setCameraOn(on: boolean): void {
    for (const t of this.local?.getVideoTracks() ?? []) t.enabled = on;
  }

  close(): void {
    for (const call of this.calls.values()) call.close();
    this.mixer?.close();
    this.screenTrack?.stop();
    for (const t of this.local?.getTracks() ?? []) t.stop();
  }
}
