/** How long a learner's picture starts at full resolution (`startFullResolution`). */
export const FULL_START_MS = 3000;

/**
 * A shared screen keeps its resolution (text stays legible; frame rate gives way under load), a
 * camera adapts both ("balanced").
 */
export function preferenceFor(contentHint: string): RTCDegradationPreference {
  return contentHint === 'detail' || contentHint === 'text' ? 'maintain-resolution' : 'balanced';
}

/** Sets how a video sender gives way under CPU or bandwidth limits (no renegotiation). */
export async function prefer(
  sender: RTCRtpSender,
  degradationPreference: RTCDegradationPreference,
): Promise<void> {
  try {
    await sender.setParameters({ ...sender.getParameters(), degradationPreference });
  } catch {
    // A browser without this setting keeps its own default.
  }
}

/**
 * A new video sender starts from WebRTC's default estimate of 300 kbit/s; adapting as usual,
 * Chrome's encoder then drops its first frames and starts over at half the width and height, so
 * the learner waited longer for a blurrier first picture (a probe of the rooms bench: 320×240
 * after 175–300 ms instead of 640×480 after 100–190 ms, BENCHMARKS.md). The picture starts at full
 * resolution; once the connection's estimate has caught up, the encoder adapts as usual.
 */
export async function startFullResolution(sender: RTCRtpSender): Promise<void> {
  await prefer(sender, 'maintain-resolution');
  setTimeout(
    () => sender.track && void prefer(sender, preferenceFor(sender.track.contentHint)),
    FULL_START_MS,
  );
}
