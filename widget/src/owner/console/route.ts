import type { ConsoleRoute } from './console-context.ts';

// The console keeps its place in the address fragment as `#/section?key=value`, so a reload or a
// shared link opens the same section; a fragment of any other shape belongs to the host page.

/** Reads `#/attendees?workshop=ws_1`; null for a fragment that is not the console's. */
export function parseRoute(hash: string): ConsoleRoute | null {
  const m = /^#\/([a-z][a-z0-9-]*)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  return { section: m[1], params: Object.fromEntries(new URLSearchParams(m[2] ?? '')) };
}

/** The fragment for a route (inverse of `parseRoute`). */
export function formatRoute({ section, params }: ConsoleRoute): string {
  const query = new URLSearchParams(params).toString();
  return `#/${section}${query ? `?${query}` : ''}`;
}
