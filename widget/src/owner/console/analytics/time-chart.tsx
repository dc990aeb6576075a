// A uPlot time series by UTC day, drawn in a canvas the screen reader skips; the same figures sit
// beside it in a visually hidden table, so nobody needs the picture to read them.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { Locale } from '../../../i18n/locale.ts';
import { adoptAnalyticsStyles } from './analytics-styles.ts';
import { formatDay } from './format.ts';
import { dayStart } from './range.ts';
import { analyticsStrings } from './strings.ts';

export interface DaySeries {
  label: string;
  /** One value per day of `days`; null where there is no figure. */
  values: (number | null)[];
  /** The previous period, drawn dashed in the muted colour. */
  previous?: boolean;
}

export interface TimeChartProps {
  caption: string;
  /** UTC days, YYYY-MM-DD, in order. */
  days: string[];
  series: DaySeries[];
  /** Formats a value on the axis and in the table (a price, a count…). */
  format: (n: number) => string;
  locale: Locale;
  height?: number;
}

const DAY_STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364].map((d) => d * 86_400);

/** The chart's colours, read from the theme tokens where the chart sits (canvas cannot use var()). */
export function chartColors(el: Element): {
  line: string;
  previous: string;
  grid: string;
  text: string;
  background: string;
} {
  const css = getComputedStyle(el);
  const token = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    // The accent as links use it: the light blue in the dark scheme, where the accent is too dim.
    line: token('--al', token('--a', '#1f5eff')),
    background: token('--bg', '#fff'),
    previous: token('--mu', '#5b5b66'),
    grid: token('--bd', '#dcdce3'),
    text: css.color || '#1b1b1f',
  };
}

/** uPlot's options for the chart: UTC days on x, `format`ted values on y, themed colours. */
export function chartOptions(
  props: TimeChartProps,
  width: number,
  colors: ReturnType<typeof chartColors>,
): uPlot.Options {
  const axis = {
    stroke: colors.text,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  };
  return {
    width,
    height: props.height ?? 200,
    legend: { show: false },
    cursor: { y: false },
    // Splits at UTC midnight, as the days are UTC days.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    scales: { x: { time: true } },
    axes: [
      {
        ...axis,
        // Whole days only: a short range must not get hourly ticks that all read "Dec 1".
        incrs: DAY_STEPS,
        values: (_u, splits) =>
          splits.map((s) => formatDay(new Date(s * 1e3).toISOString().slice(0, 10), props.locale)),
      },
      { ...axis, size: 70, values: (_u, splits) => splits.map((s) => props.format(s)) },
    ],
    series: [
      {},
      ...props.series.map((s) => ({
        label: s.label,
        stroke: s.previous ? colors.previous : colors.line,
        width: 2,
        ...(s.previous && { dash: [6, 4] }),
        points: { show: props.days.length <= 31, fill: colors.background },
      })),
    ],
  };
}

/** uPlot's data: x in seconds, one array per series. */
export function chartData(props: TimeChartProps): uPlot.AlignedData {
  return [props.days.map((d) => dayStart(d) / 1000), ...props.series.map((s) => s.values)];
}

export function TimeChart(props: TimeChartProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const t = analyticsStrings(props.locale);

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    adoptAnalyticsStyles(el);
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      plot = null;
      el.replaceChildren();
      try {
        plot = new uPlot(chartOptions(props, el.clientWidth || 400, chartColors(el)), chartData(props), el);
      } catch {
        // No canvas (a locked-down browser): the table below still carries every figure.
      }
    };
    draw();
    // Light/dark switches change the tokens: draw again with the new colours.
    const scheme = el.closest('.scheme');
    const themeWatch = new MutationObserver(draw);
    if (scheme) themeWatch.observe(scheme, { attributes: true, attributeFilter: ['class'] });
    const resize =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() =>
            plot?.setSize({ width: el.clientWidth || 400, height: props.height ?? 200 }),
          )
        : null;
    resize?.observe(el);
    return () => {
      themeWatch.disconnect();
      resize?.disconnect();
      plot?.destroy();
    };
  }, [props]);

  return (
    <figure class="chart">
      <figcaption aria-hidden="true">{props.caption}</figcaption>
      <div class="plot" ref={plotRef} aria-hidden="true" />
      {props.series.length > 1 && (
        <ul class="key" aria-hidden="true">
          {props.series.map((s) => (
            <li key={s.label}>
              <span class={s.previous ? 'swatch previous' : 'swatch'} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <table class="sr-only">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.day}</th>
            {props.series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{formatDay(day, props.locale)}</th>
              {props.series.map((s) => (
                <td key={s.label}>{s.values[i] === null ? '–' : props.format(s.values[i] as number)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
