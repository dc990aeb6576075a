import { useEffect } from 'preact/hooks';

/**
 * Calls `seen(id)` once per card per page view when at least half of it has been visible.
 * Cards carry their workshop id in `data-lectern-card`.
 */
export function useImpressions(
  root: { current: HTMLElement | null },
  deps: unknown[],
  seen: (id: string) => void,
) {
  useEffect(() => {
    const el = root.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const done = new Set<string>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.lecternCard;
          if (entry.isIntersecting && id && !done.has(id)) {
            done.add(id);
            seen(id);
            io.unobserve(entry.target);
          }
        }
      },
      { threshold: 0.5 },
    );
    for (const card of el.querySelectorAll('[data-lectern-card]')) io.observe(card);
    return () => io.disconnect();
  }, deps);
}
