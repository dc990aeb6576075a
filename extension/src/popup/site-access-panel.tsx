import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES, originPattern } from '../access/site-access.ts';
import type { YourData } from '../messages.ts';
import { ask } from './ask.ts';
import type { ExtensionStrings } from './strings.ts';

/** Asks for host access, for the current site or for all sites, saying why in our own words. */
export function SiteAccessPanel({
  s,
  data,
  onChange,
}: {
  s: ExtensionStrings;
  data: YourData;
  onChange: (d: YourData) => void;
}) {
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabUrl(tab?.url && /^https?:/.test(tab.url) ? tab.url : null))
      .catch(() => setTabUrl(null));
  }, []);
  // `permissions.request` must run straight from the click (a user gesture), before any await.
  const request = (origins: string[]) =>
    browser.permissions
      .request({ origins })
      .then((granted) => (granted ? ask({ kind: 'access-changed' }).then(onChange) : undefined))
      .then(() => setAsked(true))
      .catch(() => undefined);
  const all = ALL_SITES.every((o) => data.grantedOrigins.includes(o));
  const granted = data.grantedOrigins;
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{s.access.title}</h2>
      <p class="muted">{s.access.why}</p>
      <p data-access-state>
        {all ? s.access.allGranted : granted.length ? s.access.granted(granted.length) : s.access.none}
      </p>
      {asked && <p class="muted">{s.access.reload}</p>}
      <div class="actions">
        {tabUrl && !all && (
          <button type="button" class="button" onClick={() => request([originPattern(tabUrl)])}>
            {s.access.thisSite(new URL(tabUrl).host)}
          </button>
        )}
        {!all && (
          <button type="button" class="button secondary" onClick={() => request(ALL_SITES)}>
            {s.access.allSites}
          </button>
        )}
        {granted.length > 0 && (
          <button
            type="button"
            class="button secondary"
            onClick={() =>
              browser.permissions
                .remove({ origins: granted })
                .then(() => ask({ kind: 'access-changed' }).then(onChange))
                .catch(() => undefined)
            }
          >
            {s.access.revoke}
          </button>
        )}
      </div>
    </section>
  );
}
