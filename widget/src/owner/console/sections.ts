import type { FunctionComponent } from 'preact';
import type { Locale } from '../../i18n/locale.ts';
import type { ConsoleContext } from './console-context.ts';

/** What a section module exports: `Section`, rendered with the console's context. */
export type SectionModule = { Section: FunctionComponent<{ ctx: ConsoleContext }> };

export type ConsoleSection = {
  /** The address fragment's name for it: `#/workshops`. */
  id: string;
  /** Its name in the nav. */
  label(locale: Locale): string;
  /** Loaded the first time it is opened, so an owner downloads only what they use. */
  load(): Promise<SectionModule>;
  /** Opened by `navigate` from another section only (e.g. one workshop's attendees): not in the nav. */
  hidden?: boolean;
};

const zh = (locale: Locale) => locale === 'zh-CN';

// The nav, in order; the first is where the console opens. Adding a section is one line here.
export const sections: ConsoleSection[] = [
  {
    id: 'workshops',
    label: (l) => (zh(l) ? '工作坊' : 'Workshops'),
    load: () => import('./workshops/workshops-section.tsx'),
  },
  {
    id: 'attendees',
    label: (l) => (zh(l) ? '参与者' : 'Attendees'),
    load: () => import('./manage/attendees-section.tsx'),
  },
  {
    id: 'ratings',
    label: (l) => (zh(l) ? '评分' : 'Ratings'),
    load: () => import('./manage/ratings-section.tsx'),
  },
  {
    id: 'analytics',
    label: (l) => (zh(l) ? '数据分析' : 'Analytics'),
    load: () => import('./analytics/analytics-section.tsx'),
  },
  {
    id: 'settings',
    label: (l) => (zh(l) ? '站点设置' : 'Site settings'),
    load: () => import('./manage/settings-section.tsx'),
  },
];
