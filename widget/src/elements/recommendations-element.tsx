import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type PublicWorkshop } from '../api/client.ts';
import { CheckoutDialog } from '../checkout/checkout-dialog.tsx';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import { askRecommendations } from '../extension-bridge/page-bridge.ts';
import { strings } from '../i18n/strings.ts';
import { logger } from '../logger.ts';
import { purchasable } from '../recommendations/purchasable.ts';
import { WasmBlockedError } from '../recommendations/wasm-blocked.ts';
import { listTickets } from '../tickets/ticket-store.ts';
import { startLog, track } from '../track.ts';
import { WorkshopCard } from '../ui/workshop-card.tsx';
import { headingLevel, workshopsShownOnPage } from './page-context.ts';
import { renderInShadow } from './shadow-app.tsx';
import { useImpressions } from './use-impressions.ts';
import { useTickets } from './use-tickets.ts';

type Props = { config: WidgetConfig; host: HTMLElement; limit: number; level: number };

/** Waits until the element is (nearly) on screen: the model and onnxruntime load only then. */
function whenVisible(el: HTMLElement): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
  });
}

/**
 * The learner's Lectern extension ranks this site's workshops on its own cross-site history:
 * then neither the model nor onnxruntime-web is downloaded here. Null when it is absent or silent.
 */
async function recommendFromExtension(config: WidgetConfig, limit: number) {
  const ids = await askRecommendations({ server: config.server, site: config.site, limit });
  if (!ids) return null;
  const [{ workshops }, tickets] = await Promise.all([
    api.workshops(config),
    listTickets(config.site).catch(() => []),
  ]);
  const open = purchasable(workshops, Date.now());
  const owned = new Set([...tickets.map((t) => t.workshopId), ...workshopsShownOnPage()]);
  for (const id of owned) open.delete(`w:${id}`);
  // The extension's order first, then what else is open: still no model download here.
  const picked = [...ids.map((id) => open.get(`w:${id}`)), ...open.values()].filter((w) => w !== undefined);
  return { workshops: [...new Set(picked)].slice(0, limit), label: 'extension' };
}

async function recommend(config: WidgetConfig, limit: number) {
  const fromExtension = await recommendFromExtension(config, limit);
  if (fromExtension) return fromExtension;
  const [info, { workshops }, tickets, log] = await Promise.all([
    api.model(config),
    api.workshops(config),
    listTickets(config.site).catch(() => []),
    startLog(config),
  ]);
  const [{ pickWorkshops, variantFor }, runtime, ort] = await Promise.all([
    import('../recommendations/pick.ts'),
    import('@lectern/model/runtime'),
    // onnxruntime-web's own wasm build, served by our server next to its wasm (never bundled:
    // a library build would inline 14 MB of wasm as base64).
    import(/* @vite-ignore */ `${info.wasmBase}ort.wasm.bundle.min.mjs`) as Promise<
      typeof import('onnxruntime-web')
    >,
  ]);
  // Our server serves the wasm; one thread (more needs cross-origin isolation of the host page).
  ort.env.wasm.wasmPaths = info.wasmBase;
  ort.env.wasm.numThreads = 1;
  const variant = variantFor(await log.anonymousId(config.site), info.split);
  const picked = await pickWorkshops({
    runtime,
    ort,
    info,
    events: await log.readHistory(config.site),
    workshops,
    // Already bought, or already on this page (a <lectern-workshop> above): not worth a slot.
    owned: new Set([...tickets.map((t) => t.workshopId), ...workshopsShownOnPage()]),
    variant,
    limit,
    now: Date.now(),
  });
  return { ...picked, label: `${info.version}:${variant}` };
}

/** `<lectern-recommendations [limit="3"]>`: workshops picked for this reader, on their device. */
export function Recommendations({ config, host, limit, level }: Props) {
  const t = strings(config.locale);
  const [picks, setPicks] = useState<{ workshops: PublicWorkshop[]; label: string } | null>(null);
  const [booking, setBooking] = useState<PublicWorkshop | null>(null);
  // Bumped when a checkout learns the seats changed: the picks are made again.
  const [version, setVersion] = useState(0);
  const tickets = useTickets(config.site);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    whenVisible(host)
      .then(() => recommend(config, limit))
      .catch(async (err) => {
        // Model, wasm or history unavailable: show what is popular rather than nothing.
        const blocked = err instanceof WasmBlockedError;
        // A CSP without 'wasm-unsafe-eval' is the host page's set-up: shown in the console by default.
        if (blocked) logger.error(err.message);
        emit('lectern:error', {
          type: blocked ? 'wasm_blocked' : 'load',
          message: blocked ? err.message : String(err),
          element: 'lectern-recommendations',
        });
        const { workshops } = await api.workshops(config);
        const shown = workshopsShownOnPage();
        const open = [...purchasable(workshops, Date.now()).values()].filter((w) => !shown.has(w.id));
        return { workshops: open.slice(0, limit), label: 'fallback:popularity' };
      })
      .then((result) => {
        if (!live) return;
        setPicks(result);
        if (version === 0)
          emit('lectern:ready', { element: 'lectern-recommendations', count: result.workshops.length });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [config, host, limit, version]);

  useImpressions(list, [picks?.workshops.map((w) => w.id).join()], (id) =>
    track('reco_impression', { workshop: id, label: picks?.label }),
  );

  if (!picks || picks.workshops.length === 0) return null;
  const Heading = `h${level}` as 'h2';
  return (
    <section lang={config.locale} aria-labelledby="lectern-reco-title">
      <Heading id="lectern-reco-title" style="font-size:1.15em;margin:0 0 12px">
        {t.recommended}
      </Heading>
      <ul class="list" ref={list}>
        {picks.workshops.map((w) => (
          <WorkshopCard
            key={w.id}
            workshop={w}
            locale={config.locale}
            t={t}
            now={Date.now()}
            ticket={tickets.get(w.id)}
            level={Math.min(level + 1, 6)}
            onBook={() => {
              track('reco_click', { workshop: w.id, label: picks.label });
              setBooking(w);
            }}
          />
        ))}
      </ul>
      {booking && (
        <CheckoutDialog
          workshop={booking}
          config={config}
          t={t}
          onClose={() => setBooking(null)}
          onSeatsChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </section>
  );
}

export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  const limit = Number(element.getAttribute('limit')) || 3;
  return renderInShadow(
    element,
    config,
    <Recommendations config={config} host={element} limit={limit} level={headingLevel(element)} />,
  );
}
