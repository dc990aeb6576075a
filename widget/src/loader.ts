// lectern.js: the one script a blogger pastes. It stays tiny: it reads its own tag, registers the
// custom elements, and loads an element's code only when that element is on the page.
import { readConfig, type WidgetConfig } from './config.ts';
import type { LecternEventMap } from './events.ts';

/** Mounts an element's UI into its shadow root; returns the clean-up. */
export type ElementMount = (element: HTMLElement, config: WidgetConfig) => () => void;

// Adding an element is one line here.
const chunks: Record<string, () => Promise<ElementMount>> = {
  'lectern-workshops': () => import('./elements/workshops-element.tsx').then((m) => m.mount),
  'lectern-workshop': () => import('./elements/workshop-element.tsx').then((m) => m.mount),
  'lectern-tickets': () => import('./elements/tickets-element.tsx').then((m) => m.mount),
  'lectern-recommendations': () => import('./elements/recommendations-element.tsx').then((m) => m.mount),
  'lectern-room': () => import('./room/index.ts').then((m) => m.mountRoom),
  'lectern-dashboard': () => import('./owner/console/dashboard-element.tsx').then((m) => m.mount),
};

// Not imported from events.ts: sharing it would cost the loader a second request before it runs.
function emitError(detail: LecternEventMap['lectern:error']) {
  window.dispatchEvent(new CustomEvent('lectern:error', { detail }));
}

function define(name: string, config: WidgetConfig) {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      private unmount?: () => void;
      private generation = 0;

      connectedCallback() {
        const generation = ++this.generation;
        chunks[name]()
          .then((mount) => {
            // Removed (or re-added) while the chunk was loading: the newer call wins.
            if (generation !== this.generation || !this.isConnected) return;
            this.unmount = mount(this, config);
          })
          .catch((err: unknown) => {
            const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
            root.textContent =
              config.locale === 'zh-CN' ? '暂时无法加载。' : 'This part of the page could not load.';
            emitError({ type: 'load', message: String(err), element: name });
          });
      }

      disconnectedCallback() {
        this.generation++;
        this.unmount?.();
        this.unmount = undefined;
      }
    },
  );
}

function start() {
  const config = readConfig(import.meta.url);
  if (typeof config === 'string') {
    // Only a broken tag needs the logger: loaded then, so the loader stays one request.
    import('./logger.ts').then((m) => m.logger.error(config));
    emitError({ type: 'config', message: config });
    return;
  }
  for (const name of Object.keys(chunks)) define(name, config);
  // The behaviour log is not needed for the first paint: start it when the browser is idle.
  const idle =
    (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? setTimeout;
  idle(() => {
    // A page with the owner console is the owner's, not a reader's: its visits are not logged.
    if (document.querySelector('lectern-dashboard')) return;
    import('./track.ts').then((m) => m.startLog(config)).catch(() => {});
  });
}

start();
