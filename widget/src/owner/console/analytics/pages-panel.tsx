import type { OTHER, PageRow, PagesPanel as Pages, WorkshopsPanel } from '@lectern/server/contract';
import { formatCount, formatDecimal, formatMoney } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { Bars, DataTable, Heading, Panel } from './parts.tsx';

const OTHER_KEY: typeof OTHER = 'other';

export interface PagesData {
  pages: Pages;
  workshops: WorkshopsPanel;
}

/** Top paths by views and by the purchases they led to; top workshops. */
export function PagesPanel({ data, locale, t }: PanelProps<PagesData>) {
  const label = (p: PageRow) => (p.path === OTHER_KEY ? t.other : p.path);
  const { byViews, byPurchases } = data.pages;
  const top = data.workshops.top;
  return (
    <Panel id="pages" title={t.pages}>
      {byViews.length === 0 && top.length === 0 ? (
        <p class="empty">{t.notEnough}</p>
      ) : (
        <>
          {(
            [
              [t.topByViews, byViews, 'views'],
              [t.topByPurchases, byPurchases, 'purchases'],
            ] as const
          ).map(([title, rows, figure]) =>
            rows.some((p) => p[figure] > 0) ? (
              <div key={figure} data-top={figure}>
                <Heading depth={1}>{title}</Heading>
                <Bars
                  label={title}
                  rows={rows.map((p) => ({
                    key: p.path,
                    label: label(p),
                    value: p[figure],
                    text: formatCount(p[figure], locale),
                  }))}
                />
              </div>
            ) : null,
          )}
          {top.length > 0 && (
            <DataTable
              caption={t.topWorkshops}
              head={[t.workshop, t.views, t.paidCount, t.attendedCount, t.netRevenue, t.score]}
              rows={top.map((w) => ({
                key: w.workshopId,
                cells: [
                  w.workshopId === OTHER_KEY ? t.other : w.title,
                  formatCount(w.views, locale),
                  formatCount(w.paid, locale),
                  formatCount(w.attended, locale),
                  w.revenue ? formatMoney(w.revenue.net, w.revenue.currency, locale) : '–',
                  formatDecimal(w.score, locale),
                ],
              }))}
            />
          )}
        </>
      )}
    </Panel>
  );
}
