/**
 * The host's outgoing audio. Every learner connection carries one audio track. While nobody is
 * invited to speak, that is the host's microphone track itself, and Web Audio sleeps (its context
 * is suspended: no audio thread, no Web Audio copy of the microphone). Once a speaker joins, it
 * is a mix of the host's microphone and every invited speaker, made with Web Audio; a speaker
 * receives a mix without their own voice (no echo), so there is one output per speaker plus one
 * shared by everyone else. The host session swaps tracks with `RTCRtpSender.replaceTrack`, which
 * needs no renegotiation, whenever `trackFor` would answer differently.
 */
export class AudioMixer {
  private readonly ctx = new AudioContext();
  private readonly everyone = this.ctx.createMediaStreamDestination();
  private readonly mic: MediaStreamTrack | null;
  private readonly speakers = new Map<
    string,
    { source: MediaStreamAudioSourceNode; out: MediaStreamAudioDestinationNode; stream: MediaStream }
  >();
  private hostSource: MediaStreamAudioSourceNode | null = null;
  private muted = false;

  constructor(hostMic: MediaStream | null) {
    this.mic = hostMic?.getAudioTracks()[0] ?? null;
    if (this.mic) {
      this.hostSource = this.ctx.createMediaStreamSource(new MediaStream([this.mic]));
      this.hostSource.connect(this.everyone);
    }
    this.sleepOrWake();
  }

  /** Call from a user gesture: browsers start an AudioContext suspended until one. */
  resume(): void {
    this.sleepOrWake();
  }

  /** Mutes the host's microphone: on the track itself, so it holds whether or not Web Audio mixes. */
  set hostMuted(muted: boolean) {
    this.muted = muted;
    if (this.mic) this.mic.enabled = !muted;
  }

  get hostMuted(): boolean {
    return this.muted;
  }

  /** Whether Web Audio is mixing (someone is invited to speak) or the microphone goes out as it is. */
  get mixing(): boolean {
    return this.speakers.size > 0 || !this.mic;
  }

  /** The track to send to `peerId`. */
  trackFor(peerId: string): MediaStreamTrack {
    if (!this.mixing && this.mic) return this.mic;
    return (this.speakers.get(peerId)?.out ?? this.everyone).stream.getAudioTracks()[0];
  }

  addSpeaker(peerId: string, stream: MediaStream): void {
    this.removeSpeaker(peerId);
    const source = this.ctx.createMediaStreamSource(stream);
    const out = this.ctx.createMediaStreamDestination();
    this.hostSource?.connect(out);
    for (const other of this.speakers.values()) {
      other.source.connect(out);
      source.connect(other.out);
    }
    source.connect(this.everyone);
    this.speakers.set(peerId, { source, out, stream });
    this.sleepOrWake();
  }

  removeSpeaker(peerId: string): void {
    const s = this.speakers.get(peerId);
    if (!s) return;
    s.source.disconnect();
    this.hostSource?.disconnect(s.out);
    for (const other of this.speakers.values()) if (other !== s) other.source.disconnect(s.out);
    this.speakers.delete(peerId);
    this.sleepOrWake();
  }

  /** Web Audio runs only while it mixes someone's voice. */
  private sleepOrWake(): void {
    const wanted = this.speakers.size > 0;
    const change =
      wanted && this.ctx.state === 'suspended'
        ? this.ctx.resume()
        : !wanted && this.ctx.state === 'running'
          ? this.ctx.suspend()
          : null;
    // Speakers may come or go while the context changes state: look again once it has.
    change?.then(
      () => this.speakers.size > 0 !== wanted && this.sleepOrWake(),
      () => {},
    );
  }

  close(): void {
    this.ctx.close().catch(() => {});
  }
}
