import type { Attendee } from '@lectern/server/contract';
import { useState } from 'preact/hooks';
import { formatPrice } from '../../../i18n/format.ts';
import type { Locale } from '../../../i18n/locale.ts';
import { ConsoleDialog } from '../console-dialog.tsx';
import type { ManageStrings } from './manage-strings.ts';

type Props = {
  attendee: Attendee;
  locale: Locale;
  level: number;
  t: ManageStrings;
  /** Refunds; resolves when done (the dialog then closes), rejects to keep it open. */
  onConfirm(): Promise<void>;
  onCancel(): void;
};

/** "Refund this order?": says what happens (money back, ticket stops, email, waitlist) before it does. */
export function RefundDialog({ attendee: a, locale, level, t, onConfirm, onCancel }: Props) {
  const [working, setWorking] = useState(false);
  const Heading = `h${level}` as 'h2';
  const who = a.name ?? a.email ?? t.unknownBuyer;
  async function confirm(e: Event) {
    e.preventDefault();
    setWorking(true);
    try {
      await onConfirm();
    } finally {
      setWorking(false);
    }
  }
  return (
    <ConsoleDialog labelledBy="manage-refund-title" onCancel={working ? undefined : onCancel}>
      <form class="sheet" onSubmit={confirm}>
        <Heading id="manage-refund-title">{t.refundTitle}</Heading>
        <p>{t.refundBody(who, formatPrice(a.amount, a.currency, locale))}</p>
        <div class="actions">
          <button type="button" class="ghost" onClick={onCancel} disabled={working}>
            {t.keep}
          </button>
          <button type="submit" class="danger" disabled={working}>
            {working ? t.saving : t.refundConfirm}
          </button>
        </div>
      </form>
    </ConsoleDialog>
  );
}
