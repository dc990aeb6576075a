// The console's layout on top of the widget's base styles (ui/styles.ts): a second constructable
// sheet in the same shadow root, so no 'unsafe-inline' is needed in the host page's CSP.
export const CONSOLE_CSS = `
.console{display:flex;flex-direction:column;gap:14px;max-width:1100px}
.console-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:10px}
.console-title{margin:0;font-size:1.35em}
.console-nav{display:flex;flex-wrap:wrap;gap:4px;border-bottom:1px solid var(--bd);padding-bottom:6px}
.console-nav a{padding:6px 12px;border-radius:8px;text-decoration:none;color:var(--fg)}
.console-nav a[aria-current=page]{background:var(--a);color:#fff}
.sign-in{max-width:460px;border:1px solid var(--bd);border-radius:var(--r)}
.sheet{padding:22px;display:flex;flex-direction:column;gap:12px}
.sheet h2,.sheet h3,.sheet h4{margin:0;font-size:1.2em}
.sheet label,.field>label{font-weight:600;font-size:.95em;display:flex;flex-direction:column;gap:4px}
.secret{display:block;font-family:ui-monospace,monospace;padding:10px;border:1px dashed var(--bd);border-radius:8px;overflow-wrap:anywhere;user-select:all}
select,textarea{font:inherit;padding:9px 10px;border-radius:8px;border:1px solid var(--bd);background:var(--bg);color:var(--fg)}
textarea{min-height:8em;resize:vertical}
select:focus-visible,textarea:focus-visible{outline:3px solid var(--a);outline-offset:2px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--bd);vertical-align:top}
th{font-size:.85em;color:var(--mu);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto}
.toolbar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
.filters{display:flex;gap:4px;flex-wrap:wrap;border:0;margin:0;padding:0}
.filters button[aria-pressed=false]{background:transparent;color:var(--al);border-color:var(--bd)}
.row-actions{display:flex;gap:6px;flex-wrap:wrap}
.row-actions button,.row-actions .btn{padding:4px 10px;font-size:.85em}
.status{font-size:.8em;padding:2px 8px;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.status.published{color:var(--ok)}.status.cancelled{color:var(--danger)}.status.ended,.status.draft{color:var(--mu)}
.field-error{color:var(--danger);font-weight:400;font-size:.85em;margin:0}
.grid-2{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(min(100%,220px),1fr))}
.preview{border:1px solid var(--bd);border-radius:8px;padding:8px 12px;min-height:3em}
dialog{max-width:min(96vw,760px)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the console's sheet after the base one, the way `adoptStyles` (ui/styles.ts, run first) took. */
export function adoptConsoleStyles(root: ShadowRoot): void {
  if (root.adoptedStyleSheets?.length) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CONSOLE_CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else root.append(Object.assign(document.createElement('style'), { textContent: CONSOLE_CSS }));
}
