// Styles live inside each element's shadow root: the host page's CSS cannot reach in, ours
// cannot leak out. Constructable stylesheets need no 'unsafe-inline' in the host's CSP.
// Theme with --lectern-accent, --lectern-font, --lectern-radius on the element or any ancestor.
// The light tokens sit on :host; `.scheme.dark` (the mount wrapper, see ui/theme.ts) swaps them
// when the page around the element is dark or `data-theme="dark"` asks for it.
export const BASE_CSS = `
:host{all:initial;display:block;font-family:var(--lectern-font,system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif);
--a:var(--lectern-accent,#1f5eff);--al:var(--lectern-accent-text,var(--a));--r:var(--lectern-radius,12px);--bg:var(--lectern-background,#fff);--fg:var(--lectern-text,#1b1b1f);
--mu:#5b5b66;--bd:#dcdce3;--ok:#16794c;--warn:#8a5300;--danger:#b3261e;font-size:16px;line-height:1.5}
.scheme{color:var(--fg);color-scheme:light}
.scheme.dark{--bg:var(--lectern-background,#18181c);--fg:var(--lectern-text,#f2f2f5);--al:var(--lectern-accent-text,#a3bdff);--mu:#a8a8b3;--bd:#3a3a44;--ok:#5fd39a;--warn:#f0b35a;--danger:#ffb4ab;color-scheme:dark}
*{box-sizing:border-box}
.list{display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(min(100%,280px),1fr));margin:0;padding:0;list-style:none}
.card{background:var(--bg);border:1px solid var(--bd);border-radius:var(--r);padding:18px;display:flex;flex-direction:column;gap:6px}
.card .title{font-size:1.1em;margin:0;line-height:1.3;overflow-wrap:anywhere}
.meta{color:var(--mu);font-size:.9em;margin:0}
.when{margin:0;font-size:.95em}.rel{color:var(--mu)}
/* The footer keeps one shape in every card: price over seats on the left, the action on the right */
.row{display:flex;align-items:flex-end;justify-content:space-between;gap:12px;margin-top:auto;padding-top:10px}
.info{display:flex;flex-direction:column;align-items:flex-start;gap:2px;min-width:0}
.row>button,.row>.btn{flex:none;white-space:nowrap}
.price{font-weight:650;font-size:1.05em}
.badge{display:inline-block;font-size:.8em;padding:2px 8px;border-radius:999px;border:1px solid currentColor}
.seats{color:var(--ok);font-size:.85em}.out{color:var(--warn)}
button,.btn{font:inherit;font-size:.95em;border-radius:calc(var(--r) * .7);padding:8px 14px;cursor:pointer;border:1px solid var(--a);background:var(--a);color:#fff;text-decoration:none;display:inline-block}
button.ghost,.btn.ghost{background:transparent;color:var(--al);border-color:currentColor}
button.danger{background:var(--danger);border-color:var(--danger);color:var(--bg)}
button:disabled{opacity:.6;cursor:default}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--a);outline-offset:2px}
a{color:var(--al)}
.notice{border:1px solid var(--bd);border-radius:var(--r);padding:14px 16px;background:var(--bg);margin:0 0 16px}
.notice.error{border-color:var(--warn)}
.md p{margin:.5em 0}.md code{font-family:ui-monospace,monospace;font-size:.9em}
dialog{border:none;border-radius:var(--r);padding:0;max-width:min(92vw,460px);width:100%;background:var(--bg);color:var(--fg);box-shadow:0 12px 40px #0005}
dialog::backdrop{background:#0007}
form.sheet{padding:22px;display:flex;flex-direction:column;gap:12px}
.sheet h2{margin:0;font-size:1.2em}
form.sheet label{font-weight:600;font-size:.95em;display:flex;flex-direction:column;gap:4px}
input{font:inherit;padding:9px 10px;border-radius:8px;border:1px solid var(--bd);background:var(--bg);color:var(--fg)}
.help{font-weight:400;color:var(--mu);font-size:.85em}
.actions{display:flex;gap:10px;justify-content:flex-end;flex-wrap:wrap}
.err{color:var(--warn);margin:0}
.ticket{border:2px dashed var(--a)}
.embedded{min-height:320px}
`;

let sheet: CSSStyleSheet | null = null;

/** Gives a shadow root our styles: a shared constructable sheet, or a <style> where unsupported. */
export function adoptStyles(root: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(BASE_CSS);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = BASE_CSS;
  root.prepend(style);
}
