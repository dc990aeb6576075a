import { type ComponentChild, render } from 'preact';
import type { WidgetConfig } from '../config.ts';
import { adoptStyles } from '../ui/styles.ts';
import { followScheme } from '../ui/theme.ts';

/**
 * Renders a Preact tree into the element's open shadow root, in the light or dark scheme that
 * `data-theme` and the page around the element call for; returns the unmount.
 */
export function renderInShadow(element: HTMLElement, config: WidgetConfig, app: ComponentChild): () => void {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  root.replaceChildren();
  adoptStyles(root);
  const mount = document.createElement('div');
  root.append(mount);
  const stop = followScheme(element, config.theme, (scheme) => {
    mount.className = `scheme ${scheme}`;
  });
  render(app, mount);
  return () => {
    stop();
    render(null, mount);
  };
}

/**
 * Renders again whenever one of `names` changes on the element (a single-page app pointing a
 * `<lectern-workshop>` at another workshop); returns the clean-up.
 */
export function renderOnAttributes(
  element: HTMLElement,
  names: string[],
  renderNow: () => () => void,
): () => void {
  let unmount = renderNow();
  const observer = new MutationObserver(() => {
    unmount();
    unmount = renderNow();
  });
  observer.observe(element, { attributes: true, attributeFilter: names });
  return () => {
    observer.disconnect();
    unmount();
  };
}

/** Only the first element on the page shows the checkout return notice. */
let returnClaimedBy: HTMLElement | null = null;
export function claimReturnNotice(element: HTMLElement): boolean {
  if (!returnClaimedBy?.isConnected) returnClaimedBy = element;
  return returnClaimedBy === element;
}
