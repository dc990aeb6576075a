import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventType, TrackFields } from './event-types.ts';
import { createPageTracker, type PageTracker } from './page-tracker.ts';

let logged: { type: EventType; fields?: TrackFields }[];
let clock: number;
let tracker: PageTracker | null;

beforeEach(() => {
  logged = [];
  clock = 1_000_000;
  history.replaceState(null, '', '/');
  tracker = null;
});
afterEach(() => tracker?.stop());

function start() {
  tracker = createPageTracker(
    (type, fields) => logged.push({ type, fields }),
    window,
    () => clock,
  );
  return tracker;
}

function setScroll(scrollY: number, innerHeight: number, scrollHeight: number) {
  Object.defineProperty(window, 'scrollY', { value: scrollY, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: innerHeight, configurable: true });
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: scrollHeight,
    configurable: true,
  });
}

it('logs a page view on start and on pushState/popstate navigation, with dwell per path', () => {
  start();
  clock += 4000;
  history.pushState(null, '', '/course/lesson-1?utm=x');
  history.replaceState(null, '', '/course/lesson-1?utm=y'); // same path: not a page view
  clock += 2500;
  history.pushState(null, '', '/');
  window.dispatchEvent(new PopStateEvent('popstate'));
  expect(logged.map((e) => [e.type, e.fields?.path, e.fields?.value])).toEqual([
    ['page_view', '/', undefined],
    ['page_dwell', '/', 4000],
    ['page_view', '/course/lesson-1', undefined],
    ['page_dwell', '/course/lesson-1', 2500],
    ['page_view', '/', undefined],
  ]);
});

it('logs visible time once when hidden, and restarts counting when visible again', () => {
  start();
  clock += 1500;
  tracker!.hide();
  tracker!.hide();
  clock += 60_000; // hidden time is not dwell time
  document.dispatchEvent(new Event('visibilitychange'));
  clock += 500;
  tracker!.hide();
  expect(logged.filter((e) => e.type === 'page_dwell').map((e) => e.fields?.value)).toEqual([1500, 500]);
});

it('logs the deepest scroll bucket reached, once per increase', () => {
  setScroll(0, 500, 2000);
  start();
  setScroll(600, 500, 2000); // 55 %
  window.dispatchEvent(new Event('scroll'));
  return new Promise<void>((resolve) => {
    setTimeout(() => {
      tracker!.hide();
      tracker!.hide();
      const depths = logged.filter((e) => e.type === 'scroll_depth').map((e) => e.fields?.value);
      expect(depths).toEqual([50]);
      resolve();
    }, 50);
  });
});

it('stops observing and restores history methods', () => {
  const push = history.pushState;
  const t = start();
  expect(history.pushState).not.toBe(push);
  t.stop();
  tracker = null;
  expect(history.pushState).toBe(push);
  history.pushState(null, '', '/elsewhere');
  expect(logged.map((e) => e.type)).toEqual(['page_view']);
});
