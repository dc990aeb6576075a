import { signal } from '@preact/signals';
import { api } from '../api/client.ts';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import { type StoredTicket, saveTicket } from '../tickets/ticket-store.ts';
import { track } from '../track.ts';

export type ReturnState =
  | { step: 'confirming' }
  | { step: 'slow' }
  | { step: 'paid'; ticket: StoredTicket }
  | { step: 'cancelled' }
  | { step: 'failed' };

/** Shared by every element on the page: only one of them shows it. */
export const returnState = signal<ReturnState | null>(null);
let started = false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The reader came back from the payment page (`?lectern_order=…`): wait for the webhook to mark
 * the order paid, keep the ticket on this device, and tidy the URL. Polls with back-off and stops
 * after about a minute with a calm "still confirming" message.
 */
export function handleCheckoutReturn(config: WidgetConfig): void {
  if (started) return;
  const params = new URLSearchParams(location.search);
  const orderId = params.get('lectern_order');
  if (!orderId) return;
  started = true;
  const cancelled = params.get('lectern_checkout') === 'cancelled';
  const clean = new URL(location.href);
  clean.searchParams.delete('lectern_order');
  clean.searchParams.delete('lectern_checkout');
  history.replaceState(history.state, '', clean.toString());
  if (cancelled) {
    returnState.value = { step: 'cancelled' };
    return;
  }
  returnState.value = { step: 'confirming' };
  void poll(config, orderId);
}

async function poll(config: WidgetConfig, orderId: string) {
  const deadline = Date.now() + 60_000;
  let wait = 500;
  while (Date.now() < deadline) {
    try {
      const order = await api.order(config, orderId);
      if (order.status === 'paid' && order.ticket) {
        const workshop = await api.workshop(config, order.workshopId);
        const ticket = await saveTicket(order, workshop);
        if (ticket) {
          returnState.value = { step: 'paid', ticket };
          track('purchase', { workshop: order.workshopId });
          emit('lectern:purchase', { workshopId: order.workshopId, orderId });
        }
        return;
      }
      if (order.status === 'expired' || order.status === 'cancelled' || order.status === 'refunded') {
        returnState.value = { step: 'failed' };
        return;
      }
    } catch (err) {
      emit('lectern:error', { type: 'network', message: String(err) });
    }
    await sleep(wait);
    wait = Math.min(wait * 1.6, 5_000);
  }
  returnState.value = { step: 'slow' };
}
