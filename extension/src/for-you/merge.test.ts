import type { PublicWorkshop } from '@lectern/server/contract';
import { describe, expect, it } from 'vitest';
import { testWorkshop } from '../test-support/workshop.ts';
import { mergeForYou, type SiteRanking } from './merge.ts';

const ws = (id: string, tags: string[], language = 'en', inDays = 3): PublicWorkshop =>
  testWorkshop({
    id,
    siteId: id.split('_')[0],
    startsAt: new Date(Date.UTC(2030, 0, 1 + inDays)).toISOString(),
    endsAt: new Date(Date.UTC(2030, 0, 1 + inDays, 2)).toISOString(),
    seatsLeft: 5,
    tags,
    language,
  });

const blogSourdough = ws('blog_sourdough', ['baking', 'food']);
const blogTs = ws('blog_ts', ['programming']);
const courseBread = ws('course_bread', ['baking', 'bread'], 'en', 9);
const courseCharts = ws('course_charts', ['data', 'charts'], 'en', 1);

function sites(blogPicks: string[], blogHistory: SiteRanking['history']): SiteRanking[] {
  return [
    {
      key: 'blog',
      host: 'blog.example',
      link: 'https://blog.example/',
      candidates: [blogSourdough, blogTs],
      modelPicks: blogPicks,
      modelSource: 'model',
      history: blogHistory,
    },
    {
      key: 'course',
      host: 'course.example',
      link: 'https://course.example/',
      candidates: [courseBread, courseCharts],
      // The course site knows none of this learner's history: its popular list, charts first.
      modelPicks: ['course_charts', 'course_bread'],
      modelSource: 'popularity',
      history: [],
    },
  ];
}

describe('mergeForYou', () => {
  it('carries a baking reader to the bread workshop on another site, with the reason', () => {
    const list = mergeForYou(sites(['blog_sourdough', 'blog_ts'], [{ title: 'Keeping a starter alive' }]));
    const ids = list.map((i) => i.workshop.id);
    expect(ids[0]).toBe('blog_sourdough');
    expect(ids.indexOf('course_bread')).toBeLessThan(ids.indexOf('course_charts'));
    const bread = list.find((i) => i.workshop.id === 'course_bread')!;
    expect(bread.because).toEqual({ title: 'Keeping a starter alive', host: 'blog.example' });
  });

  it('follows the history: a programming reader gets the programming workshop first', () => {
    const list = mergeForYou(
      sites(['blog_ts', 'blog_sourdough'], [{ title: 'Zod at the edge', workshop: blogTs }]),
    );
    expect(list[0].workshop.id).toBe('blog_ts');
    expect(list.find((i) => i.workshop.id === 'course_bread')!.score).toBeLessThan(list[0].score);
  });

  it('names the closest workshop read as the reason when there is one', () => {
    const list = mergeForYou(sites([], [{ title: 'Sourdough class', workshop: blogSourdough }]));
    expect(list.find((i) => i.workshop.id === 'course_bread')!.because.title).toBe('Sourdough class');
  });

  it('without any history, orders by start and keeps the limit', () => {
    const list = mergeForYou(sites([], []), 3);
    expect(list).toHaveLength(3);
    expect(list[0].workshop.id).toBe('course_charts');
  });
});
