import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ApiError } from '../api/request.ts';
import { currentSession, signIn, signOut } from './owner-session.ts';

const SERVER = { server: 'https://lectern.test' };
const session = { token: 'os_abc', expiresAt: '2026-12-03T15:00:00.000Z', siteId: 'demo' };
const before = Date.parse('2026-12-03T14:00:00.000Z');
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  sessionStorage.clear();
  fetchMock = vi.fn(async () => new Response(JSON.stringify(session), { status: 201 }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

it('exchanges the owner key for a session and keeps only the session', async () => {
  expect(await signIn(SERVER, 'demo', 'secret-key')).toEqual(session);
  const [url, init] = fetchMock.mock.calls[0];
  expect(url).toBe('https://lectern.test/v1/owner/session');
  expect(init.method).toBe('POST');
  expect(JSON.parse(init.body)).toEqual({ siteId: 'demo', key: 'secret-key' });
  expect(currentSession('demo', before)).toEqual(session);
  expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-key');
  expect(currentSession('other-site', before)).toBeNull();
});

it('keeps nothing when the key is refused', async () => {
  fetchMock.mockResolvedValueOnce(
    new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'wrong owner key' } }), {
      status: 401,
    }),
  );
  const err = await signIn(SERVER, 'demo', 'nope').catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
  expect(currentSession('demo', before)).toBeNull();
});

it('forgets an expired session, and signs out on request', async () => {
  await signIn(SERVER, 'demo', 'secret-key');
  expect(currentSession('demo', Date.parse(session.expiresAt))).toBeNull();
  expect(sessionStorage.length).toBe(0);
  await signIn(SERVER, 'demo', 'secret-key');
  signOut('demo');
  expect(currentSession('demo', before)).toBeNull();
});

it('treats an unreadable kept value as signed out', () => {
  sessionStorage.setItem('lectern-owner-session:demo', 'not json');
  expect(currentSession('demo', before)).toBeNull();
});
