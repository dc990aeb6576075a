import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KnownSite } from '../store/extension-db.ts';
import { testWorkshop } from '../test-support/workshop.ts';

// refreshForYou with its storage and the site's server replaced: what it keeps when the learner
// forgets a site while a list is being computed.
const site: KnownSite = {
  key: 'http://lectern.test#course',
  server: 'http://lectern.test',
  site: 'course',
  host: 'course.test',
  lastPage: 'http://course.test/live',
  firstSeen: 0,
  lastSeen: 0,
};
const bread = testWorkshop({ id: 'ws_course_bread', siteId: 'course', title: 'Country bread' });

let known: KnownSite[] = [];
/** Called when the site's workshops are asked for (the slow part of a refresh). */
let onWorkshops: () => Promise<void> = async () => undefined;
const written: unknown[] = [];
vi.mock('../store/extension-db.ts', () => ({
  extensionDb: { sites: async () => known, pageTitles: async () => new Map() },
}));
vi.mock('../log/cross-site-log.ts', () => ({
  crossSiteLog: { history: async () => [{ type: 'page_view', path: '/live', ts: 1 }] },
}));
vi.mock('../model/site-models.ts', () => ({
  siteWorkshops: async () => {
    await onWorkshops();
    return [bread];
  },
  rankSite: async () => ({ ids: ['ws_course_bread'], source: 'model' }),
}));
vi.mock('../store/local-state.ts', () => ({
  readState: async () => [],
  writeState: async (_key: string, value: unknown) => {
    written.push(value);
  },
}));
const { noteErasure, refreshForYou } = await import('./for-you.ts');

const ids = (cache: { items: { workshop: { id: string } }[] }) => cache.items.map((i) => i.workshop.id);

beforeEach(() => {
  known = [site];
  written.length = 0;
  onWorkshops = async () => undefined;
});

describe('refreshForYou', () => {
  it('lists the workshops of the sites it knows', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(ids(await refreshForYou(now))).toEqual(['ws_course_bread']);
    expect(written).toHaveLength(1);
  });

  it('computes again, and never keeps, a list begun before the learner forgot its site', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    onWorkshops = async () => {
      // The learner forgets the course site while its workshops are on their way.
      known = [];
      noteErasure();
      onWorkshops = async () => undefined;
    };
    expect(ids(await refreshForYou(now))).toEqual([]);
    expect(written.map((c) => ids(c as never))).toEqual([[]]);
  });
});
