import type { Locale } from '../../../i18n/locale.ts';
import type { AnalyticsStrings } from './strings.ts';

/** What every panel gets: its slice of the answer, the language, and whether to compare. */
export interface PanelProps<T> {
  data: T;
  locale: Locale;
  t: AnalyticsStrings;
  compare: boolean;
}
