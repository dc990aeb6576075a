import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Analytics } from '@lectern/server/contract';
import type { Browser, Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { startStaticHost } from './harness/static-host.ts';
import { consoleEl, signInToConsole } from './owner-console-helpers.ts';
import { schemeOf, seriousFindings } from './widget-helpers.ts';

// The Analytics section of the owner console, on the demo site's seeded history: the figures on
// the page are the endpoint's for the same period, in light and dark, in Chinese, under a strict
// CSP, and the export is a zip of CSVs.

const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The last `days` UTC days, today included, as the console's presets count them. */
const lastDays = (days: number) => ({ from: utcDay(Date.now() - (days - 1) * DAY), to: utcDay(Date.now()) });

async function analytics(server: SharedServer, range: { from: string; to: string }): Promise<Analytics> {
  const res = await fetch(`${server.url}/v1/sites/demo/owner/analytics?from=${range.from}&to=${range.to}`, {
    headers: await server.ownerAuth(),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const count = (n: number) => new Intl.NumberFormat('en').format(n);
const money = (amount: number, currency: string) => {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 10 ** digits);
};

/**
 * The console page carries lectern.js, whose behaviour log would upload this very visit as a page
 * view of the demo site while the test compares counts: Global Privacy Control keeps it local.
 */
const keepVisitLocal = (page: Page) =>
  page.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }));

const panel = (page: Page, id: string) => consoleEl(page).locator(`[data-panel="${id}"]`);

/** The funnel and revenue figures on the page equal the endpoint's for the same period. */
async function expectFiguresOf(page: Page, api: Analytics) {
  const funnel = panel(page, 'funnel');
  for (const step of ['pageViews', 'workshopViews', 'checkouts', 'paid', 'attended'] as const) {
    await expect(funnel.locator(`[data-figure="${step}"] .value`)).toHaveText(count(api.funnel[step]));
  }
  const revenue = panel(page, 'revenue');
  await expect(revenue.locator('[data-currency]')).toHaveCount(api.revenue.length);
  for (const r of api.revenue) {
    const box = revenue.locator(`[data-currency="${r.currency}"]`);
    for (const key of ['gross', 'refunded', 'net'] as const) {
      await expect(box.locator(`[data-figure="${key}"] .value`)).toHaveText(money(r[key], r.currency));
    }
    await expect(box.locator('[data-figure="orders"] .value')).toHaveText(count(r.orders));
    // The chart's figures for a screen reader: one row per day of the period.
    await expect(box.locator('table.sr-only tbody tr')).toHaveCount(r.byDay.length);
  }
  await expect(revenue.locator('[data-figure="freeRegistrations"] .value')).toHaveText(
    count(api.freeRegistrations.count),
  );
}

test('the funnel and revenue on the panel are the endpoint’s figures for the same period, for a preset and a custom range', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await keepVisitLocal(page);
  await signInToConsole(page, server, { hash: '#/analytics' });
  const el = consoleEl(page);
  await expect(el.getByRole('link', { name: 'Analytics' })).toHaveAttribute('aria-current', 'page');

  // Opens on the last 30 days.
  const month = await analytics(server, lastDays(30));
  expect(month.funnel.pageViews).toBeGreaterThan(0);
  expect(month.revenue.length).toBeGreaterThan(0);
  await expectFiguresOf(page, month);
  // uPlot drew each currency's net revenue by day, its own CSS applied inside the shadow root.
  const firstCurrency = panel(page, 'revenue').locator('[data-currency]').first();
  await expect(firstCurrency.locator('canvas')).toBeVisible();
  expect(await firstCurrency.locator('.u-wrap').evaluate((e) => getComputedStyle(e).position)).toBe(
    'relative',
  );
  if (month.recommendations.verdict.status === 'compared') {
    // The verdict names the gap in points (its size, to one decimal), or says "level" when that is 0.0.
    const by = Math.abs(month.recommendations.verdict.points).toFixed(1);
    await expect(panel(page, 'recommendations').locator('.verdict')).toContainText(
      by === '0.0' ? 'level so far' : by,
    );
  }

  // A custom range, kept in the address so a reload shows the same figures.
  const range = lastDays(90);
  await el.getByLabel('From', { exact: true }).fill(range.from);
  await el.getByLabel('To', { exact: true }).fill(range.to);
  await el.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/analytics\\?from=${range.from}&to=${range.to}$`));
  const quarter = await analytics(server, range);
  await expectFiguresOf(page, quarter);
  await page.reload();
  await expectFiguresOf(page, quarter);

  await el.getByRole('button', { name: 'Last 7 days' }).click();
  await expectFiguresOf(page, await analytics(server, lastDays(7)));
  expect(errors).toEqual([]);
});

/** A context already signed in as the demo owner (the session the console keeps for the tab). */
async function ownerContext(
  browser: Browser,
  server: SharedServer,
  options: Parameters<Browser['newContext']>[0] = {},
) {
  const res = await fetch(`${server.url}/v1/owner/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ siteId: 'demo', key: server.ownerKey }),
  });
  const session = await res.json();
  const context = await browser.newContext(options);
  await context.addInitScript((s) => {
    sessionStorage.setItem('lectern-owner-session:demo', s);
  }, JSON.stringify(session));
  return context;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: the panels follow the page's scheme and axe finds nothing serious`, async ({
    browser,
    server,
  }) => {
    const context = await ownerContext(browser, server, { colorScheme });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/owner/?site=demo#/analytics`);
      await expect(panel(page, 'funnel').locator('[data-figure="pageViews"]')).toBeVisible();
      await expect(panel(page, 'revenue').locator('canvas').first()).toBeVisible();
      expect(await schemeOf(page, 'lectern-dashboard')).toBe(colorScheme);
      expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('in Simplified Chinese: labels, the period picker and the A/B verdict', async ({ browser, server }) => {
  const context = await ownerContext(browser, server, { locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/owner/?site=demo#/analytics`);
    const el = consoleEl(page);
    await expect(el.getByRole('link', { name: '数据分析' })).toHaveAttribute('aria-current', 'page');
    await expect(panel(page, 'funnel').getByRole('heading', { name: '转化漏斗' })).toBeVisible();
    await expect(panel(page, 'funnel').locator('[data-figure="paid"] dt')).toHaveText('已付款');
    await expect(el.getByRole('button', { name: '最近 7 天' })).toBeVisible();
    await expect(el.getByRole('button', { name: '导出 CSV（zip）' })).toBeVisible();
    await expect(panel(page, 'recommendations')).toContainText(/领先|数据太少|不相上下|尚无/);
    expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  } finally {
    await context.close();
  }
});

/** The entries of a zip (stored or deflated), read from its local file headers. */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    const data = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at = start + size;
  }
  return files;
}

test('Export CSV (zip) downloads a zip with one CSV per panel for the period shown', async ({
  page,
  server,
}) => {
  await keepVisitLocal(page);
  await signInToConsole(page, server, { hash: '#/analytics' });
  const el = consoleEl(page);
  await expect(panel(page, 'funnel').locator('[data-figure="pageViews"]')).toBeVisible();
  const range = lastDays(30);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    el.getByRole('button', { name: 'Export CSV (zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`lectern-analytics-demo-${range.from}-${range.to}.zip`);
  const buf = readFileSync((await download.path()) as string);
  expect(buf.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const files = unzip(buf);
  expect([...files.keys()]).toContain('funnel.csv');
  expect([...files.keys()]).toContain('revenue.csv');
  expect([...files.keys()].every((name) => name.endsWith('.csv'))).toBe(true);
  // The funnel's CSV carries the same page views as the endpoint for that period.
  const api = await analytics(server, range);
  expect(files.get('funnel.csv')).toContain(String(api.funnel.pageViews));
});

test('on a blogger’s page with a strict CSP (no inline styles) the charts draw and nothing is blocked', async ({
  browser,
  server,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-owner-csp-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My console</title>
<script type="module" src="${server.url}/lectern.js" data-site="demo"></script></head>
<body><main><h1>Site admin</h1><lectern-dashboard></lectern-dashboard></main></body></html>`,
  );
  const lectern = new URL(server.url).origin;
  const host = await startStaticHost(dir, {
    headers: {
      'Content-Security-Policy': `default-src 'none'; script-src 'self' ${lectern}; connect-src 'self' ${lectern}; style-src 'self'`,
    },
  });
  const auth = await server.ownerAuth();
  const site = await (await fetch(`${server.url}/v1/sites/demo`, { headers: auth })).json();
  const res = await fetch(`${server.url}/v1/sites/demo`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origins: [...new Set([...site.origins, host.origin])] }),
  });
  expect(res.status).toBe(200);
  const context = await ownerContext(browser, server);
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __violations: string[] }).__violations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    await page.goto(`${host.origin}/index.html#/analytics`);
    const chart = panel(page, 'revenue').locator('[data-currency]').first();
    await expect(chart.locator('canvas')).toBeVisible();
    expect(await chart.locator('.u-wrap').evaluate((e) => getComputedStyle(e).position)).toBe('relative');
    // The bars' widths come from a custom property set through the DOM, not a style attribute.
    const bar = panel(page, 'funnel').locator('[data-row="pageViews"] .fill');
    expect(await bar.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );
  } finally {
    await context.close();
    await host.close();
  }
});
