import { z } from 'zod';

/** Every error the API answers with, as `{ error: { code, message } }`. */
export const errorCodes = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  'sold_out',
  'not_purchasable',
  'hold_expired',
  'rate_limited',
  'payment_unavailable',
  'room_closed',
  'too_many_holds',
  'not_attended',
  'room_ended',
  // The owner's management API (contract/owner.ts).
  'already_refunded',
  'not_refundable',
  'not_paid',
  'mail_unavailable',
  'no_free_seat',
  'waitlist_empty',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z.object({
  error: z.object({ code: z.enum(errorCodes), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;
