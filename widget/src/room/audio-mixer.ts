/**
 * The host's outgoing audio. Every learner connection carries one audio track: the host's
 * microphone plus every invited speaker, mixed with Web Audio. A speaker receives a mix without
 * their own voice (no echo), so there is one output per speaker plus one shared by everyone else.
 * Tracks are swapped with `RTCRtpSender.replaceTrack`, which needs no renegotiation.
 */
export class AudioMixer {
  private readonly ctx = new AudioContext();
  private readonly hostGain = this.ctx.createGain();
  private readonly everyone = this.ctx.createMediaStreamDestination();
  private readonly speakers = new Map<
    string,
    { source: MediaStreamAudioSourceNode; out: MediaStreamAudioDestinationNode; stream: MediaStream }
  >();

  constructor(hostMic: MediaStream | null) {
    if (hostMic?.getAudioTracks().length) this.ctx.createMediaStreamSource(hostMic).connect(this.hostGain);
    this.hostGain.connect(this.everyone);
  }

  /** Call from a user gesture: browsers start an AudioContext suspended. */
  resume(): void {
    if (this.ctx.state !== 'running') this.ctx.resume().catch(() => {});
  }

  set hostMuted(muted: boolean) {
    this.hostGain.gain.value = muted ? 0 : 1;
  }

  get hostMuted(): boolean {
    return this.hostGain.gain.value === 0;
  }

  /** The track to send to `peerId`. */
  trackFor(peerId: string): MediaStreamTrack {
    return (this.speakers.get(peerId)?.out ?? this.everyone).stream.getAudioTracks()[0];
  }

  addSpeaker(peerId: string, stream: MediaStream): void {
    this.removeSpeaker(peerId);
    const source = this.ctx.createMediaStreamSource(stream);
    const out = this.ctx.createMediaStreamDestination();
    this.hostGain.connect(out);
    for (const other of this.speakers.values()) {
      other.source.connect(out);
      source.connect(other.out);
    }
    source.connect(this.everyone);
    this.speakers.set(peerId, { source, out, stream });
  }

  removeSpeaker(peerId: string): void {
    const s = this.speakers.get(peerId);
    if (!s) return;
    s.source.disconnect();
    this.hostGain.disconnect(s.out);
    for (const other of this.speakers.values()) if (other !== s) other.source.disconnect(s.out);
    this.speakers.delete(peerId);
  }

  close(): void {
    this.ctx.close().catch(() => {});
  }
}
