import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';

const DAY = 86_400_000;

function validWorkshop(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Knife skills for home cooks',
    summary: 'Dice, julienne, and keep your fingers.',
    description: 'Bring a **sharp** knife.',
    hostName: 'Ada Chef',
    startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
    durationMinutes: 90,
    timeZone: 'Europe/Paris',
    capacity: 12,
    priceAmount: 2500,
    currency: 'eur',
    tags: ['cooking'],
    language: 'en',
    ...overrides,
  };
}

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

async function countWorkshops() {
  const row = await t.database.db
    .selectFrom('workshops')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('owner workshop lifecycle', () => {
  it('creates a draft, publishes it, lists it publicly with seats left, then cancels it', async () => {
    const site = await t.site();
    const created = await t.app.request(
      `/v1/sites/${site.id}/workshops`,
      jsonRequest('POST', validWorkshop(), site.auth),
    );
    expect(created.status).toBe(201);
    const draft = await created.json();
    expect(draft).toMatchObject({ status: 'draft', currency: 'EUR', seatsLeft: 12, priceAmount: 2500 });
    expect(draft.id).toMatch(/^ws_[\w-]{16}$/);

    const before = await (await t.app.request(`/v1/sites/${site.id}/workshops`)).json();
    expect(before.workshops).toHaveLength(0);

    const published = await t.app.request(`/v1/sites/${site.id}/workshops/${draft.id}/publish`, {
      method: 'POST',
      headers: site.auth,
    });
    expect((await published.json()).status).toBe('published');

    const list = await t.app.request(`/v1/sites/${site.id}/workshops`);
    expect(list.headers.get('etag')).toMatch(/^W\/"/);
    expect(list.headers.get('cache-control')).toContain('max-age');
    const body = await list.json();
    expect(body.workshops.map((w: { id: string }) => w.id)).toEqual([draft.id]);
    expect(body.workshops[0]).not.toHaveProperty('paidCount');

    const cancelled = await t.app.request(`/v1/sites/${site.id}/workshops/${draft.id}/cancel`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', seatsLeft: 0 });
    const edit = await t.app.request(
      `/v1/sites/${site.id}/workshops/${draft.id}`,
      jsonRequest('PATCH', { title: 'x' }, site.auth),
    );
    expect(edit.status).toBe(409);
  });

  it('orders upcoming workshops soonest first and hides ended ones and drafts', async () => {
    const site = await t.site();
    const mk = async (inDays: number, publish = true) => {
      const res = await t.app.request(
        `/v1/sites/${site.id}/workshops`,
        jsonRequest(
          'POST',
          validWorkshop({
            title: `in ${inDays}`,
            startsAt: new Date(Date.now() + inDays * DAY).toISOString(),
          }),
          site.auth,
        ),
      );
      const w = await res.json();
      if (publish)
        await t.app.request(`/v1/sites/${site.id}/workshops/${w.id}/publish`, {
          method: 'POST',
          headers: site.auth,
        });
      return w.id as string;
    };
    await mk(5);
    await mk(-2);
    await mk(1);
    await mk(2, false);
    const body = await (await t.app.request(`/v1/sites/${site.id}/workshops`)).json();
    expect(body.workshops.map((w: { title: string }) => w.title)).toEqual(['in 1', 'in 5']);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const site = await t.site();
    const first = await t.app.request(`/v1/sites/${site.id}/workshops`);
    const again = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('updates fields and refuses to shrink capacity below seats taken', async () => {
    const site = await t.site();
    const w = await (
      await t.app.request(`/v1/sites/${site.id}/workshops`, jsonRequest('POST', validWorkshop(), site.auth))
    ).json();
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      await t.database.db
        .insertInto('orders')
        .values({
          id: `ord_${i}`,
          site_id: site.id,
          workshop_id: w.id,
          status: 'paid',
          email: null,
          amount: 2500,
          currency: 'EUR',
          provider: 'dev',
          provider_session_id: null,
          hold_expires_at: null,
          created_at: now,
          updated_at: now,
          paid_at: now,
        })
        .execute();
    }
    const shrink = await t.app.request(
      `/v1/sites/${site.id}/workshops/${w.id}`,
      jsonRequest('PATCH', { capacity: 2 }, site.auth),
    );
    expect(shrink.status).toBe(409);
    const ok = await t.app.request(
      `/v1/sites/${site.id}/workshops/${w.id}`,
      jsonRequest('PATCH', { capacity: 3, title: 'Knife skills II' }, site.auth),
    );
    expect(await ok.json()).toMatchObject({
      capacity: 3,
      title: 'Knife skills II',
      seatsLeft: 0,
      paidCount: 3,
    });
  });
});

describe('bad input leaves the database unchanged', () => {
  const cases: [string, unknown, number, string][] = [
    ['malformed JSON', '{"title": ', 400, 'invalid_json'],
    ['wrong types', validWorkshop({ capacity: 'ten' }), 400, 'validation_failed'],
    ['unknown fields', validWorkshop({ admin: true }), 400, 'validation_failed'],
    ['invalid time zone', validWorkshop({ timeZone: 'Mars/Olympus_Mons' }), 400, 'validation_failed'],
    ['invalid currency', validWorkshop({ currency: 'XYZ1' }), 400, 'validation_failed'],
    ['negative capacity', validWorkshop({ capacity: -1 }), 400, 'validation_failed'],
    ['negative price', validWorkshop({ priceAmount: -100 }), 400, 'validation_failed'],
    ['fractional price', validWorkshop({ priceAmount: 9.99 }), 400, 'validation_failed'],
    ['start without offset', validWorkshop({ startsAt: '2027-01-01 10:00' }), 400, 'validation_failed'],
    ['empty title', validWorkshop({ title: '   ' }), 400, 'validation_failed'],
  ];
  for (const [name, body, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const site = await t.site();
      const res = await t.app.request(`/v1/sites/${site.id}/workshops`, jsonRequest('POST', body, site.auth));
      expect(res.status).toBe(status);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(5);
      expect(await countWorkshops()).toBe(0);
    });
  }

  it('oversized body → 413 payload_too_large', async () => {
    const site = await t.site();
    const res = await t.app.request(
      `/v1/sites/${site.id}/workshops`,
      jsonRequest('POST', validWorkshop({ description: 'x'.repeat(200_000) }), site.auth),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(await countWorkshops()).toBe(0);
  });

  it('wrong content type → 415', async () => {
    const site = await t.site();
    const res = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      method: 'POST',
      headers: { ...site.auth, 'Content-Type': 'text/plain' },
      body: JSON.stringify(validWorkshop()),
    });
    expect(res.status).toBe(415);
    expect(await countWorkshops()).toBe(0);
  });

  it('missing, forged, expired and other-site owner tokens are refused', async () => {
    const site = await t.site();
    const other = await t.site(['https://other.example']);
    const url = `/v1/sites/${site.id}/workshops`;
    const missing = await t.app.request(url, jsonRequest('POST', validWorkshop()));
    expect([missing.status, (await missing.json()).error.code]).toEqual([401, 'unauthorized']);
    const forged = await t.app.request(
      url,
      jsonRequest('POST', validWorkshop(), { Authorization: 'Bearer abc.def.ghi' }),
    );
    expect([forged.status, (await forged.json()).error.code]).toEqual([401, 'unauthorized']);
    const foreign = await t.app.request(url, jsonRequest('POST', validWorkshop(), other.auth));
    expect([foreign.status, (await foreign.json()).error.code]).toEqual([403, 'forbidden']);
    t.setNow(Date.now() + 2 * 3600_000);
    const expired = await t.app.request(url, jsonRequest('POST', validWorkshop(), site.auth));
    const expiredBody = await expired.json();
    expect([expired.status, expiredBody.error.code]).toEqual([401, 'unauthorized']);
    expect(expiredBody.error.message).toMatch(/expired/);
    expect(await countWorkshops()).toBe(0);
  });

  it('another site cannot read or change a workshop through its own path', async () => {
    const site = await t.site();
    const other = await t.site(['https://other.example']);
    const w = await (
      await t.app.request(`/v1/sites/${site.id}/workshops`, jsonRequest('POST', validWorkshop(), site.auth))
    ).json();
    const res = await t.app.request(
      `/v1/sites/${other.id}/workshops/${w.id}`,
      jsonRequest('PATCH', { title: 'pwned' }, other.auth),
    );
    expect(res.status).toBe(404);
    const publish = await t.app.request(`/v1/sites/${other.id}/workshops/${w.id}/publish`, {
      method: 'POST',
      headers: other.auth,
    });
    expect(publish.status).toBe(404);
    const row = await t.database.db
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect([row.title, row.status]).toEqual(['Knife skills for home cooks', 'draft']);
  });

  it('unknown site and unknown workshop → 404 JSON', async () => {
    const res = await t.app.request('/v1/sites/nope/workshops');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    const site = await t.site();
    const one = await t.app.request(`/v1/sites/${site.id}/workshops/ws_nope`);
    expect(one.status).toBe(404);
  });
});

describe('CORS per site', () => {
  it('allows a registered origin and refuses others', async () => {
    const site = await t.site(['https://blog.example']);
    const ok = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      headers: { Origin: 'https://blog.example' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://blog.example');
    const bad = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(bad.status).toBe(403);
    // The refusal (and nothing else) is readable by that page: the widget names the origin to register.
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect((await bad.json()).error.code).toBe('origin_not_allowed');
  });

  it('answers preflights only for registered origins', async () => {
    const site = await t.site(['https://blog.example']);
    const ok = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const bad = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(bad.status).toBe(403);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client exceeds the write limit', async () => {
    await t.close();
    t = await createTestApp({ LECTERN_RATE_LIMIT_WRITE: '3' });
    const site = await t.site();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.request(
        `/v1/sites/${site.id}/workshops`,
        jsonRequest('POST', validWorkshop(), site.auth),
      );
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await countWorkshops()).toBe(3);
  });
});
