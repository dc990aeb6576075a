import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../popup/popup-app.tsx';
import { localeOf } from '../../popup/strings.ts';

const locale = localeOf(browser.i18n.getUILanguage());
document.documentElement.lang = locale;
render(<PopupApp locale={locale} />, document.getElementById('app')!);
