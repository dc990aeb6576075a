import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../db/schema.ts';
import { OrderLifecycle, type OrderLifecycleDeps } from './order-lifecycle.ts';
import type { OrderStore } from './order-store.ts';

const order = { id: 'ord_1', site_id: 'blog', workshop_id: 'ws_1', email: null } as OrderRow;

/**
 * The lifecycle over a store that reports one changed order (or none) and collaborators that
 * record what was asked of them, in order; `failing` makes the waitlist and rooms reject.
 */
function lifecycle({ changed = true, failing = false, outcome = 'paid' } = {}) {
  const calls: string[] = [];
  const warnings: string[] = [];
  const result = async () => (changed ? order : null);
  const late = { ...order, status: 'refunded', refund_reason: 'sold_out', provider_payment_id: 'pi_1' };
  const store = {
    settle: async () => (changed ? { outcome, order: outcome === 'paid' ? order : late } : null),
    get: async () => order,
    refundSent: async (_: string, refundId: string) => calls.push(`refund recorded: ${refundId}`),
    release: result,
    refund: result,
  } as unknown as OrderStore;
  const settle = (name: string) => {
    calls.push(name);
    return failing ? Promise.reject(new Error(`${name} down`)) : Promise.resolve(null);
  };
  const deps = {
    log: { warn: (_: unknown, message: string) => warnings.push(message), error: () => {} },
    workshops: { seatsChanged: (siteId: string) => calls.push(`seats changed: ${siteId}`) },
    // No email address on the order: the ticket email is a no-op without calling the mailer.
    mailer: { enabled: true },
    waitlist: { offerNext: (workshopId: string) => settle(`waitlist offer: ${workshopId}`) },
    rooms: { orderRefunded: (orderId: string) => settle(`room passes closed: ${orderId}`) },
    payments: {
      refund: async ({ paymentId }: { paymentId: string }) => {
        calls.push(`provider refund: ${paymentId}`);
        if (failing) throw new Error('provider down');
        return 're_1';
      },
    },
  } as unknown as OrderLifecycleDeps;
  return { orders: new OrderLifecycle(store, deps), calls, warnings };
}

describe('OrderLifecycle', () => {
  it('a payment changes the seat counts', async () => {
    const { orders, calls } = lifecycle();
    expect(await orders.markPaid('ord_1')).toBe('paid');
    expect(calls).toEqual(['seats changed: blog']);
  });

  it('a payment whose seat was gone is refunded through the provider, then recorded; no ticket', async () => {
    const { orders, calls, warnings } = lifecycle({ outcome: 'refund_owed' });
    expect(await orders.markPaid('ord_1')).toBe('refunded');
    expect(calls).toEqual(['seats changed: blog', 'provider refund: pi_1', 'refund recorded: re_1']);
    expect(warnings).toEqual([
      'payment arrived after its seat was gone: refunding it',
      'late payment refunded',
    ]);
  });

  it('a refund the provider refuses stays owed and fails the call (502), so it is retried', async () => {
    const { orders, calls } = lifecycle({ outcome: 'refund_owed', failing: true });
    await expect(orders.markPaid('ord_1')).rejects.toMatchObject({
      status: 502,
      code: 'payment_unavailable',
    });
    expect(calls).toEqual(['seats changed: blog', 'provider refund: pi_1']);
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
    expect(await orders.markPaid('ord_1')).toBe(null);
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
