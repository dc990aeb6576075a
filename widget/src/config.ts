import { type Locale, pickLocale } from './i18n/locale.ts';
import type { ThemeSetting } from './ui/theme.ts';

/** What the script tag configures; passed to every element. */
export type WidgetConfig = {
  /** The site id (`data-site`). */
  site: string;
  /** The Lectern server origin (`data-server`, default: where lectern.js came from). */
  server: string;
  /** The reader's language: `data-locale` on the tag, else the browser's. Every element, the room too. */
  locale: Locale;
  checkout: 'redirect' | 'embedded';
  /** `data-theme`: `light`, `dark`, or `auto` (default: follow the page the element sits on). */
  theme: ThemeSetting;
};

/**
 * Reads the configuration from our own `<script>` tag. Module scripts have no
 * `document.currentScript`, so the tag is found by its resolved URL.
 */
export function readConfig(scriptUrl: string): WidgetConfig | string {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (s) => s.src === scriptUrl || s.src.split('?')[0] === scriptUrl.split('?')[0],
  );
  const site = script?.dataset.site?.trim();
  if (!site) {
    return 'Lectern: add data-site="YOUR_SITE_ID" to the <script> tag that loads lectern.js (the id printed by `lectern site create`).';
  }
  const server = (script?.dataset.server || new URL(scriptUrl).origin).replace(/\/+$/, '');
  const checkout = script?.dataset.checkout === 'embedded' ? 'embedded' : 'redirect';
  const theme = readTheme(script?.dataset.theme);
  return { site, server, locale: pickLocale(script?.dataset.locale || navigator.language), checkout, theme };
}

function readTheme(value: string | undefined): ThemeSetting {
  return value === 'light' || value === 'dark' ? value : 'auto';
}
