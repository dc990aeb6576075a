import type { Context } from 'hono';
import { createFactory } from 'hono/factory';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/** Turns zod issues into a stable, readable list: `["startsAt: must be an ISO 8601 instant"]`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    if (issue.code === 'unrecognized_keys') return `${where}unknown field(s) ${issue.keys.join(', ')}`;
    return `${where}${issue.message}`;
  });
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = describeIssues(result.error);
    throw new HttpError(400, 'validation_failed', issues.join('; '), { details: issues });
  }
  return result.data;
}

/**
 * Reads and validates a JSON body. The size limit is enforced before this by the body-limit
 * middleware; `text/plain` is accepted where `allowText` is set because `navigator.sendBeacon`
 * cannot send `application/json` cross-origin without a preflight.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { allowText?: boolean } = {},
): Promise<z.output<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const okType = type === 'application/json' || (options.allowText && type === 'text/plain');
  if (!okType) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON', { cause });
  }
  return validate(schema, value);
}

/** What a route behind `jsonBody` reads: the validated body as `c.var.body`. */
export type BodyEnv<T> = { Variables: { body: T } };

/**
 * `readJson` as middleware, for routes whose next middleware needs the body (e.g. the site it
 * names, see `siteFrom`): the handler reads the same validated value as `c.var.body`.
 */
export function jsonBody<S extends z.ZodType>(schema: S, options: { allowText?: boolean } = {}) {
  return createFactory<BodyEnv<z.output<S>>>().createMiddleware(async (c, next) => {
    c.set('body', await readJson(c, schema, options));
    await next();
  });
}
