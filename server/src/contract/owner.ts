import { z } from 'zod';
import type { OrderStatus, OwnerOrderView, RefundReason } from './checkout.ts';
import { ratingWeights } from './ratings.ts';
import type { ModelSource } from './reco.ts';
import type { RatingScores, RatingWeights } from './satisfaction.ts';

// The owner's management API: attendees, refunds, the waitlist, ratings and site settings.
// Every route is under /v1/sites/:site/owner/… and needs an owner session of that site.

/** `GET /v1/sites/:site/owner/workshops/:workshop/attendees`: one buyer of a workshop. */
export type Attendee = {
  orderId: string;
  /** The name they gave in the live room (null when they never joined it). */
  name: string | null;
  email: string | null;
  status: OrderStatus;
  paidAt: string | null;
  /** Minor units (0 for a free registration). */
  amount: number;
  currency: string;
  provider: string;
  /** `active` opens the room; `revoked` after a refund; null when no ticket was issued. */
  ticket: 'active' | 'revoked' | null;
  /** A room pass of the ticket opened a signalling connection. */
  joined: boolean;
  firstJoinedAt: string | null;
  /** Time connected to the live room, summed over devices and reconnections. */
  secondsInRoom: number;
  /** Why Lectern refunded a late payment; null otherwise (also for an owner's refund). */
  refundReason: RefundReason | null;
  refundId: string | null;
};

export type AttendeeList = { workshopId: string; attendees: Attendee[] };

/** `POST /v1/sites/:site/owner/orders/:order/refund` and `/resend`. */
export type OwnerOrderAction = { order: OwnerOrderView; emailed: boolean };

/** `GET /v1/sites/:site/owner/workshops/:workshop/waitlist`: in the order seats are offered. */
export type WaitlistEntry = {
  position: number;
  email: string;
  locale: string;
  joinedAt: string;
  /** When a freed seat was offered to them (they are skipped by later offers). */
  offeredAt: string | null;
};
export type OwnerWaitlist = { workshopId: string; seatsLeft: number; entries: WaitlistEntry[] };

/** `POST /v1/sites/:site/owner/workshops/:workshop/waitlist/offer`: who was emailed. */
export type WaitlistOffer = { offeredTo: string };

/** One workshop's ratings in `GET /v1/sites/:site/owner/ratings` (comments: `GET /v1/rooms/:w/ratings`). */
export type WorkshopRatings = {
  workshopId: string;
  title: string;
  startsAt: string;
  count: number;
  averages: RatingScores | null;
  satisfaction: number | null;
  comments: { comment: string; createdAt: string }[];
};
export type SiteRatings = {
  weights: RatingWeights;
  /** Every rating of the site, each counted once. */
  overall: { count: number; averages: RatingScores | null; satisfaction: number | null };
  workshops: WorkshopRatings[];
};

/**
 * Payment methods a site may offer at checkout: Stripe Checkout's `payment_method_types` that
 * take a one-off payment in a browser redirect. The dev provider accepts the same list (it only
 * records the choice), so switching to Stripe keeps the site's setting.
 */
export const PAYMENT_METHODS = [
  'card',
  'alipay',
  'wechat_pay',
  'link',
  'paypal',
  'ideal',
  'bancontact',
  'eps',
  'p24',
  'klarna',
  'sepa_debit',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** `PATCH /v1/sites/:site/owner/settings`: what is not already `PATCH /v1/sites/:site`. */
export const siteSettingsUpdate = z
  .object({
    /** The methods offered at checkout; `[]` lets the provider choose (Stripe's dashboard settings). */
    paymentMethods: z
      .array(z.enum(PAYMENT_METHODS))
      .max(PAYMENT_METHODS.length)
      .refine((m) => new Set(m).size === m.length, { message: 'each payment method once' }),
    /** Share of readers who get the model's recommendations (the rest: most popular), 0–1. */
    recoSplit: z.number().min(0).max(1),
    ratingWeights,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'send at least one field to change: paymentMethods, recoSplit, ratingWeights',
  });
export type SiteSettingsUpdate = z.input<typeof siteSettingsUpdate>;

/** `GET /v1/sites/:site/owner/settings`: everything the owner can set, with what is in effect. */
export type SiteSettings = {
  id: string;
  name: string;
  origins: string[];
  /** The payment provider this server uses: `dev` (test page, no money) or `stripe`. */
  provider: 'dev' | 'stripe';
  paymentMethods: PaymentMethod[];
  availablePaymentMethods: PaymentMethod[];
  recoSplit: number;
  ratingWeights: RatingWeights;
  /** The site's current recommendation model, null before the first training. */
  model: { version: string; source: ModelSource; trainedAt: string } | null;
};
