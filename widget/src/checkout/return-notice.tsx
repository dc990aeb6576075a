import type { Locale } from '../i18n/locale.ts';
import type { Strings } from '../i18n/strings.ts';
import { returnState } from './return-flow.ts';
import { TicketCard } from './ticket-card.tsx';

/** What happened to the reader's checkout, shown at the top of the element that claimed it. */
export function ReturnNotice({ locale, t, level }: { locale: Locale; t: Strings; level: number }) {
  const Heading = `h${level}` as 'h2';
  const state = returnState.value;
  if (!state) return null;
  if (state.step === 'paid') {
    return (
      <section class="notice" role="status" aria-live="polite">
        <Heading style="margin:0 0 8px;font-size:1.1em">{t.ticketTitle}</Heading>
        <TicketCard ticket={state.ticket} locale={locale} t={t} level={Math.min(level + 1, 6)} />
      </section>
    );
  }
  const text = {
    confirming: t.confirming,
    slow: t.confirmSlow,
    cancelled: t.checkoutCancelled,
    failed: t.paymentFailed,
  }[state.step];
  return (
    <p class={`notice${state.step === 'failed' ? ' error' : ''}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
