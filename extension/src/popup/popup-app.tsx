import { useRef, useState } from 'preact/hooks';
import type { ForYouItem } from '../for-you/merge.ts';
import { ForYouTab } from './for-you-tab.tsx';
import { type ExtensionLocale, t } from './strings.ts';
import { TicketsTab } from './tickets-tab.tsx';
import { useForYou } from './use-for-you.ts';
import { YourDataTab } from './your-data-tab.tsx';

const TABS = ['forYou', 'tickets', 'data'] as const;
type Tab = (typeof TABS)[number];

/**
 * The popup: three tabs (ARIA tabs pattern: arrow keys move between them). `cachedForYou` is the
 * last "For you" shown (the page's mirror, read while the script runs, or `storage.local`); the
 * list lives here so that coming back to the tab shows the newest one at once.
 */
export function PopupApp({
  locale,
  cachedForYou,
}: {
  locale: ExtensionLocale;
  cachedForYou: ForYouItem[] | null;
}) {
  const s = t(locale);
  const [tab, setTab] = useState<Tab>('forYou');
  const [forYou, acceptForYou] = useForYou(cachedForYou);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]);
    refs.current[TABS[next]]?.focus();
  };
  return (
    <main>
      <header>
        <h1>{s.appName}</h1>
      </header>
      <div role="tablist" aria-label={s.appName} onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            ref={(el) => {
              refs.current[id] = el;
            }}
            onClick={() => setTab(id)}
          >
            {s.tabs[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'forYou' && <ForYouTab locale={locale} items={forYou} onFresh={acceptForYou} />}
        {tab === 'tickets' && <TicketsTab locale={locale} />}
        {tab === 'data' && <YourDataTab locale={locale} />}
      </div>
    </main>
  );
}
