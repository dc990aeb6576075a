import type { CriterionName, OTHER, SatisfactionPanel as Satisfaction } from '@lectern/server/contract';
import { formatChange, formatCount, formatDecimal } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { DataTable, Figures, Panel } from './parts.tsx';
import { TimeChart } from './time-chart.tsx';

const CRITERIA: CriterionName[] = ['content', 'instructor', 'interactivity'];
const OTHER_KEY: typeof OTHER = 'other';

/** S = Σ wᵢCᵢ with the site's weights: overall, per workshop, by week, and each criterion's spread. */
export function SatisfactionPanel({ data, locale, t, compare }: PanelProps<Satisfaction>) {
  const score = (n: number | null) => formatDecimal(n, locale);
  const formula = CRITERIA.map((c) => `${data.weights[c]}·${t.criteria[c]}`).join(' + ');
  return (
    <Panel id="satisfaction" title={t.satisfaction}>
      {data.ratings === 0 ? (
        <p class="empty">{t.noRatings}</p>
      ) : (
        <>
          <Figures
            vsPrevious={compare ? t.vsPrevious : undefined}
            items={[
              {
                key: 'score',
                label: t.score,
                value: score(data.score),
                change:
                  data.score === null || data.previous.score === null
                    ? null
                    : formatChange(data.score, data.previous.score, locale),
              },
              {
                key: 'ratings',
                label: t.ratings,
                value: formatCount(data.ratings, locale),
                change: formatChange(data.ratings, data.previous.ratings, locale),
              },
            ]}
          />
          <p class="meta">{t.weights(formula)}</p>
          {data.byWeek.length > 1 && (
            <TimeChart
              caption={t.byWeek}
              locale={locale}
              days={data.byWeek.map((w) => w.week)}
              series={[{ label: t.score, values: data.byWeek.map((w) => w.score) }]}
              format={score}
            />
          )}
          {data.workshops.length > 0 && (
            <DataTable
              caption={t.perWorkshop}
              head={[t.workshop, t.score, t.ratings, ...CRITERIA.map((c) => t.criteria[c])]}
              rows={data.workshops.map((w) => ({
                key: w.workshopId,
                cells: [
                  w.workshopId === OTHER_KEY ? t.other : w.title,
                  score(w.score),
                  formatCount(w.ratings, locale),
                  ...CRITERIA.map((c) => score(w.criteria[c])),
                ],
              }))}
            />
          )}
          <DataTable
            caption={t.distribution}
            head={[t.criterion, ...[1, 2, 3, 4, 5].map((n) => t.stars(n))]}
            rows={CRITERIA.map((c) => ({
              key: c,
              cells: [t.criteria[c], ...data.distribution[c].map((n) => formatCount(n, locale))],
            }))}
          />
        </>
      )}
    </Panel>
  );
}
