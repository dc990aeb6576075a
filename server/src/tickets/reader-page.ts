import { html } from '../http/html.ts';
import { when } from '../mail/messages.ts';

/** The languages the server's own pages speak (as the widget: any `zh*` is Simplified Chinese). */
export type ReaderLocale = 'en' | 'zh-CN';

/**
 * The reader's language from `Accept-Language`: the first tag we speak, by the reader's order of
 * preference, else English. The workshop's own language is for its title, not for the page.
 */
export function readerLocale(acceptLanguage: string | undefined): ReaderLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

const HOST_NOTE: Record<ReaderLocale, string> = {
  en: "{time} host's time",
  'zh-CN': '主讲人当地时间 {time}',
};

/**
 * A workshop's start for a server page: written in the host's zone as the emails do (right without
 * scripts), then rewritten by `/local-time.js` in the reader's zone with the host's noted when it
 * differs, as the widget's cards do (widget/src/i18n/format.ts).
 */
export function startTime(iso: string, timeZone: string, locale: ReaderLocale): string {
  return html`<time datetime="${iso}" data-host-zone="${timeZone}" data-host-note="${HOST_NOTE[locale]}">${when({ startsAt: iso, timeZone }, locale)}</time> <span class="host-time muted"></span>`;
}

/** `/local-time.js`: a same-origin script, so the pages' CSP need only add `script-src 'self'`. */
export const LOCAL_TIME_JS = `// Lectern: each <time data-host-zone> in the reader's own time zone, the host's noted when it differs.
for (const el of document.querySelectorAll('time[data-host-zone]')) {
  const lang = document.documentElement.lang || undefined;
  const at = new Date(el.dateTime);
  const zone = el.dataset.hostZone;
  const clock = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  el.textContent = new Intl.DateTimeFormat(lang, {
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', ...clock,
  }).format(at);
  const host = new Intl.DateTimeFormat(lang, { ...clock, timeZone: zone }).format(at);
  const mine = new Intl.DateTimeFormat(lang, clock).format(at);
  const note = el.nextElementSibling;
  if (note && note.classList.contains('host-time') && host !== mine) {
    note.textContent = '· ' + el.dataset.hostNote.replace('{time}', host + ' (' + zone + ')');
  }
}
`;

/** The ticket page's and room page's words. */
export const PAGE_TEXT = {
  en: {
    yourTicket: 'Your ticket',
    with: (host: string) => `with ${host}`,
    join: 'Join the live room',
    calendar: 'Add to calendar (.ics)',
    keepPrivate: 'Keep this page to yourself: the link lets its holder join.',
    invalid: 'This ticket is not valid',
    invalidHint: 'It may have been refunded or it has expired.',
    ended: 'The host has ended this workshop.',
    notFound: 'Workshop not found',
    checkLink: 'Check the link on your ticket.',
  },
  'zh-CN': {
    yourTicket: '你的门票',
    with: (host: string) => `主讲：${host}`,
    join: '进入直播间',
    calendar: '添加到日历（.ics）',
    keepPrivate: '请勿分享此页面：持有链接即可入场。',
    invalid: '这张门票无效',
    invalidHint: '它可能已退款或已过期。',
    ended: '主持人已结束本次工作坊。',
    notFound: '找不到这个工作坊',
    checkLink: '请检查门票中的链接。',
  },
} satisfies Record<ReaderLocale, unknown>;
