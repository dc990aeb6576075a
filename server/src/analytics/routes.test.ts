import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_PANELS, type Analytics } from '../contract/analytics.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { NOW, RANGE, seedFixture } from './test-fixture.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
beforeAll(async () => {
  t = await createTestApp();
  site = await t.site();
  await seedFixture(t.deps.db, site.id);
  t.setNow(NOW);
});
afterAll(() => t.close());

const url = (query = `?from=${RANGE.from}&to=${RANGE.to}`, suffix = '') =>
  `/v1/sites/${site.id}/owner/analytics${suffix}${query}`;

describe('GET /v1/sites/:site/owner/analytics', () => {
  it('answers the site owner with every panel', async () => {
    const res = await t.app.request(url(), { headers: site.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Analytics;
    expect(body.funnel).toMatchObject({
      pageViews: 16,
      workshopViews: 13,
      checkouts: 10,
      paid: 13,
      attended: 9,
    });
    expect(body.revenue.map((r) => [r.currency, r.net])).toEqual([
      ['EUR', 11000],
      ['USD', 7500],
    ]);
    for (const panel of ANALYTICS_PANELS) expect(body).toHaveProperty(panel);
  });

  it('defaults to the last 30 days', async () => {
    const body = (await (await t.app.request(url(''), { headers: site.auth })).json()) as Analytics;
    expect(body.range).toEqual({ from: '2026-11-02', to: '2026-12-01', days: 30 });
  });

  it('refuses a request without a session, and the owner of another site', async () => {
    expect((await t.app.request(url())).status).toBe(401);
    const other = await t.site();
    const res = await t.app.request(url(), { headers: other.auth });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await t.app.request(url(undefined, '/export'), { headers: other.auth })).status).toBe(403);
  });

  it.each([
    ['?from=2026-02-30&to=2026-03-01', 'from'],
    ['?from=yesterday', 'from'],
    ['?from=2026-11-02&to=2026-11-01', 'after'],
    ['?from=2025-01-01&to=2026-01-02', '366'],
  ])('answers 400 validation_failed for %s', async (query, words) => {
    const res = await t.app.request(url(query), { headers: site.auth });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain(words);
  });
});

describe('GET /v1/sites/:site/owner/analytics/export', () => {
  it('is a zip with one RFC 4180 CSV per panel', async () => {
    const res = await t.app.request(url(undefined, '/export'), { headers: site.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(
      `lectern-analytics-${site.id}-2026-11-01-2026-11-30.zip`,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(ANALYTICS_PANELS.map((p) => `${p}.csv`).sort());
    const funnel = strFromU8(files['funnel.csv']).split('\r\n');
    // The shared CSV writer (http/csv.ts) starts every file with a UTF-8 BOM, for Excel (the
    // decoder drops it from the text).
    expect([...files['funnel.csv'].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(funnel[0]).toBe('scope,workshop_id,title,page_views,workshop_views,checkouts,paid,attended');
    expect(funnel[1]).toBe('period,,,16,13,10,13,9');
    expect(funnel).toContain('workshop,ws_a,Workshop ws_a,6,6,5,6,3');
    const revenue = strFromU8(files['revenue.csv']);
    expect(revenue).toContain('period,EUR,,13000,2000,11000,7,1857\r\n');
    expect(revenue).toContain('day,USD,2026-11-12,7500,0,7500,5,\r\n');
    expect(revenue).toContain('free_registrations,,,,,,1,\r\n');
    // ISO 8601 UTC time of the realtime figures.
    expect(strFromU8(files['realtime.csv'])).toContain(
      '2026-12-01T12:00:00.000Z,ws_live,Workshop ws_live,5,',
    );
  });
});
