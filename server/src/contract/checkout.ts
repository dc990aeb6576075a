import { z } from 'zod';

export const checkoutMode = z.enum(['redirect', 'embedded']);
export type CheckoutMode = z.infer<typeof checkoutMode>;

/** `POST /v1/checkout`: holds a seat and starts payment (or registers, when the workshop is free). */
export const checkoutRequest = z
  .object({
    siteId: z.string().min(1).max(64),
    workshopId: z.string().min(1).max(64),
    /** Required for free workshops (the ticket is sent there); optional for paid ones (Stripe asks). */
    email: z.email().max(320).optional(),
    /** Where the reader returns after paying or cancelling: a page on one of the site's origins. */
    returnUrl: z.url().max(2000),
    mode: checkoutMode.default('redirect'),
    locale: z.enum(['en', 'zh-CN']).default('en'),
  })
  .strict();
export type CheckoutRequest = z.input<typeof checkoutRequest>;

export type CheckoutStart =
  | { type: 'redirect'; url: string }
  | { type: 'embedded'; clientSecret: string; publishableKey: string }
  | { type: 'none' };

export type OrderStatus = 'held' | 'paid' | 'expired' | 'cancelled' | 'refunded';

export type TicketView = {
  /** Signed token; the holder may join the room. Keep it secret like a password. */
  token: string;
  workshopId: string;
  siteId: string;
  orderId: string;
  /** Human ticket page on the server. */
  url: string;
  /** `.ics` invite with the join link. */
  icsUrl: string;
  revoked: boolean;
};

/** `GET /v1/orders/:id`: the order id is unguessable and acts as the reader's capability. */
export type OrderView = {
  id: string;
  siteId: string;
  workshopId: string;
  status: OrderStatus;
  amount: number;
  currency: string;
  holdExpiresAt: string | null;
  ticket: TicketView | null;
  /**
   * Set when the payment arrived after its seat was gone and Lectern refunded it in full:
   * `sold_out` (the hold had lapsed and the seat was sold), `workshop_cancelled`, `workshop_ended`.
   */
  refundReason: RefundReason | null;
};

export type RefundReason = 'sold_out' | 'workshop_cancelled' | 'workshop_ended';

/** `GET /v1/sites/:site/owner/orders`: one order as the site's owner sees it. */
export type OwnerOrderView = Omit<OrderView, 'ticket'> & {
  email: string | null;
  provider: string;
  createdAt: string;
  paidAt: string | null;
  /** The provider's id of Lectern's refund; null while a refund of a late payment is still owed. */
  refundId: string | null;
};

export type CheckoutResponse = { order: OrderView; checkout: CheckoutStart };

export const waitlistRequest = z
  .object({
    siteId: z.string().min(1).max(64),
    workshopId: z.string().min(1).max(64),
    email: z.email().max(320),
    locale: z.enum(['en', 'zh-CN']).default('en'),
    /** The page the reader is on; the email offering a freed seat links back to it. */
    pageUrl: z.url().max(2000).optional(),
  })
  .strict();
export type WaitlistRequest = z.input<typeof waitlistRequest>;
export type WaitlistResponse = { position: number };
