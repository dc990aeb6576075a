// The period the panels show: last 7 / 30 / 90 days, or any from–to up to 366 days; and whether
// to compare with the period of the same length just before.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../i18n/locale.ts';
import { checkRange, type DayRange, MAX_DAYS, PRESETS, presetOf, presetRange } from './range.ts';
import { analyticsStrings } from './strings.ts';

export interface RangePickerProps {
  locale: Locale;
  range: DayRange;
  compare: boolean;
  onRange: (range: DayRange) => void;
  onCompare: (compare: boolean) => void;
  /** Today, for the presets (tests pin it). */
  now?: number;
}

export function RangePicker(props: RangePickerProps) {
  const t = analyticsStrings(props.locale);
  const [from, setFrom] = useState(props.range.from);
  const [to, setTo] = useState(props.range.to);
  const [problem, setProblem] = useState<string | null>(null);
  const preset = presetOf(props.range, props.now);

  useEffect(() => {
    setFrom(props.range.from);
    setTo(props.range.to);
  }, [props.range.from, props.range.to]);

  const submit = (e: Event) => {
    e.preventDefault();
    // Read from the form, not the state: a submit right after typing may beat the re-render.
    const fields = (e.currentTarget as HTMLFormElement).elements;
    const value = (name: string) => (fields.namedItem(name) as HTMLInputElement).value;
    const custom = { from: value('from'), to: value('to') };
    const p = checkRange(custom);
    setProblem(
      p === 'invalid'
        ? t.rangeInvalid
        : p === 'reversed'
          ? t.rangeReversed
          : p
            ? t.rangeTooLong(MAX_DAYS)
            : null,
    );
    if (!p) props.onRange(custom);
  };

  return (
    <form
      class="range-form"
      onSubmit={submit}
      aria-describedby={problem ? 'analytics-range-problem' : undefined}
    >
      <fieldset class="range">
        <legend>{t.range}</legend>
        <div class="presets">
          {PRESETS.map((days) => (
            <button
              type="button"
              key={days}
              aria-pressed={preset === days}
              onClick={() => {
                setProblem(null);
                props.onRange(presetRange(days, props.now));
              }}
            >
              {t.lastDays(days)}
            </button>
          ))}
        </div>
        <label>
          {t.from}
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} name="from" />
        </label>
        <label>
          {t.to}
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} name="to" />
        </label>
        <button type="submit" class="ghost">
          {t.apply}
        </button>
        <label class="check">
          <input
            type="checkbox"
            checked={props.compare}
            onChange={(e) => props.onCompare(e.currentTarget.checked)}
          />
          {t.compare}
        </label>
      </fieldset>
      {problem && (
        <p class="err" id="analytics-range-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
