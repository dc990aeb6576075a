import type { Socket } from 'node:net';
import type { ErrorBody } from '../contract/errors.ts';
import type { Logger } from '../log.ts';

// Errors raised before a request reaches Hono, given the same `{ error: { code, message } }`
// shape as every other answer. Two layers can refuse a request that early:
//
// 1. @hono/node-server builds a `Request` from Node's message and refuses what it cannot turn
//    into a URL (a `Host` that is not a host name, a backslash in the path, a missing Host):
//    its `errorHandler` option receives a `RequestError` and may answer with any `Response`.
// 2. Node's HTTP parser refuses bytes that are not HTTP/1.1 (headers over `maxHeaderSize`, bad
//    characters in a header, a malformed request line) before any request object exists. Node
//    hands the socket to `clientError`, where the answer must be written as raw HTTP; when the
//    socket can no longer be written (the client reset it, or a response already started) the
//    only honest thing left is to close it, so those get no body.

function errorBody(code: ErrorBody['error']['code'], message: string): string {
  return JSON.stringify({ error: { code, message } } satisfies ErrorBody);
}

/** `errorHandler` for `getRequestListener`: a request Node parsed but no URL can be made from. */
export function requestErrorResponse(err: unknown, log: Logger): Response {
  if (err instanceof Error && err.name === 'RequestError') {
    log.debug({ err }, 'request refused before routing');
    return new Response(errorBody('bad_request', `Bad request: ${err.message}`), {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  log.error({ err }, 'unhandled error before routing');
  return new Response(errorBody('internal', 'Something went wrong on our side'), {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
  });
}

const PARSER_ANSWERS: Record<string, [number, string, ErrorBody['error']['code'], string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'bad_request',
    'The request headers are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'bad_request', 'The request took too long to arrive'],
};

/** `server.on('clientError', …)`: Node's parser refused the bytes; answer in JSON if we still can. */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = PARSER_ANSWERS[err.code ?? ''] ?? [
    400,
    'Bad Request',
    'bad_request',
    'The request is not valid HTTP',
  ];
  const body = errorBody(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
