import type { RatingWeights } from '../rooms/contract.ts';

/** The default: S = 0.4·content + 0.3·instructor + 0.3·interactivity. */
export const DEFAULT_WEIGHTS: RatingWeights = { content: 0.4, instructor: 0.3, interactivity: 0.3 };

type Scores = { content: number; instructor: number; interactivity: number };

/** Weighted satisfaction on the 1–5 scale, rounded to two decimals. */
export function satisfaction(scores: Scores, weights: RatingWeights = DEFAULT_WEIGHTS): number {
  const s =
    weights.content * scores.content +
    weights.instructor * scores.instructor +
    weights.interactivity * scores.interactivity;
  return Math.round(s * 100) / 100;
}

/** A site's weights from its settings, falling back to the default when unset or malformed. */
export function weightsOf(settings: Record<string, unknown>): RatingWeights {
  const w = settings.ratingWeights as Partial<RatingWeights> | undefined;
  if (
    w &&
    typeof w.content === 'number' &&
    typeof w.instructor === 'number' &&
    typeof w.interactivity === 'number'
  ) {
    return { content: w.content, instructor: w.instructor, interactivity: w.interactivity };
  }
  return DEFAULT_WEIGHTS;
}
