import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The peer address of the TCP connection; in-process tests have none and share one bucket. */
export function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'in-process';
}
