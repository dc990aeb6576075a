/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolated value; wrap trusted fragments in `raw()`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0];
  values.forEach((value, i) => {
    out += (value instanceof Raw ? value.html : escapeHtml(String(value ?? ''))) + strings[i + 1];
  });
  return out;
}

class Raw {
  constructor(readonly html: string) {}
}

export const raw = (trusted: string) => new Raw(trusted);

/** A small, self-contained server page (no external assets) with a strict CSP. */
export function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}main{max-width:32rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin:.2rem 0 1rem}.banner{background:#fff3cd;color:#664d03;padding:.5rem .8rem;border-radius:8px;font-size:.9rem;margin-bottom:1rem}
.price{font-size:1.6rem;font-weight:600}.row{display:flex;gap:.75rem;margin-top:1.5rem;flex-wrap:wrap}button,.button{font:inherit;padding:.7rem 1.2rem;border-radius:8px;border:1px solid #555;background:#fff;color:#1c1c1c;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:#1f5eff;border-color:#1f5eff;color:#fff}.muted{color:#555;font-size:.9rem}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}main{background:#1c1c1c}button,.button{background:#222;color:#eee}.muted{color:#aaa}}
</style></head><body><main>${body}</main></body></html>`;
}

/** The server's own pages (ticket, dev checkout): no script at all, inline styles, forms post home. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'";

/**
 * The room page: the widget's room from this origin only. Scripts and their lazy chunks come from
 * `/lectern.js`; the API and the PeerJS WebSocket are same-origin (`'self'` covers `ws:`/`wss:`
 * to this host); the shadow root's styles are inline; video is a MediaStream, which CSP does not
 * govern (`media-src` lists `blob:` and `mediastream:` for browsers that check anyway).
 */
export const ROOM_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
