// `<lectern-room workshop="ID">`: the live room. This chunk (and PeerJS with it) is loaded by the
// widget loader only when the element is on the page.
import { h, render } from 'preact';
import { RoomApp } from './room-app.tsx';
import { pickLocale, roomStrings } from './room-strings.ts';
import { ROOM_CSS } from './room-style.ts';

export type { RoomError, RoomErrorType } from './room-errors.ts';

export type RoomMountOptions = {
  /** The Lectern server's origin, e.g. https://lectern.example. */
  server: string;
  /** The site id from the script tag's data-site. */
  site: string;
};

/**
 * Renders the room into `element`'s shadow root. Returns a function that leaves the room and
 * unmounts. A missing `workshop` attribute is developer misuse: logged once, nothing rendered.
 */
export function mountRoom(element: HTMLElement, options: RoomMountOptions): () => void {
  const workshop = element.getAttribute('workshop');
  if (!workshop) {
    console.error('Lectern: <lectern-room> needs a workshop="…" attribute with the workshop id');
    return () => {};
  }
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const locale = pickLocale(element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang'));
  const style = document.createElement('style');
  style.textContent = ROOM_CSS;
  const mount = document.createElement('div');
  root.replaceChildren(style, mount);
  render(
    h(RoomApp, { server: options.server, site: options.site, workshop, s: roomStrings(locale), locale }),
    mount,
  );
  return () => render(null, mount);
}
