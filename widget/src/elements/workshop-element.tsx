import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, type PublicWorkshop } from '../api/client.ts';
import { CheckoutDialog } from '../checkout/checkout-dialog.tsx';
import { handleCheckoutReturn } from '../checkout/return-flow.ts';
import { ReturnNotice } from '../checkout/return-notice.tsx';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import { strings } from '../i18n/strings.ts';
import { logger } from '../logger.ts';
import { track } from '../track.ts';
import { Markdown } from '../ui/markdown.tsx';
import { WorkshopCard } from '../ui/workshop-card.tsx';
import { headingLevel } from './page-context.ts';
import { claimReturnNotice, renderInShadow, renderOnAttributes } from './shadow-app.tsx';
import { useImpressions } from './use-impressions.ts';
import { useTickets } from './use-tickets.ts';

type Props = { config: WidgetConfig; id: string; showReturn: boolean; level: number };

/** `<lectern-workshop workshop="ID">`: one workshop with its full description. */
export function WorkshopDetail({ config, id, showReturn, level }: Props) {
  const t = strings(config.locale);
  const [workshop, setWorkshop] = useState<PublicWorkshop | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  // Bumped when a checkout learns the seats changed: the workshop is fetched again.
  const [version, setVersion] = useState(0);
  const tickets = useTickets(config.site);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api.workshop(config, id).then(
      (w) => {
        if (!live) return;
        setWorkshop(w);
        if (version === 0) emit('lectern:ready', { element: 'lectern-workshop', count: 1 });
      },
      (err) => {
        if (!live || version > 0) return;
        const missing = err instanceof ApiError && err.status === 404;
        setProblem(missing ? t.notFound : t.unavailable);
        emit('lectern:error', {
          type: missing ? 'server' : 'network',
          message: String(err),
          element: 'lectern-workshop',
        });
      },
    );
    return () => {
      live = false;
    };
  }, [config, id, version]);

  useImpressions(root, [workshop?.id], (wid) => track('workshop_impression', { workshop: wid }));

  return (
    <div lang={config.locale} ref={root}>
      {showReturn && <ReturnNotice locale={config.locale} t={t} level={level} />}
      {problem ? (
        <p class="notice error" role="status">
          {problem}
        </p>
      ) : !workshop ? (
        <p class="meta" aria-busy="true">
          {t.loading}
        </p>
      ) : (
        <ul class="list" style="grid-template-columns:1fr">
          <WorkshopCard
            workshop={workshop}
            locale={config.locale}
            t={t}
            now={Date.now()}
            ticket={tickets.get(workshop.id)}
            level={level}
            onBook={() => {
              track('workshop_click', { workshop: workshop.id });
              setBooking(true);
            }}
          />
          {workshop.description && (
            <li class="card" lang={workshop.language}>
              <Markdown source={workshop.description} />
            </li>
          )}
        </ul>
      )}
      {booking && workshop && (
        <CheckoutDialog
          workshop={workshop}
          config={config}
          t={t}
          onClose={() => setBooking(false)}
          onSeatsChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </div>
  );
}

export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  handleCheckoutReturn(config);
  // A single-page app may point the element at another workshop: show that one.
  return renderOnAttributes(element, ['workshop'], () => {
    const id = element.getAttribute('workshop');
    if (!id) {
      logger.error('Lectern: <lectern-workshop> needs a workshop="…" attribute with the workshop id');
      element.shadowRoot?.replaceChildren();
      return () => {};
    }
    return renderInShadow(
      element,
      config,
      <WorkshopDetail
        key={id}
        config={config}
        id={id}
        showReturn={claimReturnNotice(element)}
        level={headingLevel(element)}
      />,
    );
  });
}
