import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/request.ts';
import { keepSession } from '../owner-session.ts';
import { SessionGate } from './session-gate.ts';

const site = 'site_a';
const later = () => new Date(Date.now() + 3600_000).toISOString();
const keep = (token: string) => keepSession(site, { token, siteId: site, expiresAt: later() });

/** A server that accepts only `valid` as the bearer token. */
function serverAccepting(valid: () => string) {
  return vi.fn(async (_url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization;
    const ok = auth === `Bearer ${valid()}`;
    return new Response(
      JSON.stringify(ok ? { ok: true } : { error: { code: 'unauthorized', message: 'x' } }),
      {
        status: ok ? 200 : 401,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  });
}

let token = 'good';
let fetchMock: ReturnType<typeof serverAccepting>;
beforeEach(() => {
  sessionStorage.clear();
  token = 'good';
  fetchMock = serverAccepting(() => token);
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('SessionGate', () => {
  it('sends the kept session as the bearer token', async () => {
    keep('good');
    const gate = new SessionGate({ server: 'http://s', site }, () => {});
    await expect(gate.call('/v1/x')).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('on a refused session asks once for every waiting call, then retries them all', async () => {
    keep('stale');
    const asked = vi.fn();
    const gate = new SessionGate({ server: 'http://s', site }, asked);
    const a = gate.call('/v1/a');
    const b = gate.call('/v1/b');
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(asked).toHaveBeenCalledTimes(1);
    keep('good');
    gate.signedIn();
    await expect(Promise.all([a, b])).resolves.toEqual([{ ok: true }, { ok: true }]);
  });

  it('fails the waiting calls when the owner signs out instead', async () => {
    const gate = new SessionGate({ server: 'http://s', site }, () => {});
    const call = gate.call('/v1/a');
    await new Promise((r) => setTimeout(r, 0));
    gate.signedOut();
    await expect(call).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('passes other failures through untouched', async () => {
    keep('good');
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ error: { code: 'conflict', message: 'no' } }), { status: 409 }),
    );
    const gate = new SessionGate({ server: 'http://s', site }, () => {});
    await expect(gate.call('/v1/a')).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });
});
