import type { RetentionPanel as Retention } from '@lectern/server/contract';
import { formatCount, formatMonth, formatPercent } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { DataTable, Figures, Panel } from './parts.tsx';

/** Repurchase within 30 / 90 days, monthly buyer cohorts, returning readers. */
export function RetentionPanel({ data, locale, t }: PanelProps<Retention>) {
  return (
    <Panel id="retention" title={t.retention}>
      {data.readers === 0 && data.cohorts.length === 0 ? (
        <p class="empty">{t.notEnough}</p>
      ) : (
        <>
          <Figures
            items={[
              { key: 'newBuyers', label: t.newBuyers, value: formatCount(data.newBuyers, locale) },
              { key: 'repurchase30', label: t.repurchase30, value: formatPercent(data.repurchase30, locale) },
              { key: 'repurchase90', label: t.repurchase90, value: formatPercent(data.repurchase90, locale) },
              {
                key: 'returningReaders',
                label: t.returningReaders,
                value: `${formatPercent(data.returningRate, locale)} (${t.returningOf(
                  formatCount(data.returningReaders, locale),
                  formatCount(data.readers, locale),
                )})`,
              },
            ]}
          />
          {data.cohorts.length > 0 && (
            <DataTable
              caption={t.cohorts}
              head={[t.month, t.buyers, t.returned, t.rate]}
              rows={data.cohorts.map((c) => ({
                key: c.month,
                cells: [
                  formatMonth(c.month, locale),
                  formatCount(c.buyers, locale),
                  formatCount(c.returned, locale),
                  formatPercent(c.rate, locale),
                ],
              }))}
            />
          )}
        </>
      )}
    </Panel>
  );
}
