import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { COURSE_SITE_ID, courseWorkshopId } from './demo-sites.ts';
import { DEMO_SITE_ID, seedDemo } from './seed-demo.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

// Seeding the demo site writes its four months of history (tens of thousands of rows): on a
// loaded machine with PostgreSQL that takes longer than the default 5 s.
describe('demo sites', () => {
  it('seeds the course site as a second site with its own workshops and model', async () => {
    await seedDemo(t.deps);
    const res = await t.app.request(`/v1/sites/${COURSE_SITE_ID}/workshops`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.site).toEqual({ id: COURSE_SITE_ID, name: 'Learn Data Visually' });
    const ids = body.workshops.map((w: { id: string }) => w.id);
    expect(ids).toContain(courseWorkshopId('bread'));
    expect(ids.every((id: string) => id.startsWith('ws_course_'))).toBe(true);
    // The demo site's catalogue stays its own.
    const demo = await (await t.app.request(`/v1/sites/${DEMO_SITE_ID}/workshops`)).json();
    expect(demo.workshops.some((w: { id: string }) => ids.includes(w.id))).toBe(false);
    const model = await (await t.app.request(`/v1/sites/${COURSE_SITE_ID}/model`)).json();
    expect(model.meta.items).toContain(`w:${courseWorkshopId('bread')}`);
    expect(model.meta.items.some((k: string) => k.includes('ws_demo_'))).toBe(false);
  }, 60_000);

  it('is idempotent and moves an ended course workshop forward', async () => {
    await seedDemo(t.deps);
    const id = courseWorkshopId('charts');
    await t.deps.db
      .updateTable('workshops')
      .set({ starts_at: Date.now() - 10 * 86_400_000 })
      .where('id', '=', id)
      .execute();
    await seedDemo(t.deps);
    const rows = await t.deps.db
      .selectFrom('workshops')
      .select(['id', 'starts_at'])
      .where('site_id', '=', COURSE_SITE_ID)
      .execute();
    expect(rows).toHaveLength(4);
    expect(Number(rows.find((r) => r.id === id)!.starts_at)).toBeGreaterThan(Date.now());
  }, 60_000);
});
