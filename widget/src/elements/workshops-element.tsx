import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type PublicWorkshop } from '../api/client.ts';
import { CheckoutDialog } from '../checkout/checkout-dialog.tsx';
import { handleCheckoutReturn } from '../checkout/return-flow.ts';
import { ReturnNotice } from '../checkout/return-notice.tsx';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import { strings } from '../i18n/strings.ts';
import { track } from '../track.ts';
import { WorkshopCard } from '../ui/workshop-card.tsx';
import { headingLevel } from './page-context.ts';
import { claimReturnNotice, renderInShadow } from './shadow-app.tsx';
import { useImpressions } from './use-impressions.ts';
import { useTickets } from './use-tickets.ts';

type Props = { config: WidgetConfig; tag: string | null; limit: number; showReturn: boolean; level: number };

/** `<lectern-workshops [tag="baking"] [limit="6"]>`: the site's upcoming workshops as cards. */
export function WorkshopList({ config, tag, limit, showReturn, level }: Props) {
  const t = strings(config.locale);
  const [workshops, setWorkshops] = useState<PublicWorkshop[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [booking, setBooking] = useState<PublicWorkshop | null>(null);
  // Bumped when a checkout learns the seats changed: the list is fetched again.
  const [version, setVersion] = useState(0);
  const tickets = useTickets(config.site);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    api.workshops(config).then(
      ({ workshops: all }) => {
        if (!live) return;
        const shown = all.filter((w) => !tag || w.tags.includes(tag)).slice(0, limit);
        setWorkshops(shown);
        setFailed(false);
        if (version === 0) emit('lectern:ready', { element: 'lectern-workshops', count: shown.length });
      },
      (err) => {
        if (!live) return;
        // A refresh that fails keeps the cards already shown.
        if (version === 0) setFailed(true);
        emit('lectern:error', { type: 'network', message: String(err), element: 'lectern-workshops' });
      },
    );
    return () => {
      live = false;
    };
  }, [config, tag, limit, version]);

  // Keyed on the ids shown: a refresh of the seat counts is not a new impression.
  useImpressions(list, [workshops?.map((w) => w.id).join()], (id) =>
    track('workshop_impression', { workshop: id }),
  );

  const open = (w: PublicWorkshop) => {
    track('workshop_click', { workshop: w.id });
    setBooking(w);
  };

  return (
    <div lang={config.locale}>
      {showReturn && <ReturnNotice locale={config.locale} t={t} level={level} />}
      {failed ? (
        <p class="notice error" role="status">
          {t.unavailable}
        </p>
      ) : !workshops ? (
        <p class="meta" aria-busy="true">
          {t.loading}
        </p>
      ) : workshops.length === 0 ? (
        <p class="meta">{t.empty}</p>
      ) : (
        <ul class="list" ref={list}>
          {workshops.map((w) => (
            <WorkshopCard
              key={w.id}
              workshop={w}
              locale={config.locale}
              t={t}
              onBook={open}
              now={Date.now()}
              ticket={tickets.get(w.id)}
              level={level}
            />
          ))}
        </ul>
      )}
      {booking && (
        <CheckoutDialog
          workshop={booking}
          config={config}
          t={t}
          onClose={() => setBooking(null)}
          onSeatsChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </div>
  );
}

export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  handleCheckoutReturn(config);
  const limit = Number(element.getAttribute('limit')) || 50;
  return renderInShadow(
    element,
    config,
    <WorkshopList
      config={config}
      tag={element.getAttribute('tag')}
      limit={limit}
      showReturn={claimReturnNotice(element)}
      level={headingLevel(element)}
    />,
  );
}
