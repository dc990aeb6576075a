import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { pickLocale } from './i18n/locale.ts';

const URL_ = 'https://lectern.example/lectern.js';

afterEach(() => {
  document.head.replaceChildren();
});

function tag(attrs: Record<string, string>) {
  const s = document.createElement('script');
  // Not 'module': the test only needs the tag, not happy-dom trying to load it.
  s.type = 'text/plain';
  s.src = URL_;
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  document.head.append(s);
}

describe('readConfig', () => {
  it('reads the site, defaults the server to the script origin and honours the attributes', () => {
    tag({ 'data-site': 'site_1', 'data-locale': 'zh-CN', 'data-checkout': 'embedded' });
    expect(readConfig(URL_)).toEqual({
      site: 'site_1',
      server: 'https://lectern.example',
      locale: 'zh-CN',
      checkout: 'embedded',
      theme: 'auto',
    });
  });

  it('reads data-theme: light or dark as written, anything else follows the page (auto)', () => {
    tag({ 'data-site': 's', 'data-theme': 'dark' });
    expect(readConfig(URL_)).toMatchObject({ theme: 'dark' });
    document.head.replaceChildren();
    tag({ 'data-site': 's', 'data-theme': 'purple' });
    expect(readConfig(URL_)).toMatchObject({ theme: 'auto' });
  });

  it('uses data-server when given', () => {
    tag({ 'data-site': 's', 'data-server': 'https://api.example/' });
    expect(readConfig(URL_)).toMatchObject({ server: 'https://api.example', checkout: 'redirect' });
  });

  it('explains a missing data-site, naming the attribute', () => {
    tag({});
    expect(readConfig(URL_)).toMatch(/data-site="YOUR_SITE_ID"/);
  });

  it('picks Chinese for any zh locale and English otherwise', () => {
    expect(pickLocale('zh-TW')).toBe('zh-CN');
    expect(pickLocale('fr-FR')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});

describe('the room language', () => {
  it("is the reader's (the browser's), not the page's lang (the room page carries the workshop's)", () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    tag({ 'data-site': 's' });
    const config = readConfig(URL_);
    expect(typeof config === 'string' ? config : config.locale).toBe(pickLocale(navigator.language));
    expect(pickLocale(navigator.language)).toBe('en');
    document.documentElement.removeAttribute('lang');
  });
});
