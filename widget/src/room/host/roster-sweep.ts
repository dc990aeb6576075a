/** An admitted learner as the roster sweep sees them. */
export type SweptLearner = {
  peerId: string;
  /** When the host admitted them (a roster read that began earlier may not list them yet). */
  since: number;
  /** Roster reads in a row that did not list them. */
  unlisted: number;
};

/**
 * Decides whom to let go of after a roster read that began at `readStartedAt`: a learner goes
 * only when two reads in a row miss them, because a ticket moving to another device leaves the
 * roster a moment before its new device reaches the host (which then says "superseded", the right
 * goodbye for that case). Learners admitted after the read began are left alone. Returns every
 * learner's new count of misses and the ids to drop.
 */
export function sweepRoster(
  learners: readonly SweptLearner[],
  listed: ReadonlySet<string>,
  readStartedAt: number,
): { unlisted: Map<string, number>; drop: string[] } {
  const unlisted = new Map<string, number>();
  const drop: string[] = [];
  for (const l of learners) {
    const misses = listed.has(l.peerId) || l.since >= readStartedAt ? 0 : l.unlisted + 1;
    unlisted.set(l.peerId, misses);
    if (misses >= 2) drop.push(l.peerId);
  }
  return { unlisted, drop };
}
