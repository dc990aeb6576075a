import type { Attendee, AttendeeList, OwnerOrderAction } from '@lectern/server/contract';
import { useRef, useState } from 'preact/hooks';
import type { ConsoleContext } from '../console-context.ts';
import { AttendeesTable } from './attendees-table.tsx';
import { downloadCsv } from './csv-download.ts';
import { ActionNotice, Loaded } from './loaded.tsx';
import type { ManageStrings } from './manage-strings.ts';
import { RefundDialog } from './refund-dialog.tsx';
import { errorCode, sitePath, useOwnerData } from './use-owner-data.ts';

type Notice = { text: string; error?: boolean };

/** A workshop's attendees: the table, the CSV download, refund (after a confirm) and resend. */
export function AttendeesPanel({
  ctx,
  workshopId,
  t,
}: {
  ctx: ConsoleContext;
  workshopId: string;
  t: ManageStrings;
}) {
  const path = `${sitePath(ctx.site)}/owner/workshops/${encodeURIComponent(workshopId)}/attendees`;
  const list = useOwnerData<AttendeeList>(ctx, path);
  const [refunding, setRefunding] = useState<Attendee | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const here = useRef<HTMLElement>(null);
  const Heading = `h${Math.min(ctx.level + 1, 6)}` as 'h3';

  async function orderAction(a: Attendee, action: 'refund' | 'resend'): Promise<OwnerOrderAction> {
    setBusy(a.orderId);
    try {
      return await ctx.call<OwnerOrderAction>(
        `${sitePath(ctx.site)}/owner/orders/${encodeURIComponent(a.orderId)}/${action}`,
        { method: 'POST', body: '{}' },
      );
    } finally {
      setBusy(null);
    }
  }

  async function refund(a: Attendee) {
    try {
      await orderAction(a, 'refund');
      setNotice({ text: t.refunded(a.name ?? a.email ?? t.unknownBuyer) });
    } catch (err) {
      setNotice({ text: t.actionFailed[errorCode(err)] ?? t.actionFailed.other, error: true });
    }
    setRefunding(null);
    list.reload();
  }

  async function resend(a: Attendee) {
    try {
      await orderAction(a, 'resend');
      setNotice({ text: t.resent(a.email ?? '') });
    } catch (err) {
      setNotice({ text: t.actionFailed[errorCode(err)] ?? t.actionFailed.other, error: true });
    }
  }

  async function download() {
    setNotice(null);
    try {
      await downloadCsv(ctx, `${path}.csv`, path, here.current!);
    } catch {
      setNotice({ text: t.downloadFailed, error: true });
    }
  }

  return (
    <section ref={here} aria-labelledby="manage-attendees-title">
      <div class="toolbar">
        <Heading id="manage-attendees-title">{t.ordersTitle}</Heading>
        {list.data && list.data.attendees.length > 0 && (
          <button type="button" class="ghost" onClick={download}>
            {t.downloadCsv}
          </button>
        )}
      </div>
      <ActionNotice notice={notice} />
      <Loaded source={list} t={t}>
        {(data) =>
          data.attendees.length === 0 ? (
            <p class="meta">{t.noAttendees}</p>
          ) : (
            <AttendeesTable
              attendees={data.attendees}
              locale={ctx.locale}
              t={t}
              busy={busy}
              onRefund={setRefunding}
              onResend={resend}
            />
          )
        }
      </Loaded>
      {refunding && (
        <RefundDialog
          attendee={refunding}
          locale={ctx.locale}
          level={Math.min(ctx.level + 1, 6)}
          t={t}
          onConfirm={() => refund(refunding)}
          onCancel={() => setRefunding(null)}
        />
      )}
    </section>
  );
}
