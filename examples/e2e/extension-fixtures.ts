import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, expect, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './harness/chromium.ts';

// The Chrome package built for the tests (`npm -w extension run build:e2e`): the shipped package
// plus loopback host access granted up front, because headless Chromium cannot answer the
// permission prompt the popup's "Allow" buttons open.
/** The extension APIs the tests read inside the service worker (its own global there). */
declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
};

const PACKAGE = path.resolve(import.meta.dirname, '../../extension/.output/chrome-mv3-e2e');

export type WithExtension = {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** The popup page, opened in a tab. */
  popup(): Promise<Page>;
  /** The reminder alarms the background scheduled. */
  alarms(): Promise<{ name: string; scheduledTime: number }[]>;
  close(): Promise<void>;
};

/** A fresh Chromium profile with the Lectern extension loaded, its content script registered. */
export async function launchWithExtension(locale = 'en-US'): Promise<WithExtension> {
  if (!existsSync(path.join(PACKAGE, 'manifest.json')))
    throw new Error(`No extension package at ${PACKAGE}: run npm -w extension run build:e2e`);
  const profile = mkdtempSync(path.join(tmpdir(), 'lectern-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    args: [...chromiumArgs, `--disable-extensions-except=${PACKAGE}`, `--load-extension=${PACKAGE}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // The bridge's content script is registered for the granted hosts when the background starts.
  await expect
    .poll(() =>
      worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)),
    )
    .toEqual(['lectern-bridge']);
  return {
    context,
    worker,
    id,
    async popup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      return page;
    },
    alarms: () =>
      worker.evaluate(async () =>
        (await chrome.alarms.getAll()).map((a) => ({ name: a.name, scheduledTime: a.scheduledTime })),
      ),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The workshop ids "For you" lists, in order. */
export function forYouIds(popup: Page): Promise<string[]> {
  return popup
    .locator('[data-for-you] [data-workshop]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-workshop') ?? ''));
}
