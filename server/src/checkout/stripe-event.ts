import type Stripe from 'stripe';
import { z } from 'zod';
import { HttpError } from '../http/http-error.ts';
import type { Logger } from '../log.ts';

// Stripe's own default: a signature older than five minutes may be a replay.
const TOLERANCE_SECONDS = 300;

// What the handlers read from every event. A correctly signed body is still only as well formed
// as whoever holds the secret made it (`null`, `[]`, an `id` that is a number): refuse it here.
const eventShape = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.looseObject({ object: z.looseObject({}) }),
});

type Delivery = { raw: string; signature: string; secret: string; now: number; log: Logger };

/**
 * A webhook delivery checked before anything acts on it: the signature over the raw body, its
 * timestamp within the tolerance in both directions (the SDK only refuses old ones; a timestamp
 * far in the future would make a captured delivery replayable for as long), and the event's
 * shape. Every refusal is a logged 400, so Stripe shows it as failed and retries.
 */
export function verifyStripeEvent(
  stripe: Stripe,
  { raw, signature, secret, now, log }: Delivery,
): Stripe.Event {
  const refuse = (message: string, cause?: unknown) => {
    log.warn({ reason: message, cause }, 'stripe webhook refused');
    return new HttpError(400, 'bad_request', message, { cause });
  };
  let event: unknown;
  try {
    event = stripe.webhooks.constructEvent(raw, signature, secret, TOLERANCE_SECONDS, undefined, now);
  } catch (cause) {
    throw refuse('Webhook signature verification failed', cause);
  }
  const timestamp = Number(/(?:^|,)\s*t=(\d+)/.exec(signature)?.[1]);
  if (!(timestamp * 1000 <= now + TOLERANCE_SECONDS * 1000)) {
    throw refuse('Webhook timestamp is in the future beyond the tolerance');
  }
  const shape = eventShape.safeParse(event);
  if (!shape.success) throw refuse('Webhook event is malformed', shape.error.issues);
  return event as Stripe.Event;
}
