import { HttpError } from '../http/http-error.ts';

// SQLSTATE 22021 character_not_in_repertoire: PostgreSQL refuses a NUL character in text
// ("invalid byte sequence for encoding UTF8: 0x00"), where SQLite stores or compares it.
const NUL_IN_TEXT = '22021';

/**
 * The database errors that are the client's bad input rather than our bug, as the 400 they
 * deserve. No id, email or title Lectern keeps can contain a NUL character, so a request carrying
 * one (`/v1/orders/%00`) is refused whole; inside a transaction nothing of it was written.
 */
export function clientErrorFromDatabase(err: unknown): HttpError | undefined {
  if ((err as { code?: unknown } | null)?.code !== NUL_IN_TEXT) return undefined;
  return new HttpError(400, 'bad_request', 'Text must not contain NUL characters', { cause: err });
}
