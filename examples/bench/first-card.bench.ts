// Benchmark: script start → first workshop card painted, in Debian's Chromium, median of 20 loads
// of the example blog against a warm local server. "Script start" is when the browser starts
// fetching lectern.js (resource timing); "painted" is the first animation frame after a card is
// in the element's shadow root. Prints JSON on the last line.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/harness/chromium.ts';
import { startLecternServer } from '../e2e/harness/lectern-server.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);

const server = await startLecternServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const context = await browser.newContext();
  // Record the paint moment from inside the page, before any of its scripts run.
  // A string, not a function: the TypeScript loader would wrap a function with helpers the page lacks.
  await context.addInitScript(`(() => {
    const check = () => {
      const card = document.querySelector('lectern-workshops')?.shadowRoot?.querySelector('[data-lectern-card]');
      if (card) requestAnimationFrame(() => { window.__firstCard ??= performance.now(); });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`);
  const page = await context.newPage();
  const url = `${server.url}/blog/workshops.html`;
  await page.goto(url); // warm the server, the caches and Chromium
  const samples: { fromScript: number; fromNavigation: number }[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __firstCard?: number }).__firstCard !== undefined,
      null,
      {
        timeout: 10_000,
      },
    );
    samples.push(
      await page.evaluate(() => {
        const painted = (window as unknown as { __firstCard: number }).__firstCard;
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/lectern.js'));
        return { fromScript: painted - (script?.startTime ?? 0), fromNavigation: painted };
      }),
    );
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const fromScript = samples.map((s) => s.fromScript);
  const out = {
    name: 'widget-first-card',
    command: 'npm run bench',
    loads: LOADS,
    medianMs: Number(median(fromScript).toFixed(1)),
    minMs: Number(Math.min(...fromScript).toFixed(1)),
    maxMs: Number(Math.max(...fromScript).toFixed(1)),
    medianFromNavigationMs: Number(median(samples.map((s) => s.fromNavigation)).toFixed(1)),
    targetMs: 150,
  };
  const summary = `script start → first card painted: median ${out.medianMs} ms over ${LOADS} loads (min ${out.minMs}, max ${out.maxMs}; from navigation ${out.medianFromNavigationMs} ms; target ≤ 150 ms)`;
  console.log(summary);
  console.log(JSON.stringify({ ...out, summary }));
} finally {
  await browser.close();
  await server.stop();
}
// The PeerJS server mounted in the server re-arms timers it gives no way to stop; nothing else
// is pending once the server has stopped.
process.exit(0);
