import type { Attendee } from '@lectern/server/contract';
import { formatPrice, formatStart } from '../../../i18n/format.ts';
import type { Locale } from '../../../i18n/locale.ts';
import type { ManageStrings } from './manage-strings.ts';

type Props = {
  attendees: Attendee[];
  locale: Locale;
  t: ManageStrings;
  /** The order an action is running for: its buttons are disabled meanwhile. */
  busy: string | null;
  onRefund(a: Attendee): void;
  onResend(a: Attendee): void;
};

/** One row per buyer: who, status, when and what they paid, whether they came to the room. */
export function AttendeesTable({ attendees, locale, t, busy, onRefund, onResend }: Props) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colEmail}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colPaid}</th>
            <th scope="col" class="num">
              {t.colAmount}
            </th>
            <th scope="col">{t.colRoom}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {attendees.map((a) => {
            const paid = a.status === 'paid';
            const refundable = paid && a.amount > 0;
            const label = a.name ?? a.email ?? a.orderId;
            return (
              <tr key={a.orderId} data-order={a.orderId}>
                <td>{a.name ?? '—'}</td>
                <td>{a.email ?? '—'}</td>
                <td>
                  <span class={`status ${paid ? 'published' : 'cancelled'}`}>
                    {t.status[a.status] ?? a.status}
                  </span>
                  {a.ticket === 'revoked' && <span class="meta"> · {t.ticketRevoked}</span>}
                </td>
                <td>{a.paidAt ? formatStart(a.paidAt, locale) : '—'}</td>
                <td class="num">{a.amount === 0 ? t.free : formatPrice(a.amount, a.currency, locale)}</td>
                <td>{a.joined ? t.joinedFor(Math.round(a.secondsInRoom / 60)) : t.notJoined}</td>
                <td>
                  <div class="row-actions">
                    {refundable && (
                      <button
                        type="button"
                        class="ghost"
                        disabled={busy === a.orderId}
                        aria-label={`${t.refund}: ${label}`}
                        onClick={() => onRefund(a)}
                      >
                        {t.refund}
                      </button>
                    )}
                    {paid && a.email && (
                      <button
                        type="button"
                        class="ghost"
                        disabled={busy === a.orderId}
                        aria-label={`${t.resend}: ${label}`}
                        onClick={() => onResend(a)}
                      >
                        {t.resend}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
