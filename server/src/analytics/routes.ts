import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { HttpError } from '../http/http-error.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromPath } from '../http/site-middleware.ts';
import { computeAnalytics } from './analytics.ts';
import { exportZip } from './export.ts';
import { InvalidRange, type Period, parseRange } from './range.ts';

function periodOf(c: Context, now: number): Period {
  try {
    return parseRange(c.req.query('from'), c.req.query('to'), now);
  } catch (e) {
    if (e instanceof InvalidRange) throw new HttpError(400, 'validation_failed', e.message);
    throw e;
  }
}

/** The owner's analytics of one site, as JSON and as a zip of CSV files (one per panel). */
export function analyticsRoutes(deps: AppDeps) {
  const app = new Hono();
  const owner = deps.ownerAuth.ownerOfPathSite();
  const read = rateLimit(deps.limits.read, 'read');

  app.get('/v1/sites/:site/owner/analytics', read, owner, siteFromPath(deps), async (c) => {
    const now = deps.now();
    const analytics = await computeAnalytics(deps.db, c.var.site, periodOf(c, now), now);
    c.header('Cache-Control', 'no-store');
    return c.json(analytics);
  });

  app.get('/v1/sites/:site/owner/analytics/export', read, owner, siteFromPath(deps), async (c) => {
    const now = deps.now();
    const analytics = await computeAnalytics(deps.db, c.var.site, periodOf(c, now), now);
    const { from, to } = analytics.range;
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/zip');
    c.header(
      'Content-Disposition',
      `attachment; filename="lectern-analytics-${analytics.site}-${from}-${to}.zip"`,
    );
    const zip = exportZip(analytics, now);
    return c.body(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
  });

  return app;
}
