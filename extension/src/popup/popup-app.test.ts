import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForYouItem } from '../for-you/merge.ts';
import { testWorkshop } from '../test-support/workshop.ts';

// The background's answer to "for-you", held until a test releases it.
let answer: (items: ForYouItem[]) => void;
const asked: string[] = [];
vi.mock('./ask.ts', () => ({
  ask: (m: { kind: string }) => {
    asked.push(m.kind);
    return new Promise((resolve) => {
      answer = (items) => resolve({ computedAt: 0, items });
    });
  },
}));
// storage.local as the popup sees it: its change listeners, fired by a test.
const storageListeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      onChanged: {
        addListener: (f: never) => storageListeners.add(f),
        removeListener: (f: never) => storageListeners.delete(f),
      },
    },
  },
}));
const { PopupApp } = await import('./popup-app.tsx');
const { forYouMirror } = await import('./for-you-mirror.ts');

const item = (id: string, title: string): ForYouItem => ({
  siteKey: 'http://lectern.test#demo',
  host: 'blog.test',
  link: 'http://blog.test/',
  score: 1,
  because: { title: 'Sourdough starter', host: 'blog.test' },
  workshop: testWorkshop({ id, title }),
});

let root: HTMLElement;
beforeEach(() => {
  asked.length = 0;
  localStorage.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const shown = () =>
  [...root.querySelectorAll('[data-for-you] [data-workshop]')].map((li) => li.getAttribute('data-workshop'));

describe('popup For you', () => {
  it('paints the cached list in its first render, before the background answers', async () => {
    render(h(PopupApp, { locale: 'en', cachedForYou: [item('ws_bread', 'Country bread')] }), root);
    // The very first render, with no effect run yet and the background silent.
    expect(shown()).toEqual(['ws_bread']);
    expect(root.textContent).not.toContain('Loading');
    // The background is asked only after that first paint (Preact runs effects after it).
    await vi.waitFor(() => expect(asked).toEqual(['for-you']));
    await act(async () => answer([item('ws_charts', 'Charts'), item('ws_bread', 'Country bread')]));
    expect(shown()).toEqual(['ws_charts', 'ws_bread']);
  });

  it('says it is loading when nothing was computed yet, then shows the background’s list', async () => {
    render(h(PopupApp, { locale: 'en', cachedForYou: null }), root);
    expect(shown()).toEqual([]);
    expect(root.textContent).toContain('Loading');
    await vi.waitFor(() => expect(asked).toEqual(['for-you']));
    await act(async () => answer([item('ws_charts', 'Charts')]));
    expect(shown()).toEqual(['ws_charts']);
  });

  it('keeps each list it shows for the next opening, and follows storage.local when it is emptied', async () => {
    render(h(PopupApp, { locale: 'en', cachedForYou: [item('ws_bread', 'Country bread')] }), root);
    await vi.waitFor(() => expect(asked).toEqual(['for-you']));
    await act(async () => answer([item('ws_charts', 'Charts')]));
    expect(forYouMirror.read()).toMatchObject({ items: [{ workshop: { id: 'ws_charts' } }] });
    // A forget or a delete in the background empties "For you" in storage.local.
    await act(async () => {
      for (const f of storageListeners) f({ forYou: { newValue: null } }, 'local');
    });
    expect(shown()).toEqual([]);
    expect(forYouMirror.read()).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
