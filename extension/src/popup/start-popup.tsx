import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ForYouItem } from '../for-you/merge.ts';
import { readState } from '../store/local-state.ts';
import { forYouMirror } from './for-you-mirror.ts';
import css from './popup.css?inline';
import { PopupApp } from './popup-app.tsx';
import { localeOf } from './strings.ts';

/**
 * Paints the popup. It runs as one classic script at the end of popup.html's body, its styles
 * inside it: one request, and the list is rendered while the page is still being parsed, before
 * its first frame.
 */
export function startPopup(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const locale = localeOf(browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  const start = (cached: ForYouItem[] | null) =>
    render(<PopupApp locale={locale} cachedForYou={cached} />, document.getElementById('app')!);

  // The first render already holds the last "For you" shown, so the popup paints the list in its
  // first frame (no "Loading…" frame), and the background's refresh is asked only after that
  // paint. The page's mirror reads synchronously: the list is rendered while this script runs.
  // Without one (first opening, after a delete), the last computed list comes from storage.local.
  const mirrored = forYouMirror.read();
  if (mirrored) start(mirrored.items);
  else
    readState('forYou')
      .catch(() => null)
      .then((cached) => start(cached?.items ?? null));
}
