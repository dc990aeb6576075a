import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../log/event-types.ts';
import { askRecommendations, extensionPresent, offerEvent } from './page-bridge.ts';
import { BRIDGE_NS, PRESENCE_ATTRIBUTE } from './protocol.ts';

const SERVER = 'http://lectern.test';
let posted: unknown[];

beforeEach(() => {
  posted = [];
  vi.spyOn(window, 'postMessage').mockImplementation((m: unknown) => {
    posted.push(m);
  });
  document.documentElement.setAttribute(PRESENCE_ATTRIBUTE, '');
});
afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute(PRESENCE_ATTRIBUTE);
});

/** A message as the page would receive it, from `source` and `origin`. */
function deliver(data: unknown, source: unknown = window, origin = location.origin) {
  window.dispatchEvent(new MessageEvent('message', { data, source: source as Window, origin }));
}

describe('page bridge', () => {
  it('says nothing when the extension has not marked the page', async () => {
    document.documentElement.removeAttribute(PRESENCE_ATTRIBUTE);
    expect(extensionPresent()).toBe(false);
    expect(await askRecommendations({ server: SERVER, site: 'demo', limit: 3 })).toBeNull();
    offerEvent(SERVER, { site: 'demo' } as StoredEvent);
    expect(posted).toEqual([]);
  });

  it('hands events over without the anonymous id or upload state', () => {
    const event = {
      id: 'e1',
      ts: 1,
      site: 'demo',
      anon: 'secret-anon',
      session: 's',
      type: 'page_view',
      path: '/',
      state: 'pending',
    };
    offerEvent(`${SERVER}/`, event as StoredEvent);
    expect(posted).toEqual([
      {
        ns: BRIDGE_NS,
        from: 'page',
        type: 'event',
        server: SERVER,
        site: 'demo',
        event: { id: 'e1', ts: 1, site: 'demo', session: 's', type: 'page_view', path: '/' },
      },
    ]);
  });

  it('takes only the answer to its own question, from this window and origin', async () => {
    const asked = askRecommendations({ server: SERVER, site: 'demo', limit: 3 }, 1000);
    const { id } = posted[0] as { id: string };
    const answer = (over: Record<string, unknown> = {}) => ({
      ns: BRIDGE_NS,
      from: 'extension',
      type: 'recommended',
      id,
      site: 'demo',
      workshops: ['ws_1'],
      ...over,
    });
    deliver(answer({ workshops: ['evil'] }), {}, location.origin); // another window
    deliver(answer({ workshops: ['evil'] }), window, 'https://evil.example'); // another origin
    deliver(answer({ id: 'other', workshops: ['evil'] }));
    deliver(answer({ site: 'course', workshops: ['evil'] }));
    deliver(answer({ workshops: [{ toString: () => 'x' }] }));
    deliver(answer());
    expect(await asked).toEqual(['ws_1']);
  });

  it('gives up quietly when nobody answers', async () => {
    vi.useFakeTimers();
    const asked = askRecommendations({ server: SERVER, site: 'demo', limit: 3 }, 50);
    vi.advanceTimersByTime(60);
    expect(await asked).toBeNull();
    vi.useRealTimers();
  });
});
