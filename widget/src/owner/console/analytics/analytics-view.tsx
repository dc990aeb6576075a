// The Analytics section's body: the period, the export, and the nine panels, all from one
// answer of `GET /v1/sites/:site/owner/analytics`. It never throws into the page: a failed load
// is a calm message with "Try again".
import type { Analytics } from '@lectern/server/contract';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/request.ts';
import { emit } from '../../../events.ts';
import type { Locale } from '../../../i18n/locale.ts';
import { adoptAnalyticsStyles } from './analytics-styles.ts';
import { AttendancePanel } from './attendance-panel.tsx';
import { exportFileName, saveBlob } from './export-zip.ts';
import { formatDay } from './format.ts';
import { FunnelPanel } from './funnel-panel.tsx';
import { PagesPanel } from './pages-panel.tsx';
import { PanelLevel, PanelLocale } from './parts.tsx';
import { PredictionPanel } from './prediction-panel.tsx';
import { type DayRange, presetRange } from './range.ts';
import { RangePicker } from './range-picker.tsx';
import { RealtimePanel } from './realtime-panel.tsx';
import { RecommendationsPanel } from './recommendations-panel.tsx';
import { RetentionPanel } from './retention-panel.tsx';
import { RevenuePanel } from './revenue-panel.tsx';
import { SatisfactionPanel } from './satisfaction-panel.tsx';
import { analyticsStrings } from './strings.ts';

/** Where the figures come from (the owner API in the console, a stub in unit tests). */
export interface AnalyticsSource {
  site: string;
  load: (range: DayRange) => Promise<Analytics>;
  exportZip: (range: DayRange) => Promise<Blob>;
}

export interface AnalyticsViewProps {
  locale: Locale;
  source: AnalyticsSource;
  /** The period to open with (default: the last 30 days). */
  initialRange?: DayRange;
  /** Told when the owner picks another period (the console keeps it in the address). */
  onRange?: (range: DayRange) => void;
  /** The level of the section's title; the panels' titles are one below (default 2). */
  level?: number;
  now?: number;
}

/** Reports a failure the panel shows calmly, as every widget element does (`lectern:error`). */
function report(err: unknown) {
  const type = err instanceof ApiError && err.code === 'network' ? 'network' : 'server';
  emit('lectern:error', { type, message: String(err), element: 'lectern-dashboard' });
}

// While a new period loads, the old figures stay on screen (marked busy) rather than flashing away.
type State = { status: 'loading' | 'ready' | 'failed'; data: Analytics | null };

export function AnalyticsView({ locale, source, initialRange, onRange, level = 2, now }: AnalyticsViewProps) {
  const t = analyticsStrings(locale);
  const rootRef = useRef<HTMLDivElement>(null);
  const [range, setRangeState] = useState<DayRange>(initialRange ?? presetRange(30, now));
  const setRange = (next: DayRange) => {
    setRangeState(next);
    onRange?.(next);
  };
  const [compare, setCompare] = useState(true);
  const [state, setState] = useState<State>({ status: 'loading', data: null });
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    if (rootRef.current) adoptAnalyticsStyles(rootRef.current);
  }, []);

  useEffect(() => {
    let current = true;
    setState((s) => ({ status: 'loading', data: s.data }));
    source.load(range).then(
      (data) => current && setState({ status: 'ready', data }),
      (err: unknown) => {
        if (!current) return;
        setState({ status: 'failed', data: null });
        report(err);
      },
    );
    // A newer range or reload wins over an answer still on its way.
    return () => {
      current = false;
    };
  }, [source, range, reloads]);

  const download = async () => {
    setExporting('busy');
    try {
      saveBlob(await source.exportZip(range), exportFileName(source.site, range));
      setExporting('idle');
    } catch (err) {
      setExporting('failed');
      report(err);
    }
  };

  const span = (r: { from: string; to: string }) =>
    `${formatDay(r.from, locale)} – ${formatDay(r.to, locale)}`;
  const data = state.data;
  const common = { locale, t, compare };
  const Title = `h${Math.min(level, 6)}` as 'h2';

  return (
    <div class="analytics" ref={rootRef}>
      <Title>{t.title}</Title>
      <div class="toolbar">
        <RangePicker
          locale={locale}
          range={range}
          compare={compare}
          onRange={setRange}
          onCompare={setCompare}
          now={now}
        />
        <button type="button" class="ghost" onClick={download} disabled={exporting === 'busy'}>
          {exporting === 'busy' ? t.exporting : t.exportZip}
        </button>
      </div>
      {exporting === 'failed' && (
        <p class="notice error" role="alert">
          {t.exportFailed}
        </p>
      )}
      <p class="meta" aria-live="polite">
        {state.status === 'loading'
          ? t.loading
          : data && t.showing(span(data.range), compare ? span(data.previousRange) : null)}
      </p>
      {state.status === 'failed' && (
        <div class="notice error" role="alert">
          <p>{t.failed}</p>
          <button type="button" onClick={reload}>
            {t.retry}
          </button>
        </div>
      )}
      {data && (
        <PanelLocale.Provider value={locale}>
          <PanelLevel.Provider value={Math.min(level + 1, 6)}>
            <div class="panels" aria-busy={state.status === 'loading'}>
              <FunnelPanel data={data.funnel} {...common} />
              <RevenuePanel data={{ revenue: data.revenue, free: data.freeRegistrations }} {...common} />
              <AttendancePanel data={data.attendance} {...common} />
              <RetentionPanel data={data.retention} {...common} />
              <RecommendationsPanel data={data.recommendations} {...common} />
              <SatisfactionPanel data={data.satisfaction} {...common} />
              <RealtimePanel data={data.realtime} {...common} onRefresh={reload} />
              <PagesPanel data={{ pages: data.pages, workshops: data.workshops }} {...common} />
              <PredictionPanel data={{ prediction: data.prediction, segments: data.segments }} {...common} />
            </div>
          </PanelLevel.Provider>
        </PanelLocale.Provider>
      )}
    </div>
  );
}
