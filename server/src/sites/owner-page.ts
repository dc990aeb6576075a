import { html, raw } from '../http/html.ts';
import type { ReaderLocale } from '../tickets/reader-page.ts';

/**
 * The owner console page: the widget's `<lectern-dashboard>` from this origin only, the API
 * same-origin, the shadow root's styles inline (constructable sheets). The one form (asking for
 * the site id) submits to this page.
 */
export const OWNER_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A site id as `lectern site create` makes them (and `--id` accepts); anything else is not looked up. */
export const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const TEXT = {
  en: {
    title: 'Lectern owner console',
    askSite: 'Which site do you run?',
    siteId: 'Site id',
    siteHelp: 'The id `lectern site create` printed, e.g. site_abc123.',
    open: 'Continue',
    other: 'Another site',
  },
  'zh-CN': {
    title: 'Lectern 站长控制台',
    askSite: '你要管理哪个站点？',
    siteId: '站点 ID',
    siteHelp: '`lectern site create` 打印的 ID，例如 site_abc123。',
    open: '继续',
    other: '其他站点',
  },
} as const;

/**
 * `/owner/?site=ID`: the console for that site (it asks for the owner key itself). Without a
 * site id, a plain form asks for one. Whether the site exists is not said here: the sign-in
 * answers a wrong key and an unknown site alike.
 */
export function ownerPage(site: string | null, locale: ReaderLocale): string {
  const t = TEXT[locale];
  const body = site
    ? html`<main><lectern-dashboard site="${site}" heading-level="1"></lectern-dashboard>
<p class="other"><a href="/owner/">${t.other}</a></p></main>
<script type="module" src="/lectern.js" data-site="${site}" data-locale="${locale}"></script>`
    : html`<main class="ask"><h1>${t.title}</h1><form method="get" action="/owner/">
<label for="site">${t.askSite}</label><p class="help" id="site-help">${t.siteHelp}</p>
<input id="site" name="site" required pattern="[A-Za-z0-9_\\-]{1,64}" aria-describedby="site-help" autocomplete="off">
<button type="submit">${t.open}</button></form></main>`;
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${t.title}</title><style>${raw(OWNER_PAGE_CSS)}</style></head><body>${raw(body)}</body></html>`;
}

const OWNER_PAGE_CSS =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}main{max-width:72rem;margin:0 auto;padding:1.5rem 1rem}.ask{max-width:30rem}h1{font-size:1.4rem}form{display:flex;flex-direction:column;gap:.5rem}label{font-weight:600}.help{margin:0;color:#4a4a4a;font-size:.9rem}input{font:inherit;padding:.6rem;border:1px solid #888;border-radius:8px}button{font:inherit;padding:.6rem 1rem;border-radius:8px;border:1px solid #1f5eff;background:#1f5eff;color:#fff;align-self:flex-start}a{color:#1f4fd1}.other{font-size:.9rem}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.help{color:#bbb}input{background:#1c1c1c;color:#eee}a{color:#a3bdff}}';
