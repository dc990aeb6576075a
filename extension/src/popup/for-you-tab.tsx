import { useEffect, useState } from 'preact/hooks';
import type { ForYouItem } from '../for-you/merge.ts';
import type { ForYouCache } from '../store/local-state.ts';
import { ask } from './ask.ts';
import { formatWhen } from './format.ts';
import { type ExtensionLocale, t } from './strings.ts';

/**
 * "For you": `items` is painted at once (the last list shown, read before the popup's first
 * render); the background's fresh list is asked for after that first paint and replaces it.
 */
export function ForYouTab({
  locale,
  items,
  onFresh,
}: {
  locale: ExtensionLocale;
  items: ForYouItem[] | null;
  onFresh: (fresh: ForYouCache) => void;
}) {
  const s = t(locale);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // The benchmark's mark: "For you" is on screen (examples/bench/extension.bench.ts). Effects
    // run after the frame that painted the list, in this order: the mark comes before the
    // question to the background, whose sending is not part of the paint.
    if (items?.length) performance.mark('lectern:for-you-painted');
  }, [items !== null && items.length > 0]);
  useEffect(() => {
    let live = true;
    ask({ kind: 'for-you' })
      .then((fresh) => live && onFresh(fresh))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  if (items === null) return <p class="muted">{failed ? s.error : s.loading}</p>;
  if (items.length === 0)
    return (
      <p class="muted" data-for-you-empty>
        {s.forYouEmpty}
      </p>
    );
  return (
    <ul class="cards" data-for-you>
      {items.map((item) => (
        <li class="card" key={`${item.siteKey}|${item.workshop.id}`} data-workshop={item.workshop.id}>
          <h3 lang={item.workshop.language}>{item.workshop.title}</h3>
          <p class="meta">
            {item.host} · {formatWhen(Date.parse(item.workshop.startsAt), locale)} ·{' '}
            {s.seatsLeft(item.workshop.seatsLeft)}
          </p>
          <p class="why">{s.because(item.because.title, item.because.host)}</p>
          <div class="row">
            <span />
            <a class="button" href={item.link} target="_blank" rel="noopener">
              {s.open}
              <span class="visually-hidden">: {item.workshop.title}</span>
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
