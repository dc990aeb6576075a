import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

// The layout of the attendees, ratings and settings sections, on top of the console's sheet: one
// more constructable sheet in the same shadow root (no 'unsafe-inline' needed in the host's CSP).
const MANAGE_CSS = `
.manage{display:flex;flex-direction:column;gap:14px}
.manage .card{gap:10px}
.manage label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:.95em}
.manage label.check{flex-direction:row;align-items:center;gap:8px;font-weight:400}
.settings-group{border:none;padding:0;margin:0;display:flex;flex-direction:column;gap:10px;min-width:0}
.settings-group legend{font-weight:650;font-size:1.05em;padding:0;margin-bottom:6px}
.origins{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px;max-width:560px}
.origins li{display:flex;align-items:center;justify-content:space-between;gap:8px}
.origins button{padding:2px 10px}
.scores{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,180px),1fr));gap:8px;margin:0}
.scores dt{font-size:.85em;color:var(--mu)}.scores dd{margin:0}
.comments,.waitlist{margin:0;padding-left:1.4em}
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the sections' sheet to the shadow root `ref` sits in, once (a <style> where unsupported). */
export function useManageStyles(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current?.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    if (
      'adoptedStyleSheets' in root &&
      typeof CSSStyleSheet !== 'undefined' &&
      'replaceSync' in CSSStyleSheet.prototype
    ) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(MANAGE_CSS);
      }
      if (!root.adoptedStyleSheets.includes(sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
    if (root.querySelector('style[data-lectern-manage]')) return;
    const style = document.createElement('style');
    style.dataset.lecternManage = '';
    style.textContent = MANAGE_CSS;
    root.append(style);
  }, [ref]);
}
