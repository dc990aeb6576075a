// `<lectern-dashboard>`: the site owner's console. Its own chunk, loaded by the widget loader only
// when the element is on a page, so readers never download it.
import { render } from 'preact';
import type { WidgetConfig } from '../../config.ts';
import { headingLevel } from '../../elements/page-context.ts';
import { adoptStyles } from '../../ui/styles.ts';
import { followScheme } from '../../ui/theme.ts';
import { ConsoleApp } from './console-app.tsx';
import { adoptConsoleStyles } from './console-style.ts';

/**
 * Renders the console into the element's open shadow root in the page's light or dark scheme, as
 * the reader's elements do (elements/shadow-app.tsx, not imported: sharing it would split the
 * reader's list chunk in two and cost every reader a request).
 */
export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  // `site` on the element wins over the script tag's `data-site` (the server's /owner/ page sets it).
  const site = element.getAttribute('site')?.trim() || config.site;
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  root.replaceChildren();
  adoptStyles(root);
  adoptConsoleStyles(root);
  const wrapper = document.createElement('div');
  root.append(wrapper);
  const stop = followScheme(element, config.theme, (scheme) => {
    wrapper.className = `scheme ${scheme}`;
  });
  render(
    <ConsoleApp
      server={config.server}
      site={site}
      locale={config.locale}
      initialSection={element.getAttribute('section') ?? undefined}
      level={headingLevel(element)}
    />,
    wrapper,
  );
  return () => {
    stop();
    render(null, wrapper);
  };
}
