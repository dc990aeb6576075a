import { HttpError } from './http-error.ts';

/**
 * Decodes one percent-encoded path segment. A malformed encoding (`%ZZ`, a lone `%`, a broken
 * UTF-8 sequence) is the client's mistake: 400 `bad_request`, not the `URIError` it throws.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new HttpError(400, 'bad_request', 'The path has a malformed percent-encoding', { cause });
  }
}
