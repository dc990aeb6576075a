import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './examples/e2e/harness/chromium.ts';

// Real Chromium (Debian's, never a downloaded build) against the real server started by the
// global setup. One worker: the machine has two cores and several specs open many pages at once.
export default defineConfig({
  testDir: 'examples/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './examples/e2e/harness/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  outputDir: '.tmp/playwright-output',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
