import { describe, expect, it } from 'vitest';
import { BRIDGE_NS, parseExtensionMessage, parsePageMessage, serverOrigin } from './protocol.ts';

const event = {
  id: '018f0000-0000-7000-8000-000000000001',
  ts: 1_700_000_000_000,
  site: 'demo',
  session: 'session-1',
  type: 'page_view',
  path: '/blog/',
};
const page = (extra: Record<string, unknown>) => ({
  ns: BRIDGE_NS,
  from: 'page',
  server: 'http://localhost:3000/',
  site: 'demo',
  ...extra,
});

describe('bridge protocol', () => {
  it('accepts a well-formed event and rebuilds it without extra fields', () => {
    const m = parsePageMessage(page({ type: 'event', event: { ...event, anon: 'x', injected: '<img>' } }));
    expect(m).toEqual({ ...page({ type: 'event', event }), server: 'http://localhost:3000' });
  });

  it('refuses other namespaces, directions, types, and an event of another site', () => {
    expect(parsePageMessage({ ...page({ type: 'event', event }), ns: 'other' })).toBeNull();
    expect(parsePageMessage({ ...page({ type: 'event', event }), from: 'extension' })).toBeNull();
    expect(parsePageMessage(page({ type: 'history' }))).toBeNull();
    expect(parsePageMessage(page({ type: 'event', event: { ...event, site: 'course' } }))).toBeNull();
    expect(parsePageMessage(page({ type: 'event', event: { ...event, type: 'steal' } }))).toBeNull();
    expect(parsePageMessage(page({ type: 'recommend', id: 'a', server: 'javascript:alert(1)' }))).toBeNull();
    expect(parsePageMessage('{"ns":"lectern-extension/1"}')).toBeNull();
  });

  it('clamps the limit of a recommendation request', () => {
    expect(parsePageMessage(page({ type: 'recommend', id: 'a', limit: 500 }))).toMatchObject({ limit: 20 });
    expect(parsePageMessage(page({ type: 'recommend', id: 'a', limit: 'x' }))).toMatchObject({ limit: 3 });
  });

  it('accepts only well-formed answers', () => {
    const answer = {
      ns: BRIDGE_NS,
      from: 'extension',
      type: 'recommended',
      id: 'a',
      site: 'demo',
      workshops: ['ws_1'],
    };
    expect(parseExtensionMessage(answer)).toEqual(answer);
    expect(parseExtensionMessage({ ...answer, workshops: [1] })).toBeNull();
    expect(parseExtensionMessage({ ...answer, workshops: 'ws_1' })).toBeNull();
    expect(parseExtensionMessage({ ...answer, from: 'page' })).toBeNull();
  });

  it('turns a server URL into its origin', () => {
    expect(serverOrigin('https://lectern.example/path?q')).toBe('https://lectern.example');
    expect(serverOrigin('file:///etc/passwd')).toBeNull();
  });
});
