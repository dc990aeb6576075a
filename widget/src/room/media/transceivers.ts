/**
 * The directions of the host's answer to a learner's first offer, one per media line in offer
 * order: the first line of each kind carries the host's picture or sound (`sendonly`), any other
 * line is refused (`inactive`): learners send the host nothing on this connection.
 */
export function answerDirections(kinds: readonly string[]): RTCRtpTransceiverDirection[] {
  const seen = new Set<string>();
  return kinds.map((kind) => {
    const direction = seen.has(kind) ? 'inactive' : 'sendonly';
    seen.add(kind);
    return direction;
  });
}

/**
 * Which line carries each kind once the answer is applied: the first one of that kind the host
 * now sends on. Empty when the offer asked for no media (see `PeerMediaTransport.offer`).
 */
export function sendingLines(
  lines: readonly { kind: string; currentDirection: RTCRtpTransceiverDirection | null }[],
): Map<string, number> {
  const slots = new Map<string, number>();
  lines.forEach((line, i) => {
    if (line.currentDirection === 'sendonly' && !slots.has(line.kind)) slots.set(line.kind, i);
  });
  return slots;
}
