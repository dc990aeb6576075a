import type { Segment, SegmentProfile, SegmentsPanel } from '../contract/analytics.ts';
import { MIN_LEARNERS_PER_ROW } from '../contract/analytics.ts';
import { kmeans } from './kmeans.ts';
import { type LearnerActivity, stableSample } from './learners.ts';
import { round } from './stats.ts';

export const MAX_SEGMENTS = 4;
/** Learners needed before segments mean anything (and each can hold 5). */
export const MIN_LEARNERS = 40;
const MAX_POINTS = 5_000;

const profileOf = (l: LearnerActivity): SegmentProfile => ({
  views: l.pageViews + l.workshopViews,
  purchases: l.purchases,
  attended: l.roomJoins,
  interactions: l.interactions,
});

/**
 * K-means segments of readers by behaviour (views, purchases, attendance, interactions), on
 * log-scaled standardised counts so that one heavy reader does not make a segment of their own.
 * Fewer segments are made when one would cover fewer than 5 learners.
 */
export function segmentsPanel(learners: readonly LearnerActivity[]): SegmentsPanel {
  if (learners.length < MIN_LEARNERS)
    return { status: 'too_little_data', needed: MIN_LEARNERS, have: learners.length };
  const sample = stableSample(learners, (l) => l.anon, MAX_POINTS).map(profileOf);
  const keys = ['views', 'purchases', 'attended', 'interactions'] as const;
  const logged = sample.map((p) => keys.map((k) => Math.log1p(p[k])));
  const means = keys.map((_, j) => logged.reduce((s, p) => s + p[j], 0) / logged.length);
  const sds = means.map(
    (m, j) => Math.sqrt(logged.reduce((s, p) => s + (p[j] - m) ** 2, 0) / logged.length) || 1,
  );
  const points = logged.map((p) => p.map((v, j) => (v - means[j]) / sds[j]));
  for (let k = MAX_SEGMENTS; k >= 1; k--) {
    const assign = kmeans(points, k);
    const segments: Segment[] = [];
    for (let c = 0; c < k; c++) {
      const members = sample.filter((_, i) => assign[i] === c);
      if (!members.length) continue;
      const profile = {} as SegmentProfile;
      for (const key of keys)
        profile[key] = round(members.reduce((s, m) => s + m[key], 0) / members.length, 2);
      segments.push({ id: 0, size: members.length, share: round(members.length / sample.length), profile });
    }
    if (k > 1 && segments.some((s) => s.size < MIN_LEARNERS_PER_ROW)) continue;
    // Largest first, numbered in that order, so the ids read the same on every run.
    segments.sort((a, b) => b.size - a.size);
    for (const [i, s] of segments.entries()) s.id = i + 1;
    return { status: 'clustered', k: segments.length, learners: learners.length, segments };
  }
  return { status: 'too_little_data', needed: MIN_LEARNERS, have: learners.length };
}
