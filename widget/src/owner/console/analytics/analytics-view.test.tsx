import type { Analytics } from '@lectern/server/contract';
import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { analyticsFixture } from './analytics-fixture.ts';
import { type AnalyticsSource, AnalyticsView } from './analytics-view.tsx';
import type { DayRange } from './range.ts';

// happy-dom has no canvas: record what uPlot is asked to draw instead.
const plots = vi.hoisted(
  () => [] as { opts: { series: { stroke?: string; label?: string }[] }; data: unknown[][] }[],
);
vi.mock('uplot', () => ({
  default: class {
    static tzDate = (d: Date) => d;
    constructor(opts: never, data: never) {
      plots.push({ opts, data });
    }
    destroy() {}
    setSize() {}
  },
}));

let root: HTMLElement;
const now = Date.parse('2026-12-03T15:00:00Z');

beforeEach(() => {
  plots.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function source(answer: () => Promise<Analytics> = async () => analyticsFixture()) {
  const asked: DayRange[] = [];
  const src: AnalyticsSource & { asked: DayRange[] } = {
    site: 'demo',
    asked,
    load: vi.fn(async (range: DayRange) => {
      asked.push(range);
      return answer();
    }),
    exportZip: vi.fn(async () => new Blob(['PK'], { type: 'application/zip' })),
  };
  return src;
}

async function until(check: () => boolean) {
  await vi.waitFor(() => {
    if (!check()) throw new Error(`not yet: ${check}`);
  });
}
const text = (sel: string) => root.querySelector(sel)?.textContent ?? '';
const figure = (panel: string, key: string) => text(`[data-panel="${panel}"] [data-figure="${key}"] .value`);

it('asks for the last 30 days and shows the funnel with each step’s conversion', async () => {
  const src = source();
  render(<AnalyticsView locale="en" source={src} now={now} />, root);
  await until(() => !!root.querySelector('[data-panel="funnel"]'));
  expect(src.asked).toEqual([{ from: '2026-11-04', to: '2026-12-03' }]);
  expect(figure('funnel', 'pageViews')).toBe('1,200');
  expect(figure('funnel', 'attended')).toBe('9');
  // 1,200 → 1,000 before: +20%, read out as a change from the previous period.
  expect(text('[data-panel="funnel"] [data-figure="pageViews"] .change')).toBe(' vs previous period: ▲+20%');
  expect(text('[data-panel="funnel"] .bars [data-row="checkouts"] .label')).toBe(
    'Checkouts started · 13.3% of the step before',
  );
  // A title is text, never markup; a folded row says what it is.
  expect(text('[data-panel="funnel"] tr[data-row="ws_1"] th')).toBe('Sourdough <b>basics</b>');
  expect(root.querySelector('[data-panel="funnel"] b')).toBeNull();
  expect(text('[data-panel="funnel"] tr[data-row="other"] th')).toBe('Other (small groups)');
  expect(text('.analytics > .meta')).toBe('Dec 1 – Dec 3, compared with Nov 28 – Nov 30');
  // Top pages: a path as text, the folded small pages as "Other".
  expect(text('[data-top="views"] [data-row="/blog/bread"] .value')).toBe('800');
  expect(text('[data-top="views"] [data-row="other"] .label')).toBe('Other (small groups)');
  expect(text('[data-top="purchases"] [data-row="/blog/bread"] .value')).toBe('9');
});

it('keeps each currency apart, charts its net revenue by day, and counts free registrations apart', async () => {
  render(<AnalyticsView locale="en" source={source()} now={now} />, root);
  await until(() => plots.length === 3);
  expect(text('[data-currency="EUR"] [data-figure="net"] .value')).toBe('€261.00');
  expect(text('[data-currency="EUR"] [data-figure="refunded"] .value')).toBe('€29.00');
  expect(text('[data-currency="JPY"] [data-figure="gross"] .value')).toBe('¥3,000');
  // No previous JPY sales: no change to show.
  expect(root.querySelector('[data-currency="JPY"] [data-figure="gross"] .change')).toBeNull();
  expect(figure('revenue', 'freeRegistrations')).toBe('5');
  // One chart per currency, x in seconds at UTC midnight, the theme's accent as the line.
  const eur = plots.find((p) => p.opts.series[1].label === 'Net' && p.data[1][2] === 17400);
  expect(eur?.data[0]).toEqual([
    Date.UTC(2026, 11, 1) / 1000,
    Date.UTC(2026, 11, 2) / 1000,
    Date.UTC(2026, 11, 3) / 1000,
  ]);
  expect(eur?.opts.series[1].stroke).toBe('#1f5eff');
  // The screen reader's table carries the same figures.
  const rows = [...root.querySelectorAll('[data-currency="EUR"] table.sr-only tbody tr')].map(
    (r) => r.textContent,
  );
  expect(rows).toEqual(['Dec 1€87.00', 'Dec 2€0.00', 'Dec 3€174.00']);
});

it('words the A/B verdict and says when a model has too little data', async () => {
  render(<AnalyticsView locale="en" source={source()} now={now} />, root);
  await until(() => !!root.querySelector('.verdict'));
  expect(text('.verdict')).toBe('The model is ahead by 2.1 points; not yet significant.');
  expect(text('[data-panel="recommendations"] tr[data-row="model"] td:nth-of-type(3)')).toBe(
    '5.2% [4.2%–6.2%]',
  );
  expect(text('[data-model="buy"] .empty')).toBe('Too little data: 37 of the 200 needed.');
  expect(text('[data-model="attend"] [data-figure="auc"] .value')).toBe('0.71');
  expect(text('[data-model="attend"] [data-row="free"] .value')).toBe('-0.25');
  expect(text('[data-model="attend"] [data-row="free"] .label')).toBe('Free workshop');
  expect(text('[data-panel="prediction"] > .empty')).toBe('Too little data: 12 of the 50 needed.');
});

it('speaks Simplified Chinese', async () => {
  render(<AnalyticsView locale="zh-CN" source={source()} now={now} />, root);
  await until(() => !!root.querySelector('.verdict'));
  expect(text('[data-panel="funnel"] h3')).toBe('转化漏斗');
  expect(text('[data-panel="funnel"] [data-figure="paid"] dt')).toBe('已付款');
  expect(text('.verdict')).toBe('模型领先 2.1 个百分点；尚不显著。');
  expect(text('[data-panel="retention"] caption')).toBe('按月买家群组');
});

it('loads another period from a preset or a custom range, and refuses a reversed one', async () => {
  const src = source();
  render(<AnalyticsView locale="en" source={src} now={now} />, root);
  await until(() => src.asked.length === 1);
  const preset = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Last 7 days')!;
  preset.click();
  await until(() => src.asked.length === 2);
  expect(src.asked[1]).toEqual({ from: '2026-11-27', to: '2026-12-03' });
  await until(() => preset.getAttribute('aria-pressed') === 'true');

  const from = root.querySelector('input[name="from"]') as HTMLInputElement;
  const to = root.querySelector('input[name="to"]') as HTMLInputElement;
  const set = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  // Submitting as a browser does: the event bubbles to where Preact listens.
  const submit = () =>
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  set(from, '2026-12-02');
  set(to, '2026-12-01');
  submit();
  await until(() => text('[role="alert"]') === 'The start must not be after the end.');
  expect(src.asked).toHaveLength(2);

  set(to, '2026-12-03');
  submit();
  await until(() => src.asked.length === 3);
  expect(src.asked[2]).toEqual({ from: '2026-12-02', to: '2026-12-03' });
});

it('hides the changes when not comparing', async () => {
  render(<AnalyticsView locale="en" source={source()} now={now} />, root);
  await until(() => !!root.querySelector('.change'));
  const box = root.querySelector('input[type="checkbox"]') as HTMLInputElement;
  box.click();
  await until(() => !root.querySelector('.change'));
  expect(text('.analytics > .meta')).toBe('Dec 1 – Dec 3');
});

it('a failed load is a calm message with Try again, never a throw', async () => {
  let fail = true;
  const src = source(async () => {
    if (fail) throw new Error('offline');
    return analyticsFixture();
  });
  const reported: unknown[] = [];
  const listen = (e: Event) => reported.push((e as CustomEvent).detail);
  window.addEventListener('lectern:error', listen);
  render(<AnalyticsView locale="en" source={src} now={now} />, root);
  await until(() => text('[role="alert"] p') === 'The figures could not load right now.');
  window.removeEventListener('lectern:error', listen);
  expect(reported).toEqual([{ type: 'server', message: 'Error: offline', element: 'lectern-dashboard' }]);
  fail = false;
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
  await until(() => !!root.querySelector('[data-panel="funnel"]'));
  expect(root.querySelector('[role="alert"]')).toBeNull();
});

it('downloads the export as a zip named after the site and the period', async () => {
  const src = source();
  const saved: { href: string; download: string }[] = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ href: this.href, download: this.download });
  });
  render(<AnalyticsView locale="en" source={src} now={now} />, root);
  await until(() => src.asked.length === 1);
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV (zip)')!.click();
  await until(() => saved.length === 1);
  expect(src.exportZip).toHaveBeenCalledWith({ from: '2026-11-04', to: '2026-12-03' });
  expect(saved[0].download).toBe('lectern-analytics-demo-2026-11-04-2026-12-03.zip');
  expect(saved[0].href).toMatch(/^blob:/);
  click.mockRestore();
});

it('adopts uPlot’s CSS and its own as a constructable sheet in the shadow root (no <style>, no <link>)', async () => {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  shadow.append(mount);
  render(<AnalyticsView locale="en" source={source()} now={now} />, mount);
  await until(() => shadow.adoptedStyleSheets.length === 1);
  const css = [...shadow.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n');
  // Vitest stubs `.css` imports, so uPlot's own rules are checked in Chromium (owner-analytics.spec.ts).
  expect(css).toContain('.bars .fill');
  expect(shadow.querySelector('style, link')).toBeNull();
  render(null, mount);
  host.remove();
});

it('a long breakdown shows ten rows and a "Show all" that opens the rest', async () => {
  const many = analyticsFixture();
  many.attendance.workshops = Array.from({ length: 12 }, (_, i) => ({
    ...many.attendance.workshops[0],
    workshopId: `ws_${i}`,
    title: `Workshop ${i}`,
  }));
  render(<AnalyticsView locale="en" source={source(async () => many)} now={now} />, root);
  await until(() => !!root.querySelector('[data-panel="attendance"] tbody'));
  const rows = () => root.querySelectorAll('[data-panel="attendance"] tbody tr').length;
  expect(rows()).toBe(10);
  const more = root.querySelector('[data-panel="attendance"] button.more') as HTMLButtonElement;
  expect(more.textContent).toBe('Show all 12 rows');
  expect(more.getAttribute('aria-expanded')).toBe('false');
  more.click();
  await until(() => rows() === 12);
  expect(more.textContent).toBe('Show fewer rows');
});
