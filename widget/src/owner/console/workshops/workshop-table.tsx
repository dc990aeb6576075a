import type { OwnerWorkshop } from '@lectern/server/contract';
import { formatPrice, formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import { canUnpublish, listedStatus } from './workshop-status.ts';
import type { WorkshopStrings } from './workshop-strings.ts';

type Props = {
  ctx: ConsoleContext;
  t: WorkshopStrings;
  workshops: OwnerWorkshop[];
  now: number;
  onPublish(w: OwnerWorkshop): void;
  onUnpublish(w: OwnerWorkshop): void;
  onCancel(w: OwnerWorkshop): void;
};

/** The owner's table: start in the owner's own time zone, seats sold/held/capacity, revenue, status. */
export function WorkshopTable({ ctx, t, workshops, now, onPublish, onUnpublish, onCancel }: Props) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.colTitle}</th>
            <th scope="col">{t.colWhen}</th>
            <th scope="col" class="num">
              {t.colSeats}
            </th>
            <th scope="col" class="num">
              {t.colRevenue}
            </th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {workshops.map((w) => {
            const status = listedStatus(w, now);
            return (
              <tr key={w.id} data-workshop={w.id}>
                <th scope="row" lang={w.language}>
                  {w.title}
                </th>
                <td>{formatStart(w.startsAt, ctx.locale)}</td>
                <td class="num" aria-label={t.seatsLabel(w.paidCount, w.heldCount, w.capacity)}>
                  {t.seats(w.paidCount, w.heldCount, w.capacity)}
                </td>
                <td class="num">
                  {w.priceAmount === 0 ? t.free : formatPrice(w.revenueAmount, w.currency, ctx.locale)}
                </td>
                <td>
                  <span class={`status ${status}`}>{t.status[status]}</span>
                </td>
                <td>
                  <div class="row-actions">
                    {w.status !== 'cancelled' && status !== 'ended' && (
                      <button
                        type="button"
                        class="ghost"
                        onClick={() => ctx.navigate('workshops', { edit: w.id })}
                      >
                        {t.edit}
                      </button>
                    )}
                    {w.status === 'draft' && (
                      <button type="button" onClick={() => onPublish(w)}>
                        {t.publish}
                      </button>
                    )}
                    {canUnpublish(w, now) && (
                      <button type="button" class="ghost" onClick={() => onUnpublish(w)}>
                        {t.unpublish}
                      </button>
                    )}
                    {w.status !== 'draft' && (
                      <button
                        type="button"
                        class="ghost"
                        onClick={() => ctx.navigate('attendees', { workshop: w.id })}
                      >
                        {ctx.locale === 'zh-CN' ? '参与者' : 'Attendees'}
                      </button>
                    )}
                    <button
                      type="button"
                      class="ghost"
                      onClick={() => ctx.navigate('workshops', { edit: 'new', from: w.id })}
                    >
                      {t.duplicate}
                    </button>
                    {/* Same tab: on the server's origin the room finds this tab's owner session (no key asked). */}
                    {status === 'published' && (
                      <a class="btn ghost" href={`${ctx.server}/room/${encodeURIComponent(w.id)}`}>
                        {t.host}
                      </a>
                    )}
                    {w.status !== 'cancelled' && status !== 'ended' && (
                      <button type="button" class="danger" onClick={() => onCancel(w)}>
                        {t.cancelWorkshop}
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
