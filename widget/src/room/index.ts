// `<lectern-room workshop="ID">`: the live room. This chunk (and PeerJS with it) is loaded by the
// widget loader only when the element is on the page.
import { h, render } from 'preact';
import type { Locale } from '../i18n/locale.ts';
import { roomStrings } from '../i18n/room-strings.ts';
import { logger } from '../logger.ts';
import { startLog } from '../track.ts';
import { followScheme, type ThemeSetting } from '../ui/theme.ts';
import { RoomApp } from './room-app.tsx';
import { ROOM_CSS } from './room-style.ts';

export type { RoomError, RoomErrorType } from './room-errors.ts';

export type RoomMountOptions = {
  /** The Lectern server's origin, e.g. https://lectern.example. */
  server: string;
  /** The site id from the script tag's data-site. */
  site: string;
  /** The reader's language (the loader's: `data-locale`, else the browser's, as every element); default `en`. */
  locale?: Locale;
  /** `data-theme`: `light`, `dark`, or `auto` (default: follow the page around the room). */
  theme?: ThemeSetting;
};

/**
 * Renders the room into `element`'s shadow root. Returns a function that leaves the room and
 * unmounts. A missing `workshop` attribute is developer misuse: logged once, nothing rendered.
 */
export function mountRoom(element: HTMLElement, options: RoomMountOptions): () => void {
  const workshop = element.getAttribute('workshop');
  if (!workshop) {
    logger.error('Lectern: <lectern-room> needs a workshop="…" attribute with the workshop id');
    return () => {};
  }
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  // The loader picks the reader's locale (config.ts): importing pickLocale here would make
  // Rolldown split it out of the loader into a chunk of its own, a second request before anything
  // renders.
  const locale = options.locale ?? 'en';
  const style = document.createElement('style');
  style.textContent = ROOM_CSS;
  const mount = document.createElement('div');
  root.replaceChildren(style, mount);
  const stopScheme = followScheme(element, options.theme ?? 'auto', (scheme) => {
    mount.className = `scheme ${scheme}`;
  });
  startLog(options);
  render(
    h(RoomApp, { server: options.server, site: options.site, workshop, s: roomStrings(locale), locale }),
    mount,
  );
  return () => {
    stopScheme();
    render(null, mount);
  };
}
