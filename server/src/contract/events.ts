import { z } from 'zod';
import { EVENT_TYPES } from './event-types.ts';

export const behaviourEvent = z
  .object({
    id: z.uuid(),
    /** Milliseconds since the epoch, from the browser's clock. */
    ts: z.number().int().positive(),
    site: z.string().min(1).max(64),
    anon: z.string().min(8).max(64),
    session: z.string().min(8).max(64),
    type: z.enum(EVENT_TYPES),
    workshop: z.string().max(64).optional(),
    /** Path only: the outbox strips query strings and fragments before upload. */
    path: z
      .string()
      .max(512)
      .regex(/^\/[^?#]*$/, 'must be a path without query string or fragment')
      .optional(),
    /** A number whose meaning depends on type: dwell ms, scroll %, interaction count, rating. */
    value: z.number().finite().optional(),
    /** Short machine labels only (e.g. model version, A/B variant, interaction kind). */
    label: z
      .string()
      .max(64)
      .regex(/^[\w.:-]*$/, 'must be a short machine label')
      .optional(),
  })
  .strict();
export type BehaviourEvent = z.infer<typeof behaviourEvent>;

export const MAX_EVENTS_PER_BATCH = 100;

export const eventBatch = z
  .object({ events: z.array(behaviourEvent).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict();
export type EventBatch = z.infer<typeof eventBatch>;
export type EventBatchResult = { accepted: number; duplicates: number };
