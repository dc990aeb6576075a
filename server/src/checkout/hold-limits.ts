import { createHmac } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { HoldsConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/http-error.ts';

/**
 * Who asked for a hold, as stored on the order: a keyed hash of the client address, so the table
 * never keeps addresses yet holds from one client can be counted.
 */
export function clientKeyOf(secret: string, clientAddress: string): string {
  return createHmac('sha256', secret).update(`hold-client:${clientAddress}`).digest('base64url').slice(0, 32);
}

export type Holder = { clientKey: string; email?: string };

type Scope = 'client_workshop' | 'client_site' | 'email_workshop';

const activeHolds = (db: Kysely<Database>, now: number) =>
  db
    .selectFrom('orders')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`min(hold_expires_at)`.as('first_lapse')])
    .where('status', '=', 'held')
    .where('hold_expires_at', '>', now);

/**
 * Refuses a new hold when this reader already holds too many seats, unpaid or unconfirmed: per
 * client address for the workshop and for the whole site (429, Retry-After when the first of
 * them lapses), and per email for the workshop (409: the same person, maybe on another device).
 * Runs inside the hold's transaction, so concurrent checkouts from one client cannot slip past.
 */
export async function checkHoldLimits(
  trx: Transaction<Database>,
  limits: HoldsConfig,
  workshop: { id: string; siteId: string },
  holder: Holder,
  now: number,
): Promise<void> {
  const checks: [Scope, number, ReturnType<typeof activeHolds>][] = [
    [
      'client_workshop',
      limits.perClientWorkshop,
      activeHolds(trx, now).where('workshop_id', '=', workshop.id).where('client_key', '=', holder.clientKey),
    ],
    [
      'client_site',
      limits.perClientSite,
      activeHolds(trx, now).where('site_id', '=', workshop.siteId).where('client_key', '=', holder.clientKey),
    ],
  ];
  if (holder.email) {
    checks.push([
      'email_workshop',
      limits.perEmailWorkshop,
      activeHolds(trx, now)
        .where('workshop_id', '=', workshop.id)
        .where(sql<string>`lower(email)`, '=', holder.email.toLowerCase()),
    ]);
  }
  for (const [scope, limit, query] of checks) {
    if (limit === 0) continue;
    const { n, first_lapse } = await query.executeTakeFirstOrThrow();
    if (Number(n) < limit) continue;
    const retryAt = Number(first_lapse);
    throw tooManyHolds(scope, limit, retryAt, Math.max(1, Math.ceil((retryAt - now) / 1000)));
  }
}

const messages: Record<Scope, (limit: number) => string> = {
  client_workshop: (limit) =>
    `You already hold ${limit === 1 ? 'a seat' : `${limit} seats`} for this workshop. Finish that checkout, or try again once the hold lapses.`,
  client_site: (limit) =>
    `You already hold ${limit} unpaid seats on this site. Finish a checkout, or try again once a hold lapses.`,
  email_workshop: () =>
    'A seat for this workshop is already held for this email. Finish that checkout (or confirm the emailed link), or try again once the hold lapses.',
};

function tooManyHolds(scope: Scope, limit: number, retryAt: number, retryAfterSeconds: number) {
  const perClient = scope !== 'email_workshop';
  return new HttpError(perClient ? 429 : 409, 'too_many_holds', messages[scope](limit), {
    details: { scope, limit, retryAt: new Date(retryAt).toISOString() },
    headers: perClient ? { 'Retry-After': String(retryAfterSeconds) } : undefined,
  });
}
