import type { OwnerWorkshop } from '@lectern/server/contract';
import { useRef } from 'preact/hooks';
import { formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import { AttendeesPanel } from './attendees-panel.tsx';
import { Loaded } from './loaded.tsx';
import { manageStrings } from './manage-strings.ts';
import { useManageStyles } from './manage-style.ts';
import { sitePath, useOwnerData } from './use-owner-data.ts';
import { WaitlistPanel } from './waitlist-panel.tsx';

/**
 * The Attendees section (`#/attendees?workshop=ID`): pick a workshop, see who bought it, refund,
 * resend, export CSV, and work its waitlist. Without a workshop in the address it opens the next
 * one to start (or the latest past one).
 */
export function Section({ ctx }: { ctx: ConsoleContext }) {
  const t = manageStrings(ctx.locale);
  const root = useRef<HTMLDivElement>(null);
  useManageStyles(root);
  const list = useOwnerData<{ workshops: OwnerWorkshop[] }>(ctx, `${sitePath(ctx.site)}/owner/workshops`);
  const Heading = `h${ctx.level}` as 'h2';
  const workshops = (list.data?.workshops ?? []).filter((w) => w.status !== 'draft');
  const chosen = ctx.route.params.workshop ?? defaultWorkshop(workshops, Date.now())?.id;

  return (
    <div class="manage" ref={root}>
      <Heading class="console-title">{t.attendeesTitle}</Heading>
      <Loaded source={list} t={t}>
        {() =>
          workshops.length === 0 ? (
            <p class="meta">{t.noWorkshops}</p>
          ) : (
            <>
              <div class="field">
                <label>
                  {t.chooseWorkshop}
                  <select
                    value={chosen}
                    onChange={(e) =>
                      ctx.navigate('attendees', { workshop: (e.target as HTMLSelectElement).value })
                    }
                  >
                    {workshops.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.title} — {formatStart(w.startsAt, ctx.locale)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {chosen && <AttendeesPanel key={`a-${chosen}`} ctx={ctx} workshopId={chosen} t={t} />}
              {chosen && <WaitlistPanel key={`w-${chosen}`} ctx={ctx} workshopId={chosen} t={t} />}
            </>
          )
        }
      </Loaded>
    </div>
  );
}

/** The next workshop to start, else the one that started last. */
export function defaultWorkshop(workshops: OwnerWorkshop[], now: number): OwnerWorkshop | undefined {
  const upcoming = workshops.filter((w) => Date.parse(w.endsAt) > now);
  if (upcoming.length)
    return upcoming.reduce((a, b) => (Date.parse(a.startsAt) <= Date.parse(b.startsAt) ? a : b));
  return workshops.reduce<OwnerWorkshop | undefined>(
    (a, b) => (!a || Date.parse(b.startsAt) > Date.parse(a.startsAt) ? b : a),
    undefined,
  );
}
