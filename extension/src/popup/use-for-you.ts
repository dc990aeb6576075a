import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ForYouItem } from '../for-you/merge.ts';
import type { ForYouCache } from '../store/local-state.ts';
import { forYouMirror } from './for-you-mirror.ts';

type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * The "For you" list the popup shows: first the one it was opened with, then every list the
 * background computes and every change of `storage.local` (the source of truth: a forget or a
 * delete there empties it), each kept in the page's mirror for the next opening's first paint.
 */
export function useForYou(first: ForYouItem[] | null) {
  const [items, setItems] = useState(first);
  const accept = (cache: ForYouCache | null) => {
    setItems(cache?.items ?? null);
    forYouMirror.write(cache);
  };
  useEffect(() => {
    const follow = (changes: StorageChanges, area: string) => {
      if (area === 'local' && 'forYou' in changes)
        accept((changes.forYou.newValue as ForYouCache | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(follow);
    return () => browser.storage.onChanged.removeListener(follow);
  }, []);
  return [items, accept] as const;
}
