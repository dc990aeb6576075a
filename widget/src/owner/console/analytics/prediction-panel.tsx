import type {
  PredictionPanel as Prediction,
  SegmentsPanel,
  TooLittleData,
  TrainedModel,
} from '@lectern/server/contract';
import type { Locale } from '../../../i18n/locale.ts';
import { formatCount, formatDecimal, formatPercent } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { Bars, DataTable, Figures, Heading, Panel } from './parts.tsx';
import type { AnalyticsStrings } from './strings.ts';

export interface PredictionData {
  prediction: Prediction;
  segments: SegmentsPanel;
}

const signed = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);

function TooLittle({ data, locale, t }: { data: TooLittleData; locale: Locale; t: AnalyticsStrings }) {
  return <p class="empty">{t.tooLittle(formatCount(data.have, locale), formatCount(data.needed, locale))}</p>;
}

function ModelCard(props: {
  id: string;
  title: string;
  model: TrainedModel | TooLittleData;
  locale: Locale;
  t: AnalyticsStrings;
}) {
  const { model, locale, t } = props;
  return (
    <div data-model={props.id}>
      <Heading depth={1}>{props.title}</Heading>
      {model.status === 'too_little_data' ? (
        <TooLittle data={model} locale={locale} t={t} />
      ) : (
        <>
          <Figures
            items={[
              {
                key: 'auc',
                label: t.auc,
                value: formatDecimal(model.auc, locale),
              },
              { key: 'baseRate', label: t.baseRate, value: formatPercent(model.baseRate, locale) },
            ]}
          />
          <p class="meta">
            {t.trainedOn(formatCount(model.trainSize, locale), formatCount(model.testSize, locale))}
          </p>
          <Bars
            label={`${props.title} · ${t.weight}`}
            rows={model.features.map((f) => ({
              key: f.name,
              label: t.features[f.name] ?? f.name,
              value: f.weight,
              text: signed(f.weight, locale),
            }))}
          />
        </>
      )}
    </div>
  );
}

/** Logistic regression of attending and buying (weights, held-out AUC) and K-means segments. */
export function PredictionPanel({ data, locale, t }: PanelProps<PredictionData>) {
  const seg = data.segments;
  const mean = (n: number) => formatCount(Math.round(n * 10) / 10, locale);
  return (
    <Panel id="prediction" title={t.prediction}>
      <ModelCard id="attend" title={t.attendModel} model={data.prediction.attend} locale={locale} t={t} />
      <ModelCard id="buy" title={t.buyModel} model={data.prediction.buy} locale={locale} t={t} />
      <Heading depth={1}>{t.segments}</Heading>
      {seg.status === 'too_little_data' ? (
        <TooLittle data={seg} locale={locale} t={t} />
      ) : (
        <DataTable
          caption={t.segments}
          head={[
            t.segments,
            t.size,
            t.share,
            t.profile.views,
            t.profile.purchases,
            t.profile.attended,
            t.profile.interactions,
          ]}
          rows={seg.segments.map((s) => ({
            key: String(s.id),
            cells: [
              t.segment(s.id),
              formatCount(s.size, locale),
              formatPercent(s.share, locale),
              mean(s.profile.views),
              mean(s.profile.purchases),
              mean(s.profile.attended),
              mean(s.profile.interactions),
            ],
          }))}
        />
      )}
    </Panel>
  );
}
