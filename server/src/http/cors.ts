import type { Context } from 'hono';
import type { Site } from '../sites/site-store.ts';
import { HttpError } from './http-error.ts';

const ALLOW_HEADERS = 'Content-Type, Authorization, If-None-Match';
const ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

/**
 * CORS per site: a browser request from an origin the site did not register is refused with 403
 * and no `Access-Control-Allow-Origin`, so neither the browser nor the server acts on it.
 * Requests without `Origin` (same-origin GETs, curl, webhooks) are not CORS and pass.
 */
export function allowSiteOrigin(c: Context, site: Site, ownOrigins: readonly string[]): void {
  const origin = c.req.header('origin');
  if (!origin) return;
  if (!ownOrigins.includes(origin) && !site.origins.includes(origin)) {
    throw new HttpError(403, 'origin_not_allowed', `Origin ${origin} is not registered for this site`);
  }
  setCorsHeaders(c, origin);
}

export function setCorsHeaders(c: Context, origin: string): void {
  for (const [name, value] of Object.entries(corsHeaders(origin))) c.header(name, value);
  c.header('Vary', 'Origin', { append: true });
}

/** The headers that let a browser on an allowed `origin` read an answer (errors included). */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag, Retry-After' };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOW_METHODS,
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
