import type { Context } from 'hono';
import type { Site } from '../sites/site-store.ts';
import { HttpError } from './http-error.ts';

const ALLOW_HEADERS = 'Content-Type, Authorization, If-None-Match';
const ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

/**
 * CORS per site: a browser request from an origin the site did not register is refused with 403
 * before anything is read or written; only the refusal of a read is exposed to the page.
 * Requests without `Origin` (same-origin GETs, curl, webhooks) are not CORS and pass.
 */
export function allowSiteOrigin(c: Context, site: Site, ownOrigins: readonly string[]): void {
  const origin = c.req.header('origin');
  if (!origin) return;
  if (!ownOrigins.includes(origin) && !site.origins.includes(origin) && !extensionRead(c, origin)) {
    throw new HttpError(403, 'origin_not_allowed', `Origin ${origin} is not registered for this site`, {
      // A read's refusal is readable by the page, so the widget can tell the site's developer
      // which origin to register (and how) instead of a bare "Failed to fetch". The server has
      // not acted; the body says only that this origin is not registered. Writes stay opaque
      // (their preflight is refused first).
      headers: isRead(c) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : undefined,
    });
  }
  setCorsHeaders(c, origin);
}

const isRead = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

// The Lectern browser extension reads a site's public catalogue and model from its own origin
// (`chrome-extension://…`, `moz-extension://…`) for the learner's popup. Those reads are public
// (curl gets them too); a write from an extension origin is still refused.
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;
const extensionRead = (c: Context, origin: string) => isRead(c) && EXTENSION_ORIGIN.test(origin);

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
