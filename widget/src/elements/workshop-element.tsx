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
import { claimReturnNotice, renderInShadow } from './shadow-app.tsx';
import { useImpressions } from './use-impressions.ts';

type Props = { config: WidgetConfig; id: string; showReturn: boolean };

/** `<lectern-workshop workshop="ID">`: one workshop with its full description. */
export function WorkshopDetail({ config, id, showReturn }: Props) {
  const t = strings(config.locale);
  const [workshop, setWorkshop] = useState<PublicWorkshop | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api.workshop(config, id).then(
      (w) => {
        if (!live) return;
        setWorkshop(w);
        emit('lectern:ready', { element: 'lectern-workshop', count: 1 });
      },
      (err) => {
        if (!live) return;
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
  }, [config, id]);

  useImpressions(root, [workshop], (wid) => track('workshop_impression', { workshop: wid }));

  return (
    <div lang={config.locale} ref={root}>
      {showReturn && <ReturnNotice locale={config.locale} t={t} />}
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
        <CheckoutDialog workshop={workshop} config={config} t={t} onClose={() => setBooking(false)} />
      )}
    </div>
  );
}

export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  const id = element.getAttribute('workshop');
  if (!id) {
    logger.error('Lectern: <lectern-workshop> needs a workshop="…" attribute with the workshop id');
    return () => {};
  }
  handleCheckoutReturn(config);
  return renderInShadow(
    element,
    <WorkshopDetail config={config} id={id} showReturn={claimReturnNotice(element)} />,
  );
}
