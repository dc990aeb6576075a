import type { FunnelPanel as Funnel, FunnelStep, OTHER } from '@lectern/server/contract';
import { formatChange, formatCount, formatPercent } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { Bars, DataTable, Figures, Panel } from './parts.tsx';

const STEPS: FunnelStep[] = ['pageViews', 'workshopViews', 'checkouts', 'paid', 'attended'];
const OTHER_KEY: typeof OTHER = 'other';

/** Page views → workshop views → checkouts → paid → attended, with each step's conversion. */
export function FunnelPanel({ data, locale, t, compare }: PanelProps<Funnel>) {
  const rate = (to: FunnelStep) => data.conversions.find((c) => c.to === to)?.rate ?? null;
  return (
    <Panel id="funnel" title={t.funnel}>
      {data.pageViews === 0 && data.paid === 0 ? (
        <p class="empty">{t.notEnough}</p>
      ) : (
        <>
          <Figures
            vsPrevious={compare ? t.vsPrevious : undefined}
            items={STEPS.map((step) => ({
              key: step,
              label: t.steps[step],
              value: formatCount(data[step], locale),
              change: formatChange(data[step], data.previous[step], locale),
            }))}
          />
          <Bars
            label={t.funnel}
            rows={STEPS.map((step, i) => ({
              key: step,
              label:
                i === 0
                  ? t.steps[step]
                  : `${t.steps[step]} · ${t.ofPrevious(formatPercent(rate(step), locale))}`,
              value: data[step],
              text: formatCount(data[step], locale),
            }))}
          />
          {data.workshops.length > 0 && (
            <DataTable
              caption={t.perWorkshop}
              head={[t.workshop, ...STEPS.slice(1).map((s) => t.steps[s]), t.viewToPaid]}
              rows={data.workshops.map((w) => ({
                key: w.workshopId,
                cells: [
                  w.workshopId === OTHER_KEY ? t.other : w.title,
                  ...STEPS.slice(1).map((s) => formatCount(w[s], locale)),
                  formatPercent(w.workshopViews ? w.paid / w.workshopViews : null, locale),
                ],
              }))}
            />
          )}
        </>
      )}
    </Panel>
  );
}
