import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDay, formatMinutes, formatMonth, formatPercent } from './format.ts';
import { verdictText } from './verdict.ts';

describe('figures', () => {
  it('in English and Simplified Chinese', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.125, 'zh-CN')).toBe('12.5%');
    expect(formatPercent(null, 'en')).toBe('–');
    expect(formatMinutes(42.54, 'en')).toBe('42.5 min');
    expect(formatMinutes(42.54, 'zh-CN')).toBe('42.5分钟');
    expect(formatDay('2026-12-03', 'en')).toBe('Dec 3');
    expect(formatDay('2026-12-03', 'zh-CN')).toBe('12月3日');
    expect(formatMonth('2026-09', 'en')).toBe('Sep 2026');
    expect(formatMonth('2026-09', 'zh-CN')).toBe('2026年9月');
  });

  it('changes from the previous period, none when there was nothing before', () => {
    expect(formatChange(150, 120, 'en')).toEqual({ text: '+25%', direction: 'up' });
    expect(formatChange(90, 120, 'en')).toEqual({ text: '-25%', direction: 'down' });
    expect(formatChange(5, 5, 'en')).toEqual({ text: '0%', direction: 'flat' });
    expect(formatChange(5, 0, 'en')).toBeNull();
  });
});

describe('the A/B verdict', () => {
  it('says who leads, by how many points, and whether it is significant', () => {
    expect(verdictText({ leader: 'model', points: 2.14, significant: false }, 'en')).toBe(
      'The model is ahead by 2.1 points; not yet significant.',
    );
    expect(verdictText({ leader: 'popularity', points: 3, significant: true }, 'en')).toBe(
      'Popular picks are ahead by 3.0 points; significant at 95%.',
    );
    expect(verdictText({ leader: 'model', points: 2.14, significant: false }, 'zh-CN')).toBe(
      '模型领先 2.1 个百分点；尚不显著。',
    );
    expect(verdictText({ leader: 'popularity', points: 3, significant: true }, 'zh-CN')).toBe(
      '热门推荐领先 3.0 个百分点；差异显著（95% 置信）。',
    );
    expect(verdictText({ leader: 'model', points: 0.01, significant: false }, 'en')).toBe(
      'The model and popular picks are level so far.',
    );
    expect(verdictText({ leader: null, points: 0, significant: false }, 'zh-CN')).toBe(
      '数据太少，暂时无法比较。',
    );
  });
});
