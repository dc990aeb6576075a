import { HttpError } from '../http/http-error.ts';
import type { Site } from '../sites/site-store.ts';

/** Return URLs must be pages of the site (or this server): never an open redirect. */
export function checkReturnUrl(value: string, site: Site, ownOrigins: readonly string[]): URL {
  const url = new URL(value);
  if (!site.origins.includes(url.origin) && !ownOrigins.includes(url.origin)) {
    throw new HttpError(
      400,
      'validation_failed',
      "returnUrl: must be a page on one of the site's registered origins",
    );
  }
  return url;
}

export function withParams(url: string, params: Record<string, string>): string {
  const next = new URL(url);
  for (const [k, v] of Object.entries(params)) next.searchParams.set(k, v);
  return next.toString();
}
