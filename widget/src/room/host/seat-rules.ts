/**
 * What admitting `peerId` to `seat` means for the learners already in: the newest device of a
 * ticket holds its seat, so other peers on that seat are superseded; and a newcomer beyond the
 * learner limit is turned away (the same peer coming back is never "full": it replaces itself).
 */
export function seatDecision(
  learners: readonly { peerId: string; seat: string }[],
  newcomer: { peerId: string; seat: string },
  limit: number,
): { supersede: string[]; full: boolean } {
  const supersede = learners
    .filter((l) => l.seat === newcomer.seat && l.peerId !== newcomer.peerId)
    .map((l) => l.peerId);
  const staying = learners.length - supersede.length;
  const returning = learners.some((l) => l.peerId === newcomer.peerId);
  return { supersede, full: !returning && staying >= limit };
}
