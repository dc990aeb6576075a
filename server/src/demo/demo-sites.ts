// The second demo site: the course site (examples/course-site, served at /course/) is its own
// Lectern site with its own workshops and model, so that what crosses sites (the browser
// extension's "For you", its tickets) can be seen and tested on one machine.
import type { AppDeps } from '../app-deps.ts';
import type { DemoWorkshop } from './demo-workshops.ts';
import { seedWorkshop, startFor } from './seed-workshop.ts';

export const COURSE_SITE_ID = 'course';
/** A course workshop's id from its key (e.g. `ws_course_bread`). */
export const courseWorkshopId = (key: string) => `ws_course_${key}`;

const courseWorkshops: DemoWorkshop[] = [
  {
    key: 'charts',
    title: 'Choosing the right chart, live',
    summary: 'Bar, line or dot plot? Bring a dataset and leave with a chart that answers its question.',
    description: 'We look at five real datasets and pick, draw and critique a chart for each.',
    hostName: 'Inès Moreau',
    inDays: 3,
    hourUtc: 16,
    durationMinutes: 90,
    timeZone: 'Europe/Paris',
    capacity: 30,
    priceAmount: 2400,
    currency: 'EUR',
    tags: ['data', 'visualization'],
    language: 'en',
  },
  {
    key: 'bread',
    title: 'Country bread at home: crust, crumb and timing',
    summary: 'A weekend bake-along for a crusty country loaf, from levain to the first slice.',
    description: 'We mix, fold, shape and bake together; the timing sheet works around a working week.',
    hostName: 'Tomás Ruiz',
    inDays: 5,
    hourUtc: 9,
    durationMinutes: 120,
    timeZone: 'Europe/Madrid',
    capacity: 20,
    priceAmount: 3500,
    currency: 'EUR',
    tags: ['baking', 'bread', 'food'],
    language: 'en',
  },
  {
    key: 'colour',
    title: 'Colour that carries meaning',
    summary: 'Palettes that survive colour blindness, print and dark mode, and say what they mean.',
    description: 'Sequential, diverging and categorical palettes, checked live against real charts.',
    hostName: 'Inès Moreau',
    inDays: 8,
    hourUtc: 16,
    durationMinutes: 60,
    timeZone: 'Europe/Paris',
    capacity: 40,
    priceAmount: 0,
    currency: 'EUR',
    tags: ['data', 'design'],
    language: 'en',
  },
  {
    key: 'story',
    title: '用数据讲故事：从表格到一页报告',
    summary: '把一张表格变成一页清楚的报告：选题、图表和文字一起设计。',
    description: '我们一起拆解三份真实的报告，并现场改写其中一份。',
    hostName: '周敏',
    inDays: 6,
    hourUtc: 12,
    durationMinutes: 90,
    timeZone: 'Asia/Shanghai',
    capacity: 50,
    priceAmount: 9900,
    currency: 'CNY',
    tags: ['data', 'writing'],
    language: 'zh-CN',
  },
];

/**
 * Seeds the course site (same owner key as the demo site) and its workshops. Idempotent: an
 * existing workshop is kept, one that has ended is moved forward so the demo stays upcoming.
 */
export async function seedCourseSite(deps: AppDeps, ownerKey: string): Promise<void> {
  if (!(await deps.sites.get(COURSE_SITE_ID))) {
    const origins = [new URL(deps.config.publicUrl).origin];
    await deps.sites.create({ id: COURSE_SITE_ID, name: 'Learn Data Visually', origins, key: ownerKey });
  }
  const now = deps.now();
  for (const { key, inDays, hourUtc, soldOut: _s, startsSoon: _n, ...fields } of courseWorkshops) {
    await seedWorkshop(
      deps,
      COURSE_SITE_ID,
      courseWorkshopId(key),
      fields,
      startFor(now, inDays, hourUtc),
      (existingStart) => existingStart + fields.durationMinutes * 60_000 < now,
    );
  }
}
