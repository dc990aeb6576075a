import type { EventType, TrackFields } from './event-types.ts';

type Track = (type: EventType, fields?: TrackFields) => void;

export type PageTracker = {
  /** The page is hidden or going away: log the visible time and scroll depth so far. */
  hide(): void;
  stop(): void;
};

const BUCKETS = [25, 50, 75, 100] as const;

/**
 * Page views (on start and on single-page-app navigation), visible dwell time and maximum
 * scroll depth, per path. Hiding is driven from outside (`hide()`) so that the caller can upload
 * right after these last events are logged.
 */
export function createPageTracker(
  track: Track,
  win: Window = window,
  now: () => number = Date.now,
): PageTracker {
  const doc = win.document;
  let path = win.location.pathname;
  let visibleSince: number | null = doc.visibilityState === 'visible' ? now() : null;
  let maxBucket = 0;
  let loggedBucket = 0;
  let stopped = false;

  const measureScroll = () => {
    const root = doc.documentElement;
    const height = Math.max(root.scrollHeight, doc.body?.scrollHeight ?? 0);
    if (height <= 0) return;
    const seen = ((win.scrollY + win.innerHeight) / height) * 100;
    for (const b of BUCKETS) if (seen >= b - 0.5 && b > maxBucket) maxBucket = b;
  };

  const logDwellAndScroll = () => {
    if (visibleSince !== null) {
      const ms = Math.round(now() - visibleSince);
      visibleSince = null;
      if (ms > 0) track('page_dwell', { path, value: ms });
    }
    if (maxBucket > loggedBucket) {
      loggedBucket = maxBucket;
      track('scroll_depth', { path, value: maxBucket });
    }
  };

  const startView = () => {
    maxBucket = 0;
    loggedBucket = 0;
    visibleSince = doc.visibilityState === 'visible' ? now() : null;
    track('page_view', { path });
    measureScroll();
  };

  const checkNavigation = () => {
    if (stopped) return;
    try {
      const next = win.location.pathname;
      // Query or fragment changes are not page views: only the path is ever logged.
      if (next === path) return;
      logDwellAndScroll();
      path = next;
      startView();
    } catch {
      // Never let our bookkeeping break the host app's navigation.
    }
  };

  // Single-page apps navigate with pushState/replaceState, which fire no event: wrap them.
  const history = win.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  const patchedPush: History['pushState'] = function (this: History, ...args) {
    const result = originalPush.apply(this, args);
    checkNavigation();
    return result;
  };
  const patchedReplace: History['replaceState'] = function (this: History, ...args) {
    const result = originalReplace.apply(this, args);
    checkNavigation();
    return result;
  };
  history.pushState = patchedPush;
  history.replaceState = patchedReplace;

  let scrollQueued = false;
  const onScroll = () => {
    if (scrollQueued) return;
    scrollQueued = true;
    // At most one measurement per frame; scroll fires far more often than that.
    (win.requestAnimationFrame ?? ((f: () => void) => win.setTimeout(f, 16)))(() => {
      scrollQueued = false;
      measureScroll();
    });
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'visible' && visibleSince === null) visibleSince = now();
  };
  // Restored from the back/forward cache: the reader is looking at the page again.
  const onPageShow = (e: PageTransitionEvent) => {
    if (e.persisted) startView();
  };

  win.addEventListener('popstate', checkNavigation);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('pageshow', onPageShow);
  doc.addEventListener('visibilitychange', onVisibility);
  startView();

  return {
    hide: logDwellAndScroll,
    stop() {
      stopped = true;
      // Restore only if nobody wrapped them after us; otherwise we would undo their patch.
      if (history.pushState === patchedPush) history.pushState = originalPush;
      if (history.replaceState === patchedReplace) history.replaceState = originalReplace;
      win.removeEventListener('popstate', checkNavigation);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('pageshow', onPageShow);
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
