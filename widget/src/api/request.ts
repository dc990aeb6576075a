import type { ErrorBody } from '@lectern/server/contract';
import { logger } from '../logger.ts';

/**
 * An API failure: `code` is the server's stable error code, or `network` when no answer came;
 * `details` is what the server added to explain it (e.g. `{ reason: 'room_full' }`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where the Lectern server is: the script tag's `data-server`, and the site (see WidgetConfig). */
export type ServerOrigin = { server: string; site?: string };

/**
 * Calls the Lectern server and returns its JSON answer; any failure (no answer, a non-2xx) is
 * an `ApiError`. A JSON body is sent with its content type; `bearer` becomes the
 * `Authorization` header. No cookies: every credential travels in the request itself.
 */
export async function request<T>(
  to: ServerOrigin,
  path: string,
  init: RequestInit & { bearer?: string } = {},
): Promise<T> {
  const { bearer, ...rest } = init;
  const headers: Record<string, string> = {};
  if (rest.body) headers['Content-Type'] = 'application/json';
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let res: Response;
  try {
    res = await fetch(`${to.server}${path}`, {
      // Seats change: always revalidate (a cheap 304 thanks to the ETag) instead of trusting max-age.
      cache: 'no-cache',
      ...rest,
      headers,
      credentials: 'omit',
    });
  } catch (err) {
    throw new ApiError(0, 'network', String(err));
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Fall through: a non-JSON answer is a server error below.
  }
  if (!res.ok) {
    const error = (body as ErrorBody | null)?.error;
    const details = error?.details as Record<string, unknown> | undefined;
    if (error?.code === 'origin_not_allowed') explainUnregisteredOrigin(to);
    throw new ApiError(res.status, error?.code ?? 'server', error?.message ?? `HTTP ${res.status}`, details);
  }
  return body as T;
}

let explained = false;

/**
 * The server refused this page's origin: a set-up mistake, so it is logged at the level shown by
 * default (once per page), naming the origin and the command that registers it. The reader sees
 * the element's calm inline state; this is for the developer looking at the console.
 */
function explainUnregisteredOrigin(to: ServerOrigin): void {
  if (explained) return;
  explained = true;
  const origin = globalThis.location?.origin ?? 'this page';
  const site = to.site ?? 'SITE_ID';
  logger.error(
    `Lectern: ${to.server} refused this page because its origin ${origin} is not registered for site "${site}". ` +
      `Register it on the server: npx lectern site origins add --site ${site} --origin ${origin}`,
  );
}

/** A JSON `POST` (or `method`) body for `request`. */
export const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });
