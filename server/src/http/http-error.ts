import type { ErrorCode } from '../contract/errors.ts';

export type HttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/** The one error type handlers throw; `app.onError` turns it into `{ error: { code, message } }`. */
export class HttpError extends Error {
  readonly status: HttpStatus;
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    status: HttpStatus,
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
