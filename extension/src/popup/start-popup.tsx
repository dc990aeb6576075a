import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../popup/popup-app.tsx';
import { localeOf } from '../../popup/strings.ts';
import { readState } from '../../store/local-state.ts';

const locale = localeOf(browser.i18n.getUILanguage());
document.documentElement.lang = locale;
// The first render already holds the last computed "For you": read it before rendering anything,
// so the popup paints the list in its first frame (no "Loading…" frame, no effect round trip),
// and the background's refresh is asked only after that paint.
readState('forYou')
  .catch(() => null)
  .then((cached) => {
    render(
      <PopupApp locale={locale} cachedForYou={cached?.items ?? null} />,
      document.getElementById('app')!,
    );
  });
