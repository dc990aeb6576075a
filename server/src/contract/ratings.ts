import { z } from 'zod';
import type { RatingScores, RatingWeights } from './satisfaction.ts';

// The ratings wire API. The criteria and the satisfaction formula are in satisfaction.ts (zod-free).

const score = z.number().int().min(1).max(5);

/** A learner's rating: 1–5 on three criteria and an optional comment. */
export const ratingRequest = z
  .object({
    ticket: z.string().min(10).max(4096),
    content: score,
    instructor: score,
    interactivity: score,
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type RatingRequest = z.input<typeof ratingRequest>;

export const ratingWeights = z
  .object({
    content: z.number().min(0).max(1),
    instructor: z.number().min(0).max(1),
    interactivity: z.number().min(0).max(1),
  })
  .strict()
  .refine((w) => Math.abs(w.content + w.instructor + w.interactivity - 1) < 1e-6, {
    message: 'weights must add up to 1',
  }) satisfies z.ZodType<RatingWeights>;

/** The owner's view of a workshop's ratings. */
export type RatingSummary = {
  workshopId: string;
  count: number;
  averages: RatingScores | null;
  weights: RatingWeights;
  /** S = w·averages on the 1–5 scale; null before the first rating. */
  satisfaction: number | null;
  comments: { comment: string; createdAt: string }[];
};
