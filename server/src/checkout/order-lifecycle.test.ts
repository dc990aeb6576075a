import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../db/schema.ts';
import { OrderLifecycle, type OrderLifecycleDeps } from './order-lifecycle.ts';
import type { OrderStore } from './order-store.ts';

const order = { id: 'ord_1', site_id: 'blog', workshop_id: 'ws_1', email: null } as OrderRow;

/**
 * The lifecycle over a store that reports one changed order (or none) and collaborators that
 * record what was asked of them, in order; `failing` makes the waitlist and rooms reject.
 */
function lifecycle({ changed = true, failing = false } = {}) {
  const calls: string[] = [];
  const warnings: string[] = [];
  const result = async () => (changed ? order : null);
  const store = { markPaid: result, release: result, refund: result } as unknown as OrderStore;
  const settle = (name: string) => {
    calls.push(name);
    return failing ? Promise.reject(new Error(`${name} down`)) : Promise.resolve(null);
  };
  const deps = {
    log: { warn: (_: unknown, message: string) => warnings.push(message) },
    workshops: { seatsChanged: (siteId: string) => calls.push(`seats changed: ${siteId}`) },
    // No email address on the order: the ticket email is a no-op without calling the mailer.
    mailer: { enabled: true },
    waitlist: { offerNext: (workshopId: string) => settle(`waitlist offer: ${workshopId}`) },
    rooms: { orderRefunded: (orderId: string) => settle(`room passes closed: ${orderId}`) },
  } as unknown as OrderLifecycleDeps;
  return { orders: new OrderLifecycle(store, deps), calls, warnings };
}

describe('OrderLifecycle', () => {
  it('a payment changes the seat counts', async () => {
    const { orders, calls } = lifecycle();
    expect(await orders.markPaid('ord_1')).toBe(true);
    expect(calls).toEqual(['seats changed: blog']);
  });

  it('a released hold changes the seat counts and offers the seat to the waitlist', async () => {
    const { orders, calls } = lifecycle();
    expect(await orders.release('ord_1', 'expired')).toBe(true);
    expect(calls).toEqual(['seats changed: blog', 'waitlist offer: ws_1']);
  });

  it("a refund frees the seat, then closes the ticket's room passes", async () => {
    const { orders, calls } = lifecycle();
    expect(await orders.refund('ord_1')).toBe(true);
    expect(calls).toEqual(['seats changed: blog', 'waitlist offer: ws_1', 'room passes closed: ord_1']);
  });

  it('nothing follows a transition that changed nothing (a duplicate or out-of-order call)', async () => {
    const { orders, calls } = lifecycle({ changed: false });
    expect(await orders.markPaid('ord_1')).toBe(false);
    expect(await orders.release('ord_1', 'cancelled')).toBe(false);
    expect(await orders.refund('ord_1')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a failing consequence is logged and does not undo the refund', async () => {
    const { orders, warnings } = lifecycle({ failing: true });
    expect(await orders.refund('ord_1')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warnings).toEqual(['waitlist offer failed', 'closing room passes failed']);
  });
});
