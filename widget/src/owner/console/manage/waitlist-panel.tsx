import type { OwnerWaitlist, WaitlistOffer } from '@lectern/server/contract';
import { useState } from 'preact/hooks';
import { formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import { ActionNotice, Loaded } from './loaded.tsx';
import type { ManageStrings } from './manage-strings.ts';
import { errorCode, sitePath, useOwnerData } from './use-owner-data.ts';

/** The workshop's waitlist in offer order, and "offer the next free seat". */
export function WaitlistPanel({
  ctx,
  workshopId,
  t,
}: {
  ctx: ConsoleContext;
  workshopId: string;
  t: ManageStrings;
}) {
  const path = `${sitePath(ctx.site)}/owner/workshops/${encodeURIComponent(workshopId)}/waitlist`;
  const list = useOwnerData<OwnerWaitlist>(ctx, path);
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const Heading = `h${Math.min(ctx.level + 1, 6)}` as 'h3';

  async function offer() {
    setWorking(true);
    try {
      const res = await ctx.call<WaitlistOffer>(`${path}/offer`, { method: 'POST', body: '{}' });
      setNotice({ text: t.offered(res.offeredTo) });
    } catch (err) {
      setNotice({ text: t.offerFailed[errorCode(err)] ?? t.offerFailed.other, error: true });
    }
    setWorking(false);
    list.reload();
  }

  const waiting = list.data?.entries.filter((e) => !e.offeredAt).length ?? 0;
  return (
    <section aria-labelledby="manage-waitlist-title">
      <div class="toolbar">
        <Heading id="manage-waitlist-title">{t.waitlistTitle}</Heading>
        {list.data && (
          <span class="meta">
            {t.seatsFree(list.data.seatsLeft)}{' '}
            {waiting > 0 && (
              <button type="button" onClick={offer} disabled={working}>
                {t.offerNext}
              </button>
            )}
          </span>
        )}
      </div>
      <ActionNotice notice={notice} />
      <Loaded source={list} t={t}>
        {(data) =>
          data.entries.length === 0 ? (
            <p class="meta">{t.waitlistEmpty}</p>
          ) : (
            <ol class="waitlist">
              {data.entries.map((e) => (
                <li key={e.email}>
                  {e.email}{' '}
                  <span class="meta">
                    · {e.offeredAt ? t.offeredAt(formatStart(e.offeredAt, ctx.locale)) : t.waiting}
                  </span>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
