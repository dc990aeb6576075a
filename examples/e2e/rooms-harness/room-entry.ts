// Test-only stand-in for the widget loader's `lectern-room` entry: registers the element and
// mounts the room chunk, configured from the script tag like the real loader.
import { configureLog } from '@lectern/widget/log';
import { mountRoom } from '@lectern/widget/room';

const script = document.querySelector<HTMLScriptElement>('script[data-site]');
const server = new URL(import.meta.url).origin;
const site = script?.dataset.site ?? '';
configureLog({ site, server });

customElements.define(
  'lectern-room',
  class extends HTMLElement {
    private unmount: (() => void) | null = null;
    connectedCallback() {
      this.unmount = mountRoom(this, { server, site });
    }
    disconnectedCallback() {
      this.unmount?.();
    }
  },
);
