// The A/B panel's verdict in plain words. The server decides (who leads, by how many points,
// whether the 95 % interval of the difference excludes zero); this only words it.
import type { Locale } from '../../../i18n/locale.ts';

export interface VerdictFacts {
  /** The variant ahead, or null when there is nothing to compare yet. */
  leader: 'model' | 'popularity' | null;
  /** How far ahead, in percentage points (2.1 = 2.1 points). */
  points: number;
  significant: boolean;
}

const points = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(n));

/** "The model is ahead by 2.1 points; not yet significant." / "模型领先 2.1 个百分点；尚不显著。" */
export function verdictText(facts: VerdictFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (facts.leader === null) return zh ? '数据太少，暂时无法比较。' : 'Too little data to compare yet.';
  const by = points(facts.points, locale);
  if (by === points(0, locale)) {
    return zh ? '模型与热门推荐目前不相上下。' : 'The model and popular picks are level so far.';
  }
  if (zh) {
    const who = facts.leader === 'model' ? '模型' : '热门推荐';
    return `${who}领先 ${by} 个百分点；${facts.significant ? '差异显著（95% 置信）。' : '尚不显著。'}`;
  }
  const who = facts.leader === 'model' ? 'The model is' : 'Popular picks are';
  return `${who} ahead by ${by} points; ${facts.significant ? 'significant at 95%.' : 'not yet significant.'}`;
}
