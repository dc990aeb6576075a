import type { CurrencyRevenue, FreeRegistrations } from '@lectern/server/contract';
import { formatChange, formatCount, formatMoney } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { Figures, Heading, Panel } from './parts.tsx';
import { TimeChart } from './time-chart.tsx';

export interface RevenueData {
  revenue: CurrencyRevenue[];
  free: FreeRegistrations;
}

/** Gross, refunded, net per currency (never summed across currencies), net by day; free apart. */
export function RevenuePanel({ data, locale, t, compare }: PanelProps<RevenueData>) {
  const vs = compare ? t.vsPrevious : undefined;
  return (
    <Panel id="revenue" title={t.revenue}>
      {data.revenue.length === 0 && <p class="empty">{t.noRevenue}</p>}
      {data.revenue.map((r) => {
        const money = (n: number) => formatMoney(n, r.currency, locale);
        return (
          <div key={r.currency} data-currency={r.currency}>
            <Heading depth={1}>{r.currency}</Heading>
            <Figures
              vsPrevious={vs}
              items={[
                {
                  key: 'gross',
                  label: t.gross,
                  value: money(r.gross),
                  change: formatChange(r.gross, r.previous.gross, locale),
                },
                {
                  key: 'refunded',
                  label: t.refunded,
                  value: money(r.refunded),
                  change: formatChange(r.refunded, r.previous.refunded, locale),
                },
                {
                  key: 'net',
                  label: t.net,
                  value: money(r.net),
                  change: formatChange(r.net, r.previous.net, locale),
                },
                {
                  key: 'orders',
                  label: t.orders,
                  value: formatCount(r.orders, locale),
                  change: formatChange(r.orders, r.previous.orders, locale),
                },
                {
                  key: 'averageOrderValue',
                  label: t.averageOrder,
                  value: r.averageOrderValue === null ? '–' : money(r.averageOrderValue),
                },
              ]}
            />
            <TimeChart
              caption={t.netByDay(r.currency)}
              locale={locale}
              days={r.byDay.map((d) => d.day)}
              series={[{ label: t.net, values: r.byDay.map((d) => d.net) }]}
              format={money}
            />
          </div>
        );
      })}
      <Figures
        vsPrevious={vs}
        items={[
          {
            key: 'freeRegistrations',
            label: t.freeRegistrations,
            value: formatCount(data.free.count, locale),
            change: formatChange(data.free.count, data.free.previous, locale),
          },
        ]}
      />
    </Panel>
  );
}
