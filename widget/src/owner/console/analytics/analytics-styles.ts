// The panel's CSS and uPlot's own, adopted into the console's shadow root next to the base sheet:
// a constructable stylesheet, so a host page's strict CSP (no 'unsafe-inline') does not block it.
// The colours come from the base sheet's tokens (--a, --mu, --bd…), so light and dark follow it.
// Every rule sits under .analytics: the sheet stays adopted when the owner opens another section.
import uplotCss from 'uplot/dist/uPlot.min.css?inline';

export const ANALYTICS_CSS = `
.analytics{display:flex;flex-direction:column;gap:20px;background:var(--bg);color:var(--fg)}
.analytics .sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.analytics .range-form{display:flex;flex-direction:column;gap:6px}
.analytics .range{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:flex-end;border:0;padding:0;margin:0}
.analytics .range legend{font-weight:600;padding:0;margin-bottom:6px}
.analytics .range .presets{display:flex;gap:6px;flex-wrap:wrap}
.analytics .range button[aria-pressed=true]{background:var(--a);color:#fff}
.analytics .range button[aria-pressed=false]{background:transparent;color:var(--al);border-color:currentColor}
.analytics .range label{display:flex;flex-direction:column;gap:4px;font-size:.9em;font-weight:600}
.analytics .range label.check{flex-direction:row;align-items:center;gap:6px}
.analytics .panels{display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr))}
.analytics .panel[data-panel=recommendations]{grid-column:1 / -1}
.analytics .panel{border:1px solid var(--bd);border-radius:var(--r);padding:16px 18px;min-width:0;background:var(--bg)}
.analytics .panel-title{margin:0 0 10px;font-size:1.05em}
.analytics .sub{margin:14px 0 6px;font-size:.95em}
.analytics .panel .empty{color:var(--mu);margin:0}
.analytics .figures{display:flex;flex-wrap:wrap;gap:10px 24px;margin:0 0 8px}
.analytics .figures div{display:flex;flex-direction:column}
.analytics .figures dt{color:var(--mu);font-size:.85em}
.analytics .figures dd{margin:0;font-size:1.35em;font-weight:650}
.analytics .change{font-size:.8em;font-weight:500;color:var(--mu)}
.analytics .bars{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.analytics .bars li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:2px 10px;font-size:.92em}
.analytics .bars .label{overflow-wrap:anywhere}
.analytics .bars .value{font-variant-numeric:tabular-nums;text-align:right}
.analytics .bars .track{grid-column:1 / -1;height:8px;border-radius:4px;background:color-mix(in srgb,var(--bd) 60%,transparent)}
.analytics .bars .fill{height:100%;width:var(--share,0%);border-radius:4px;background:var(--a)}
.analytics table.data{border-collapse:collapse;width:100%;font-size:.9em}
.analytics table.data th,.analytics table.data td{padding:4px 8px;border-bottom:1px solid var(--bd);text-align:right;font-variant-numeric:tabular-nums}
.analytics table.data th:first-child,.analytics table.data td:first-child{text-align:left}
.analytics table.data caption{text-align:left;font-weight:600;padding-bottom:4px}
.analytics .scroll{overflow-x:auto}
.analytics button.more{margin-top:6px;padding:4px 10px;font-size:.85em}
.analytics .chart{margin:8px 0 0}
.analytics .chart figcaption{font-size:.9em;color:var(--mu);margin-bottom:4px}
.analytics .chart .key{display:flex;gap:14px;flex-wrap:wrap;list-style:none;margin:4px 0 0;padding:0;font-size:.85em}
.analytics .chart .swatch{display:inline-block;width:14px;height:0;border-top:3px solid var(--a);vertical-align:middle;margin-right:6px}
.analytics .chart .swatch.previous{border-top-style:dashed;border-color:var(--mu)}
.analytics .uplot{font-family:inherit;width:100%}
.analytics .u-axis{color:var(--mu)}
.analytics .verdict{font-weight:600;margin:8px 0 0}
.analytics .toolbar{display:flex;justify-content:space-between;flex-wrap:wrap;gap:10px;align-items:center}
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the panel's sheet to the shadow root holding `node` (once; the base sheet stays first). */
export function adoptAnalyticsStyles(node: Node): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  const css = `${uplotCss}\n${ANALYTICS_CSS}`;
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if (root.querySelector('style[data-lectern-analytics]')) return;
  const style = document.createElement('style');
  style.dataset.lecternAnalytics = '';
  style.textContent = css;
  root.append(style);
}
