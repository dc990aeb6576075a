import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from './contract/errors.ts';
import { paidTicket } from './rooms/test-tickets.ts';
import { exampleRoutes } from './static/static-routes.ts';
import { FakeStripe } from './test-support/fake-stripe.ts';
import { createTestApp, type TestApp } from './test-support/test-app.ts';
import { publishedWorkshop } from './test-support/workshops.ts';

// A bounded, seeded fuzz of every route the app registers: hostile path parameters, bodies,
// content types, query strings and headers. Any 5xx fails, and so does an API error that is not
// `{ error: { code, message } }` or a page that leaks a file from outside its folder. The same
// seed sends the same requests, so a failure names a request that reproduces it.

const SEED = 0x14ed9e;
const PER_ROUTE = 24;
const ORIGIN = 'https://blog.example';

/** mulberry32: small, fast and good enough to pick cases. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

type Fixtures = { siteId: string; workshopId: string; orderId: string; ticket: string; auth: string };

const HUGE = 'x'.repeat(20_000);
const BAD_ENCODINGS = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', 'a%2', '%%41'];
const TRAVERSAL = [
  '..%2F..%2Fpackage.json',
  '%2e%2e%2f%2e%2e%2fserver%2fpackage.json',
  '..%5C..%5Cpackage.json',
  '....%2F%2F....%2F%2Fpackage.json',
  '%252e%252e%252fpackage.json',
  '.%00.',
];
const ODD = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '<script>',
  "' OR 1=1 --",
  '🎟️',
];

function pathValue(r: Random, f: Fixtures): string {
  const roll = r.next();
  if (roll < 0.3) return r.pick([f.siteId, f.workshopId, f.orderId, f.ticket]);
  if (roll < 0.5) return r.pick(BAD_ENCODINGS);
  if (roll < 0.65) return r.pick(TRAVERSAL);
  if (roll < 0.75) return r.chance(0.5) ? HUGE : encodeURIComponent(`${HUGE}é`);
  return encodeURIComponent(r.pick(ODD));
}

const FIELDS = [
  'siteId',
  'workshopId',
  'returnUrl',
  'email',
  'name',
  'ticket',
  'events',
  'origins',
  'title',
  'summary',
  'description',
  'hostName',
  'startsAt',
  'durationMinutes',
  'timeZone',
  'capacity',
  'priceAmount',
  'currency',
  'tags',
  'language',
  'locale',
  'key',
  'peerId',
  'score',
  'comment',
  'id',
  'type',
  'data',
  'object',
  'metadata',
  '__proto__',
];

function value(r: Random, f: Fixtures, depth = 0): unknown {
  const roll = r.next();
  if (roll < 0.15) return r.pick([f.siteId, f.workshopId, f.orderId, f.ticket, ORIGIN, `${ORIGIN}/w`]);
  if (roll < 0.3) return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 42]);
  if (roll < 0.4) return r.pick([null, true, false]);
  if (roll < 0.5) return r.pick([HUGE, '', '\u0000', '\ud800', 'a\r\nb', '2027-13-45T99:99:99Z', 'ftp://x']);
  if (roll < 0.6) return r.pick(ODD);
  if (depth < 2 && roll < 0.8)
    return Array.from({ length: Math.floor(r.next() * 4) }, () => value(r, f, depth + 1));
  if (depth < 2) return object(r, f, depth + 1);
  return 'x';
}

function object(r: Random, f: Fixtures, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const count = Math.floor(r.next() * 6);
  for (let i = 0; i < count; i++)
    Object.defineProperty(out, r.pick(FIELDS), {
      value: value(r, f, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return out;
}

function body(r: Random, f: Fixtures, limit: number): string | undefined {
  const roll = r.next();
  if (roll < 0.1) return undefined;
  if (roll < 0.25)
    return r.pick([
      '{',
      '{"siteId":',
      'nul',
      '[',
      '{"a":1,}',
      '\ufeff{}',
      "{'a':1}",
      '{"a":"\\ud800"}',
      'NaN',
    ]);
  if (roll < 0.35) return JSON.stringify(r.pick([null, 0, 'str', true, [], [[]], {}]));
  if (roll < 0.4) return `"${'y'.repeat(limit + 10)}"`;
  if (roll < 0.45) return `${'['.repeat(5000)}${']'.repeat(5000)}`;
  return JSON.stringify(object(r, f));
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  undefined,
];

const QUERIES = [
  '',
  '?lang=zz',
  '?limit=-1&page=1e309',
  `?q=${HUGE}`,
  '?since=abc&until=',
  '?a=%ZZ',
  '?__proto__[x]=1',
];

type Route = { method: string; path: string };

function routesOf(app: TestApp['app']): Route[] {
  const seen = new Map<string, Route>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' && !path.includes('*')) continue; // middleware registered for every method
    const m = method === 'ALL' ? 'GET' : method;
    seen.set(`${m} ${path}`, { method: m, path });
  }
  return [...seen.values()];
}

function requestFor(r: Random, route: Route, f: Fixtures, limit: number, webhookSecret?: string) {
  const path = route.path
    .replace(/:[a-z]+/gi, () => pathValue(r, f))
    .replace('*', () => (r.chance(0.5) ? r.pick(TRAVERSAL) : pathValue(r, f)));
  const headers: Record<string, string> = {};
  const origin = r.pick([undefined, ORIGIN, 'https://evil.example', 'null']);
  if (origin) headers.Origin = origin;
  const auth = r.pick([undefined, f.auth, 'Bearer garbage', `Bearer ${HUGE}`, 'Basic Og==', 'Bearer ']);
  if (auth) headers.Authorization = auth;
  if (r.chance(0.1)) headers['If-None-Match'] = r.pick(['"x"', '*', HUGE]);
  const method = r.chance(0.1) && path.startsWith('/v1/') ? 'OPTIONS' : route.method;
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    init.body = body(r, f, limit);
    const type = r.pick(CONTENT_TYPES);
    if (type) headers['Content-Type'] = type;
    if (webhookSecret && typeof init.body === 'string' && r.chance(0.6)) {
      headers['Stripe-Signature'] = new Stripe('sk_test_fuzz').webhooks.generateTestHeaderString({
        payload: init.body,
        secret: webhookSecret,
      });
    }
  }
  return { url: `${path}${r.pick(QUERIES)}`, init };
}

async function fixtures(t: TestApp): Promise<Fixtures> {
  const site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id, {
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  const { token, orderId } = await paidTicket(t.deps, site.id, w.id);
  return { siteId: site.id, workshopId: w.id, orderId, ticket: token, auth: site.auth.Authorization };
}

/** Sends the fuzz to every route of `t.app`; returns what went wrong, one line per request. */
async function fuzz(
  t: TestApp,
  seed: number,
  webhookSecret?: string,
): Promise<{ sent: number; problems: string[] }> {
  const f = await fixtures(t);
  const r = random(seed);
  const problems: string[] = [];
  let sent = 0;
  for (const route of routesOf(t.app)) {
    for (let i = 0; i < PER_ROUTE; i++) {
      const { url, init } = requestFor(r, route, f, t.config.bodyLimitBytes, webhookSecret);
      const res = await t.app.request(url, init);
      sent++;
      const text = await res.text();
      const where = `${init.method} ${url.slice(0, 120)} [${route.method} ${route.path}]`;
      if (res.status >= 500) problems.push(`${where} → ${res.status} ${text.slice(0, 200)}`);
      if (res.status >= 400 && url.startsWith('/v1/') && init.method !== 'HEAD') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {}
        if (!errorBody.safeParse(parsed).success)
          problems.push(`${where} → ${res.status} not a JSON error: ${text.slice(0, 120)}`);
      }
      if (res.status === 200 && (text.includes('"@lectern/server"') || text.includes(t.config.secret))) {
        problems.push(`${where} → 200 with a file from outside its folder`);
      }
    }
  }
  return { sent, problems };
}

describe('fuzzing every route', () => {
  let stripe: FakeStripe;
  beforeAll(async () => {
    stripe = await new FakeStripe().start();
  });
  afterAll(async () => {
    await stripe.stop();
  });

  const noLimits = { LECTERN_RATE_LIMIT_READ: '0', LECTERN_RATE_LIMIT_WRITE: '0' };

  it('answers hostile requests to the dev-payments app and the example sites without a 5xx', async () => {
    const t = await createTestApp(noLimits);
    try {
      t.app.route('/', exampleRoutes());
      const { sent, problems } = await fuzz(t, SEED);
      expect(problems).toEqual([]);
      expect(sent).toBeGreaterThan(30 * PER_ROUTE);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('answers hostile requests to the Stripe app, signed webhooks included, without a 5xx', async () => {
    const t = await createTestApp({ ...noLimits, ...stripe.env() });
    try {
      const { problems } = await fuzz(t, SEED + 1, stripe.webhookSecret);
      expect(problems).toEqual([]);
      expect(t.app.routes.some((route) => route.path === '/v1/stripe/webhook')).toBe(true);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('sends the same requests for the same seed', () => {
    const f: Fixtures = { siteId: 's', workshopId: 'w', orderId: 'o', ticket: 't', auth: 'Bearer a' };
    const route = { method: 'POST', path: '/v1/sites/:site/workshops/:id' };
    const run = () => Array.from({ length: 5 }, (_, i) => requestFor(random(SEED + i), route, f, 1000).url);
    expect(run()).toEqual(run());
    expect(new Set(run()).size).toBeGreaterThan(1);
  });
});
