import type { Config } from './config.ts';
import { demoWorkshops } from './demo/demo-workshops.ts';
import { demoWorkshopId } from './demo/seed-demo.ts';

/**
 * What `npm start` prints once the server answers: where everything is, and in development the
 * outbox (emails) and how to host the demo's live room with the owner key.
 */
export function startupBanner(
  config: Pick<Config, 'env' | 'smtp'>,
  base: string,
  demo?: { siteId: string; ownerKey: string },
): string {
  const lines = [
    '',
    `  Lectern is running at ${base}`,
    `  Example blog:        ${base}/blog/`,
    `  Example course site: ${base}/course/`,
    `  Workshops API:       ${base}/v1/sites/demo/workshops`,
    // Without the demo the owner adds their own site id (the page asks for it too).
    `  Owner console:       ${base}/owner/${demo ? `?site=${demo.siteId}` : ''}  (sign in with the site's owner key)`,
  ];
  if (config.env !== 'production') {
    lines.push(
      `  Outbox (emails):     ${base}/dev/outbox  (${config.smtp.url ? 'also sent through SMTP_URL' : 'nothing is sent: no SMTP_URL'})`,
    );
  }
  if (demo) {
    lines.push(`  Demo site owner key: ${demo.ownerKey}  (site id: ${demo.siteId})`);
    const live = demoWorkshops.find((w) => w.startsSoon);
    if (live) {
      lines.push(
        `  Host a live room:    ${base}/room/${demoWorkshopId(live.key)}`,
        `                       "${live.title}" starts ~10 min after the first start;`,
        '                       its room is open now. Choose "Host this workshop", paste the owner key.',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
