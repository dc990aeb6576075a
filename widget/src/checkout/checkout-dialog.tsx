import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, type PublicWorkshop } from '../api/client.ts';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import type { Strings } from '../i18n/strings.ts';
import { track } from '../track.ts';
import { priceLabel } from '../ui/workshop-card.tsx';

type Props = {
  workshop: PublicWorkshop;
  config: WidgetConfig;
  t: Strings;
  onClose(): void;
  /** The workshop's seats changed under the reader (sold out meanwhile, or they took one): show it. */
  onSeatsChanged?(): void;
};

type State =
  | { step: 'form'; error?: string }
  | { step: 'working' }
  | { step: 'waitlist'; error?: string; joined?: number }
  | { step: 'embedded' }
  /** A free registration waits for the link emailed to the reader (the link leads back with the ticket). */
  | { step: 'confirm-email'; email: string; minutes: number };

/** The page without Lectern's own query parameters: where the reader comes back to. */
export function returnUrl(): string {
  const url = new URL(location.href);
  for (const key of [...url.searchParams.keys()])
    if (key.startsWith('lectern_')) url.searchParams.delete(key);
  url.hash = '';
  return url.toString();
}

/**
 * Booking dialog: a native modal <dialog> (focus stays inside, Esc closes, focus returns to the
 * button that opened it). Paid workshops go to the payment page; free ones register here.
 */
export function CheckoutDialog({ workshop: w, config, t, onClose, onSeatsChanged }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const embedTarget = useRef<HTMLDivElement>(null);
  const free = w.priceAmount === 0;
  const [state, setState] = useState<State>(w.seatsLeft === 0 ? { step: 'waitlist' } : { step: 'form' });
  const [email, setEmail] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  function fail(err: unknown, message: string) {
    emit('lectern:error', {
      type: err instanceof ApiError && err.code === 'network' ? 'network' : 'checkout',
      message: String(err),
    });
    return message;
  }

  async function book(e: Event) {
    e.preventDefault();
    if (free && !/^\S+@\S+\.\S+$/.test(email)) return setState({ step: 'form', error: t.invalidEmail });
    setState({ step: 'working' });
    try {
      const res = await api.checkout(config, {
        siteId: config.site,
        workshopId: w.id,
        email: email || undefined,
        returnUrl: returnUrl(),
        mode: config.checkout,
        locale: config.locale,
      });
      track('checkout_start', { workshop: w.id });
      const mode = res.checkout.type === 'none' ? 'free' : res.checkout.type;
      emit('lectern:checkout', { workshopId: w.id, orderId: res.order.id, mode });
      if (res.checkout.type === 'redirect') {
        location.assign(res.checkout.url);
        return;
      }
      if (res.checkout.type === 'embedded') {
        const { clientSecret, publishableKey } = res.checkout;
        setState({ step: 'embedded' });
        const { mountEmbeddedCheckout } = await import('./embedded-checkout.ts');
        await mountEmbeddedCheckout(embedTarget.current!, publishableKey, clientSecret, () => {
          const url = new URL(returnUrl());
          url.searchParams.set('lectern_order', res.order.id);
          location.assign(url.toString());
        });
        return;
      }
      // Free: the seat is held until the reader follows the emailed link; the confirmation page
      // leads back here with `lectern_order`, and the return flow keeps the ticket on the device.
      const heldMs = Date.parse(res.order.holdExpiresAt ?? '') - Date.now();
      setState({ step: 'confirm-email', email, minutes: Math.max(1, Math.round(heldMs / 60_000) || 15) });
      onSeatsChanged?.();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'sold_out') {
        // Someone else took the last seat: the card behind the dialog must stop offering it.
        onSeatsChanged?.();
        return setState({ step: 'waitlist', error: t.soldOutNow });
      }
      if (err instanceof ApiError && err.code === 'too_many_holds')
        return setState({ step: 'form', error: t.tooManyHolds });
      if (err instanceof ApiError && err.code === 'room_ended')
        return setState({ step: 'form', error: t.endedNow });
      if (err instanceof ApiError && err.code === 'validation_failed' && /email/i.test(err.message)) {
        return setState({ step: 'form', error: t.invalidEmail });
      }
      const down = err instanceof ApiError && (err.code === 'payment_unavailable' || err.code === 'network');
      setState({ step: 'form', error: fail(err, down ? t.paymentsDown : t.checkoutFailed) });
    }
  }

  async function joinWaitlist(e: Event) {
    e.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email)) return setState({ step: 'waitlist', error: t.invalidEmail });
    try {
      const { position } = await api.waitlist(config, {
        siteId: config.site,
        workshopId: w.id,
        email,
        locale: config.locale,
        pageUrl: returnUrl(),
      });
      setState({ step: 'waitlist', joined: position });
    } catch (err) {
      setState({ step: 'waitlist', error: fail(err, t.checkoutFailed) });
    }
  }

  const titleId = `lectern-dialog-${w.id}`;
  const waitlist = state.step === 'waitlist';
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {state.step === 'confirm-email' ? (
        <div class="sheet" style="padding:22px">
          <h2 id={titleId}>{t.confirmEmailTitle}</h2>
          <p role="status">{t.confirmEmail(state.email, state.minutes)}</p>
          <div class="actions">
            <button type="button" onClick={onClose}>
              {t.close}
            </button>
          </div>
        </div>
      ) : (
        <form class="sheet" onSubmit={waitlist ? joinWaitlist : book} noValidate>
          <h2 id={titleId}>{waitlist ? t.joinWaitlist : t.dialogTitle}</h2>
          <p class="meta" style="margin:0">
            {w.title} · {priceLabel(w, config.locale, t)}
          </p>
          {state.step === 'embedded' ? (
            <div ref={embedTarget} class="embedded" />
          ) : waitlist && state.joined ? (
            <p role="status">{t.waitlistJoined(state.joined)}</p>
          ) : (
            <label>
              {t.email}
              <input
                type="email"
                name="email"
                autoComplete="email"
                required={free || waitlist}
                value={email}
                onInput={(e) => setEmail((e.target as HTMLInputElement).value.trim())}
                aria-describedby={`${titleId}-help`}
              />
              <span class="help" id={`${titleId}-help`}>
                {free || waitlist ? t.emailHelpFree : t.emailHelpPaid}
              </span>
            </label>
          )}
          {'error' in state && state.error && (
            <p class="err" role="alert">
              {state.error}
            </p>
          )}
          <div class="actions">
            <button type="button" class="ghost" onClick={onClose}>
              {waitlist && state.joined ? t.close : t.cancel}
            </button>
            {state.step !== 'embedded' && !(waitlist && state.joined) && (
              <button type="submit" disabled={state.step === 'working'}>
                {state.step === 'working'
                  ? t.working
                  : waitlist
                    ? t.joinWaitlist
                    : free
                      ? t.register
                      : t.pay(priceLabel(w, config.locale, t))}
              </button>
            )}
          </div>
        </form>
      )}
    </dialog>
  );
}
