import type { Interval, RecommendationsPanel as Reco, RecoFigures } from '@lectern/server/contract';
import type { Locale } from '../../../i18n/locale.ts';
import { formatCount, formatPercent } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { DataTable, Panel } from './parts.tsx';
import type { AnalyticsStrings } from './strings.ts';
import { verdictText } from './verdict.ts';

/** "4.2% [3.1%–5.6%]": a rate with its Wilson interval. */
function rateWithInterval(
  rate: number | null,
  interval: Interval | null,
  locale: Locale,
  t: AnalyticsStrings,
) {
  const r = formatPercent(rate, locale);
  return interval
    ? `${r} ${t.interval(formatPercent(interval.low, locale), formatPercent(interval.high, locale))}`
    : r;
}

function cells(f: RecoFigures, locale: Locale, t: AnalyticsStrings): string[] {
  return [
    formatCount(f.impressions, locale),
    formatCount(f.clicks, locale),
    rateWithInterval(f.ctr, f.ctrInterval, locale, t),
    rateWithInterval(f.checkoutRate, f.checkoutInterval, locale, t),
    rateWithInterval(f.paidRate, f.paidInterval, locale, t),
  ];
}

/** Model vs popularity: impressions, click-through and conversion with 95% CIs, and a verdict. */
export function RecommendationsPanel({ data, locale, t }: PanelProps<Reco>) {
  const shown = data.variants.some((v) => v.impressions > 0);
  const head = [t.impressions, t.clicks, t.ctr, t.checkoutRate, t.paidRate];
  const v = data.verdict;
  return (
    <Panel id="recommendations" title={t.recommendations}>
      {!shown ? (
        <p class="empty">{t.noImpressions}</p>
      ) : (
        <>
          <DataTable
            caption={t.variant}
            head={[t.variant, ...head]}
            rows={data.variants.map((f) => ({
              key: f.variant,
              cells: [t.variants[f.variant], ...cells(f, locale, t)],
            }))}
          />
          <p class="meta">{t.ciNote}</p>
          <p class="verdict" data-verdict={v.status === 'compared' ? v.leader : v.status}>
            {verdictText(
              v.status === 'compared'
                ? { leader: v.leader, points: v.points, significant: v.significant }
                : { leader: null, points: 0, significant: false },
              locale,
            )}
          </p>
          {data.versions.length > 0 && (
            <DataTable
              caption={t.perVersion}
              head={[t.version, t.variant, ...head]}
              rows={data.versions.map((f) => ({
                key: `${f.version}:${f.variant}`,
                cells: [f.version, t.variants[f.variant], ...cells(f, locale, t)],
              }))}
            />
          )}
        </>
      )}
    </Panel>
  );
}
