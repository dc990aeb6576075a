import { z } from 'zod';
import { isIanaTimeZone, isIsoCurrency } from './validators.ts';

export const workshopStatus = z.enum(['draft', 'published', 'cancelled']);
export type WorkshopStatus = z.infer<typeof workshopStatus>;

const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 instant, e.g. 2027-01-15T17:00:00Z',
});

/** Fields an owner may set. `.strict()` turns unknown fields into a 400 rather than silently dropping them. */
export const workshopFields = z
  .object({
    title: z.string().trim().min(1).max(160),
    summary: z.string().trim().max(400).default(''),
    /** A safe Markdown subset: paragraphs, emphasis, links, lists, inline code. Never HTML. */
    description: z.string().max(20_000).default(''),
    hostName: z.string().trim().min(1).max(120),
    startsAt: isoInstant,
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    timeZone: z.string().refine(isIanaTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin'),
    capacity: z.number().int().min(1).max(100_000),
    /** Price in minor units of `currency` (cents, fen…); 0 means free. */
    priceAmount: z.number().int().min(0).max(100_000_000),
    currency: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine(isIsoCurrency, 'must be an ISO 4217 currency code, e.g. EUR'),
    tags: z.array(z.string().trim().min(1).max(40)).max(12).default([]),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. en or zh-CN')
      .default('en'),
  })
  .strict();

export const workshopCreate = workshopFields;
export type WorkshopCreate = z.input<typeof workshopCreate>;
/** What the server stores after validation (defaults applied, currency upper-cased). */
export type WorkshopInput = z.output<typeof workshopCreate>;
export const workshopUpdate = workshopFields.partial().strict();
export type WorkshopUpdate = z.input<typeof workshopUpdate>;
export type WorkshopPatchInput = z.output<typeof workshopUpdate>;

/** A workshop as the public API returns it. */
export const publicWorkshop = z.object({
  id: z.string(),
  siteId: z.string(),
  status: workshopStatus,
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  hostName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  priceAmount: z.number(),
  currency: z.string(),
  tags: z.array(z.string()),
  language: z.string(),
  /** When the host ended the live room (ISO), or null: an ended room sells no more seats. */
  roomEndedAt: z.string().nullable(),
});
export type PublicWorkshop = z.infer<typeof publicWorkshop>;

/** The owner's view adds bookkeeping fields. */
export type OwnerWorkshop = PublicWorkshop & {
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
  paidCount: number;
  heldCount: number;
  /** What the paid orders brought in, in minor units of `currency` (refunded orders are not paid). */
  revenueAmount: number;
};

/** `POST …/workshops/:id/cancel`: the workshop, and how its paid tickets were refunded. */
export type WorkshopCancelled = OwnerWorkshop & {
  /** Paid tickets refunded in full, revoked and their buyers emailed by this call. */
  refundedOrders: number;
  /** Refunds the payment provider refused just now; those orders stay paid until cancel is retried. */
  refundsFailed: number;
};

export type WorkshopList = { site: { id: string; name: string }; workshops: PublicWorkshop[] };
