import { type ComponentChild, render } from 'preact';
import { adoptStyles } from '../ui/styles.ts';

/** Renders a Preact tree into the element's open shadow root; returns the unmount. */
export function renderInShadow(element: HTMLElement, app: ComponentChild): () => void {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  root.replaceChildren();
  adoptStyles(root);
  const mount = document.createElement('div');
  root.append(mount);
  render(app, mount);
  return () => render(null, mount);
}

/** Only the first element on the page shows the checkout return notice. */
let returnClaimedBy: HTMLElement | null = null;
export function claimReturnNotice(element: HTMLElement): boolean {
  if (!returnClaimedBy?.isConnected) returnClaimedBy = element;
  return returnClaimedBy === element;
}
