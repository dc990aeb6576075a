// A copy of the last "For you" the popup showed, in the popup page's own `localStorage` (the
// extension's origin, never a web page's). `storage.local` stays the source of truth; this copy
// exists because `localStorage` reads synchronously: the popup renders the list while its script
// runs, instead of waiting for an asynchronous `storage.local` round trip before its first frame.
// Forget and delete clear it (your-data-tab.tsx).
import type { ForYouCache } from '../store/local-state.ts';

const KEY = 'lectern:for-you';

/** `localStorage` where the page has one (not in the background's service worker). */
const store = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be blocked by the browser's settings: the popup then starts without the copy.
    return null;
  }
};

const isCache = (x: unknown): x is ForYouCache =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as ForYouCache).computedAt === 'number' &&
  Array.isArray((x as ForYouCache).items);

export const forYouMirror = {
  /** The last list shown, or null when there is none (or it cannot be read). */
  read(): ForYouCache | null {
    const raw = store()?.getItem(KEY);
    if (!raw) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isCache(parsed)) return parsed;
    } catch {
      // Unreadable: dropped below like any other copy of the wrong shape.
    }
    forYouMirror.clear();
    return null;
  },
  /** Keeps `cache` as the list to paint first next time; null clears it. */
  write(cache: ForYouCache | null): void {
    if (!cache) {
      forYouMirror.clear();
      return;
    }
    try {
      store()?.setItem(KEY, JSON.stringify({ computedAt: cache.computedAt, items: cache.items }));
    } catch {
      // Quota or blocked storage: the next opening waits for storage.local instead.
      forYouMirror.clear();
    }
  },
  clear(): void {
    try {
      store()?.removeItem(KEY);
    } catch {
      // Blocked storage holds no copy to clear.
    }
  },
};
