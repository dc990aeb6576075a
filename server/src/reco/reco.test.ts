import { randomUUID } from 'node:crypto';
import { loadRecommender } from '@lectern/model/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ LECTERN_RECO_RETRAIN_EVENTS: '0' });
});
afterEach(async () => {
  await t.close();
});

/** Learners who open workshop `a` and then `b`. */
async function uploadLearners(siteId: string, pairs: [string, string][]) {
  const now = Date.now();
  for (const [a, b] of pairs) {
    const anon = randomUUID();
    const session = randomUUID();
    const events = [a, b].map((w, i) => ({
      id: randomUUID(),
      ts: now - 1000 + i,
      site: siteId,
      anon,
      session,
      type: 'workshop_click',
      workshop: w,
    }));
    const res = await t.app.request('/v1/events', jsonRequest('POST', { events }, { Origin: ORIGIN }));
    expect(res.status).toBe(202);
  }
}

describe('site models', () => {
  it('a new site gets a cold-start model over its workshops, served with immutable bytes', async () => {
    const site = await t.site([ORIGIN]);
    const a = await publishedWorkshop(t, site.id, { title: 'A', tags: ['art'] });
    const b = await publishedWorkshop(t, site.id, { title: 'B', tags: ['art'] });
    const c = await publishedWorkshop(t, site.id, { title: 'C', tags: ['code'] });
    const res = await t.app.request(`/v1/sites/${site.id}/model`, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.source).toBe('cold-start');
    expect([...body.meta.items].sort()).toEqual([a.id, b.id, c.id].map((id) => `w:${id}`).sort());
    expect(body.wasmBase).toMatch(/\/ort\/\d+\.\d+\.\d+\/$/);
    const file = await t.app.request(new URL(body.modelUrl).pathname);
    expect(file.headers.get('cache-control')).toContain('immutable');
    const recommender = await loadRecommender(new Uint8Array(await file.arrayBuffer()), body.meta);
    // Side information: a learner who looked at A is shown B (same tag) before C.
    const rec = await recommender.recommend([`w:${a.id}`], { k: 2 });
    expect(rec.items).toEqual([`w:${b.id}`, `w:${c.id}`]);
  });

  it('learns from uploaded events: what learners took next comes first', async () => {
    const site = await t.site([ORIGIN]);
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((title) => publishedWorkshop(t, site.id, { title })),
    );
    await uploadLearners(site.id, [
      [a.id, c.id],
      [a.id, c.id],
      [a.id, c.id],
      [b.id, a.id],
    ]);
    const trained = await t.app.request(`/v1/sites/${site.id}/model/train`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(trained.status).toBe(201);
    expect((await trained.json()).source).toBe('events');
    const body = await (await t.app.request(`/v1/sites/${site.id}/model`)).json();
    const bytes = new Uint8Array(await (await t.app.request(new URL(body.modelUrl).pathname)).arrayBuffer());
    const recommender = await loadRecommender(bytes, body.meta);
    const rec = await recommender.recommend([`w:${a.id}`], { k: 1 });
    expect(rec).toMatchObject({ items: [`w:${c.id}`], source: 'model' });
    const rows = await t.database.db.selectFrom('reco_models').select(['source']).execute();
    expect(rows.map((r) => r.source).sort()).toEqual(['events']);
  });

  it('retrains in the background once enough new events arrived, at most once per interval', async () => {
    await t.close();
    t = await createTestApp({
      LECTERN_RECO_RETRAIN_EVENTS: '4',
      LECTERN_RECO_RETRAIN_INTERVAL_SECONDS: '600',
    });
    const site = await t.site([ORIGIN]);
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((title) => publishedWorkshop(t, site.id, { title })),
    );
    const eventsUsed = async () =>
      (
        await t.database.db
          .selectFrom('reco_models')
          .select((eb) => eb.fn.max('events_used').as('n'))
          .where('site_id', '=', site.id)
          .executeTakeFirstOrThrow()
      ).n;
    const waitForEventsUsed = async (n: number) => {
      for (let i = 0; i < 100 && Number(await eventsUsed()) < n; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(Number(await eventsUsed())).toBe(n);
    };
    await uploadLearners(site.id, [
      [a.id, b.id],
      [a.id, b.id],
    ]);
    await waitForEventsUsed(4);
    expect((await t.deps.reco.latest(site.id))?.source).toBe('events');

    // Four more events within the interval: the retrain waits for the interval to pass…
    await uploadLearners(site.id, [
      [a.id, c.id],
      [a.id, c.id],
    ]);
    expect(t.deps.reco.retrainScheduled(site.id)).toBe(true);
    expect(Number(await eventsUsed())).toBe(4);
    // …and the scheduled run reads every event that arrived meanwhile.
    // The real ten-minute timer is cancelled and the app's clock moves past the interval instead.
    t.deps.reco.close();
    t.setNow(Date.now() + 601_000);
    await uploadLearners(site.id, [[b.id, c.id]]);
    await waitForEventsUsed(10);
    expect(t.deps.reco.retrainScheduled(site.id)).toBe(false);
  });

  it('refuses what it should', async () => {
    const site = await t.site([ORIGIN]);
    const other = await t.site(['https://other.example']);
    expect((await t.app.request('/v1/sites/nope/model')).status).toBe(404);
    const empty = await t.app.request(`/v1/sites/${site.id}/model`);
    expect([empty.status, (await empty.json()).error.code]).toEqual([409, 'conflict']);
    await publishedWorkshop(t, site.id);
    expect((await t.app.request(`/v1/sites/${site.id}/models/..%2Fsecret.onnx`)).status).toBe(404);
    expect((await t.app.request(`/v1/sites/${site.id}/models/deadbeefdeadbeef.onnx`)).status).toBe(404);
    expect((await t.app.request(`/v1/sites/${site.id}/model/train`, { method: 'POST' })).status).toBe(401);
    expect(
      (await t.app.request(`/v1/sites/${site.id}/model/train`, { method: 'POST', headers: other.auth }))
        .status,
    ).toBe(403);
    const foreign = await t.app.request(`/v1/sites/${site.id}/model`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
