// No zod here: the learner's room imports the criteria and the formula at run time
// (`@lectern/server/contract/satisfaction`), so the formula exists once. The room logs S with the
// default weights (a learner's endpoints do not expose a site's own); the owner's summary
// recomputes S from the stored scores with the site's weights.

/** What a learner rates, 1–5 each, in the order the rating form asks. */
export const RATING_CRITERIA = ['content', 'instructor', 'interactivity'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

/** One score (or average) per criterion, on the 1–5 scale. */
export type RatingScores = Record<RatingCriterion, number>;
/** One weight per criterion; the weights add up to 1. */
export type RatingWeights = Record<RatingCriterion, number>;

/** The default: S = 0.4·content + 0.3·instructor + 0.3·interactivity. */
export const DEFAULT_WEIGHTS: RatingWeights = { content: 0.4, instructor: 0.3, interactivity: 0.3 };

/** Weighted satisfaction on the 1–5 scale, rounded to two decimals. */
export function satisfaction(scores: RatingScores, weights: RatingWeights = DEFAULT_WEIGHTS): number {
  const s = RATING_CRITERIA.reduce((sum, c) => sum + weights[c] * scores[c], 0);
  return Math.round(s * 100) / 100;
}
