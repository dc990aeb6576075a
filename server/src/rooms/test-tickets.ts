import type { AppDeps } from '../app-deps.ts';
import { newId } from '../ids.ts';

/** Test support: a paid order + active ticket for a workshop, and its signed token. */
export async function paidTicket(
  deps: AppDeps,
  siteId: string,
  workshopId: string,
  email = 'reader@example.org',
) {
  const now = deps.now();
  const order = {
    id: newId('ord'),
    site_id: siteId,
    workshop_id: workshopId,
    status: 'paid' as const,
    email,
    amount: 3000,
    currency: 'EUR',
    provider: 'test',
    provider_session_id: null,
    hold_expires_at: null,
    created_at: now,
    updated_at: now,
    paid_at: now,
    return_url: null,
    provider_payment_id: null,
  };
  await deps.db.insertInto('orders').values(order).execute();
  const row = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  await deps.tickets.issue(deps.db, row);
  const view = await deps.tickets.view(row);
  return { orderId: order.id, token: view!.token };
}
