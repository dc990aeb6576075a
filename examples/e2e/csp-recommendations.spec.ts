import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { E2eServer } from './harness/lectern-server.ts';
import { demoOwnerAuth, recoTest as test } from './harness/reco-test.ts';
import { type StaticHost, startStaticHost } from './harness/static-host.ts';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widget/README.md');

/** The policy exactly as widget/README.md documents it, with LECTERN replaced by the server's origin. */
function documentedPolicy(server: string): string {
  const text = readFileSync(readme, 'utf8');
  const section = text.slice(text.indexOf('## Content-Security-Policy for the host page'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('widget/README.md has no CSP block');
  return block.trim().split('\n').join(' ').replaceAll('LECTERN', new URL(server).origin);
}

/** A blogger's page on its own origin, registered for the demo site, served with `csp`. */
async function hostPage(reco: E2eServer, csp: string): Promise<StaticHost> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-csp-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A strict blog</title>
<script type="module" src="${reco.url}/lectern.js" data-site="demo"></script></head>
<body><main><h1>A blog with a strict policy</h1><lectern-recommendations limit="3"></lectern-recommendations></main></body></html>`,
  );
  const host = await startStaticHost(dir, { headers: { 'Content-Security-Policy': csp } });
  const auth = await demoOwnerAuth(reco);
  const site = await (await fetch(`${reco.url}/v1/sites/demo`, { headers: auth })).json();
  const res = await fetch(`${reco.url}/v1/sites/demo`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origins: [...new Set([...site.origins, host.origin])] }),
  });
  expect(res.status).toBe(200);
  return host;
}

/** Records `lectern:error` details and CSP violations from the page's start. */
async function watch(page: Page) {
  await page.addInitScript(`
    window.__errors = []; window.__violations = [];
    addEventListener('lectern:error', (e) => window.__errors.push(e.detail));
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const console: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') console.push(m.text());
  });
  return {
    requests,
    console,
    errors: () =>
      page.evaluate(() => (window as unknown as { __errors: { type: string; message: string }[] }).__errors),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

const cards = (page: Page) => page.locator('lectern-recommendations li[data-lectern-card]');

test('the CSP documented in the widget README runs the model: recommendations, not the fallback', async ({
  page,
  reco,
}) => {
  const csp = documentedPolicy(reco.url);
  expect(csp).toContain("'wasm-unsafe-eval'");
  const host = await hostPage(reco, csp);
  try {
    const seen = await watch(page);
    await page.goto(`${host.origin}/index.html`);
    await expect(cards(page).first()).toBeVisible({ timeout: 30_000 });
    // The model and its runtime loaded under the policy and nothing fell back (the fallback
    // always reports a lectern:error).
    expect(seen.requests.some((u) => /\/models\/[^/]+\.onnx$/.test(u))).toBe(true);
    expect(seen.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(await seen.errors()).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    expect(seen.console.filter((m) => m.includes('Lectern'))).toEqual([]);
  } finally {
    await host.close();
  }
});

test("without 'wasm-unsafe-eval' the reader gets popular picks and the developer is told why", async ({
  page,
  reco,
}) => {
  const csp = documentedPolicy(reco.url).replace(" 'wasm-unsafe-eval'", '');
  expect(csp).not.toContain('wasm');
  const host = await hostPage(reco, csp);
  try {
    const seen = await watch(page);
    await page.goto(`${host.origin}/index.html`);
    // The reader still sees workshops (the site's popular ones)…
    await expect(cards(page).first()).toBeVisible({ timeout: 30_000 });
    // …and the page is told it is the CSP, not a broken model file.
    await expect
      .poll(seen.errors)
      .toEqual([expect.objectContaining({ type: 'wasm_blocked', element: 'lectern-recommendations' })]);
    const [error] = await seen.errors();
    expect(error.message).toContain('Content-Security-Policy');
    expect(error.message).toContain("'wasm-unsafe-eval'");
    expect(error.message).not.toMatch(/not a valid Lectern ONNX model/);
    expect(seen.console.some((m) => m.includes("add 'wasm-unsafe-eval' to script-src"))).toBe(true);
    // Nothing that the page could not use was downloaded.
    expect(seen.requests.filter((u) => u.endsWith('.onnx') || u.endsWith('.wasm'))).toEqual([]);
  } finally {
    await host.close();
  }
});
