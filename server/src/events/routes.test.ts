import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
let siteId: string;

beforeEach(async () => {
  t = await createTestApp();
  siteId = (await t.site([ORIGIN])).id;
});
afterEach(async () => {
  await t.close();
});

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    ts: Date.now() - 1000,
    site: siteId,
    anon: 'anon-0123456789',
    session: 'sess-0123456789',
    type: 'page_view',
    path: '/posts/sourdough',
    ...overrides,
  };
}

function post(body: unknown, headers: Record<string, string> = { Origin: ORIGIN }) {
  return t.app.request('/v1/events', jsonRequest('POST', body, headers));
}

async function storedIds(): Promise<string[]> {
  const rows = await t.database.db.selectFrom('events').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect((await res.json()).error.code).toBe(code);
}

describe('POST /v1/events', () => {
  it('stores a batch with every field and answers 202 with CORS for the site origin', async () => {
    const events = [
      event(),
      event({ type: 'workshop_click', workshop: 'ws_abc', value: 3, label: 'reco:v2.b' }),
    ];
    const res = await post({ events });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const row = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', events[1].id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      site_id: siteId,
      type: 'workshop_click',
      workshop_id: 'ws_abc',
      value: 3,
      label: 'reco:v2.b',
      path: '/posts/sourdough',
      ts: events[1].ts,
    });
    expect(Number(row.received_at)).toBeGreaterThan(0);
  });

  it('accepts the text/plain body that sendBeacon sends', async () => {
    const res = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
      body: JSON.stringify({ events: [event()] }),
    });
    expect(res.status).toBe(202);
    expect(await storedIds()).toHaveLength(1);
  });

  it('ignores a replayed batch and counts duplicates, including repeats inside one batch', async () => {
    const a = event();
    const b = event();
    expect(await (await post({ events: [a, b] })).json()).toEqual({ accepted: 2, duplicates: 0 });
    const c = event();
    const replay = await post({ events: [a, b, c, c] });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ accepted: 1, duplicates: 3 });
    expect(await storedIds()).toEqual([a.id, b.id, c.id].sort());
  });

  it('accepts requests without Origin (not CORS) and from the server own origin', async () => {
    expect((await post({ events: [event()] }, {})).status).toBe(202);
    expect((await post({ events: [event()] }, { Origin: 'http://lectern.test' })).status).toBe(202);
  });
});

describe('POST /v1/events refuses bad input and leaves the database unchanged', () => {
  const cases: [string, () => unknown, number, string][] = [
    ['malformed JSON', () => '{"events": [', 400, 'invalid_json'],
    ['no events', () => ({ events: [] }), 400, 'validation_failed'],
    ['a wrong type', () => ({ events: [event({ ts: 'yesterday' })] }), 400, 'validation_failed'],
    ['an unknown event type', () => ({ events: [event({ type: 'keystroke' })] }), 400, 'validation_failed'],
    ['an unknown field', () => ({ events: [event({ email: 'a@b.c' })] }), 400, 'validation_failed'],
    ['an unknown top-level field', () => ({ events: [event()], extra: 1 }), 400, 'validation_failed'],
    ['a query string in path', () => ({ events: [event({ path: '/p?q=me' })] }), 400, 'validation_failed'],
    ['a fragment in path', () => ({ events: [event({ path: '/p#x' })] }), 400, 'validation_failed'],
    ['free text as label', () => ({ events: [event({ label: 'hello world' })] }), 400, 'validation_failed'],
    ['a non-uuid id', () => ({ events: [event({ id: 'one' })] }), 400, 'validation_failed'],
    [
      'more than 100 events',
      () => ({ events: Array.from({ length: 101 }, () => event()) }),
      400,
      'validation_failed',
    ],
    [
      'a batch mixing sites',
      () => ({ events: [event(), event({ site: 'other-site' })] }),
      400,
      'validation_failed',
    ],
    [
      'a ts two days ahead',
      () => ({ events: [event({ ts: Date.now() + 2 * 86_400_000 })] }),
      400,
      'validation_failed',
    ],
    ['a ts from 1970', () => ({ events: [event({ ts: 1000 })] }), 400, 'validation_failed'],
    ['an unknown site', () => ({ events: [event({ site: 'no-such-site' })] }), 404, 'not_found'],
  ];

  for (const [name, body, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      await expectError(await post(body()), status, code);
      expect(await storedIds()).toEqual([]);
    });
  }

  it('another origin → 403 without CORS headers', async () => {
    const res = await post({ events: [event()] }, { Origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await expectError(res, 403, 'origin_not_allowed');
    expect(await storedIds()).toEqual([]);
  });

  it('another site origin → 403 (a site cannot write events for another)', async () => {
    const other = await t.site(['https://other.example']);
    const res = await post({ events: [event({ site: other.id })] });
    await expectError(res, 403, 'origin_not_allowed');
    expect(await storedIds()).toEqual([]);
  });

  it('a form body → 415', async () => {
    const res = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'events=1',
    });
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('a body over the size limit → 413', async () => {
    const big = JSON.stringify({ events: [event({ label: 'x'.repeat(t.config.bodyLimitBytes) })] });
    await expectError(await post(big), 413, 'payload_too_large');
    expect(await storedIds()).toEqual([]);
  });
});

describe('POST /v1/events rate limit', () => {
  it('answers 429 with Retry-After and CORS once the per-client budget is spent', async () => {
    await t.close();
    t = await createTestApp({ LECTERN_RATE_LIMIT_WRITE: '2' });
    siteId = (await t.site([ORIGIN])).id;
    expect((await post({ events: [event()] })).status).toBe(202);
    expect((await post({ events: [event()] })).status).toBe(202);
    const limited = await post({ events: [event()] });
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    await expectError(limited, 429, 'rate_limited');
    expect(await storedIds()).toHaveLength(2);
    // The bucket refills with time.
    t.setNow(Date.now() + 30_000);
    expect((await post({ events: [event()] })).status).toBe(202);
  });
});
