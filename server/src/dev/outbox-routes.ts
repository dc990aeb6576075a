import { Hono } from 'hono';
import { html, PAGE_CSP, page, raw } from '../http/html.ts';
import type { Outbox, OutboxMail } from '../mail/outbox.ts';

const URL_PATTERN = /https?:\/\/[^\s<>"'）」]+/g;

/** A plain-text body as HTML: every character escaped, every http(s) URL a link. */
export function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // A sentence's closing punctuation is not part of the link.
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    out += html`${text.slice(last, match.index)}<a href="${url}">${url}</a>`;
    last = match.index + url.length;
  }
  return out + html`${text.slice(last)}`;
}

function mailItem(mail: OutboxMail): string {
  const time = new Date(mail.at).toLocaleString('en-GB', { timeZone: 'UTC', timeZoneName: 'short' });
  return html`<li><article aria-labelledby="m-${mail.id}">
<h2 id="m-${mail.id}">${mail.subject}</h2>
<p class="muted">To ${mail.to} · <time datetime="${mail.at}">${time}</time>${
    mail.attachments.length ? ` · attached: ${mail.attachments.join(', ')}` : ''
  }</p>
<pre>${raw(linkify(mail.text))}</pre>
</article></li>`;
}

const STYLE =
  '<style>main{max-width:48rem}ol{list-style:none;padding:0}li{border-top:1px solid #8884;padding:.5rem 0}h2{font-size:1.1rem;margin:.5rem 0 0}pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;margin:.5rem 0}a{color:#1f5eff}@media (prefers-color-scheme:dark){a{color:#8fb0ff}}</style>';

/**
 * `GET /dev/outbox`: the development outbox, newest first — the emails the server would have
 * sent (ticket, waitlist offer, refund, confirmation) with their links. Mounted only outside
 * production, where the Mailer keeps an outbox at all.
 */
export function outboxRoutes(outbox: Outbox) {
  const app = new Hono();
  app.get('/dev/outbox', async (c) => {
    const mails = await outbox.list();
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const body = html`${raw(STYLE)}<p class="banner" role="note">Development outbox — these emails were not sent to anyone. Set SMTP_URL to deliver them.</p>
<h1>Outbox</h1>
<p class="muted">${mails.length === 0 ? 'No email yet. Book a workshop with an email address and its ticket appears here.' : `${mails.length} email${mails.length === 1 ? '' : 's'}, newest first. Kept in ${outbox.file}.`}</p>
<ol>${raw(mails.map(mailItem).join(''))}</ol>`;
    return c.html(page('Lectern outbox', body));
  });
  return app;
}
