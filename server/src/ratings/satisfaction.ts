import { DEFAULT_WEIGHTS, type RatingWeights } from '../contract/satisfaction.ts';

// The formula itself is in contract/satisfaction.ts, where the learner's room imports it too.

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
