import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `resolveClientIp` when a trusted proxy named the client. */
    forwardedClientIp?: string;
  }
}

// A dual-stack socket reports IPv4 peers as `::ffff:a.b.c.d`: compare and key them as IPv4.
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** The load balancers of `LECTERN_TRUSTED_PROXIES` (addresses and CIDR blocks, already validated). */
export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client behind a chain of trusted proxies: walking `X-Forwarded-For` from the right (each
 * proxy appends the address it was reached from), the first address that is not a trusted proxy.
 * Entries left of it are whatever the client wrote and are never believed; a malformed entry
 * stops the walk at the last proxy that could be trusted.
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, list: BlockList): string {
  let client = plain(peer);
  if (!forwardedFor) return client;
  const hops = forwardedFor.split(',').map((hop) => plain(hop.trim()));
  for (let i = hops.length - 1; i >= 0 && trusted(list, client); i--) {
    if (isIP(hops[i]) === 0) break;
    client = hops[i];
  }
  return client;
}

function peerOf(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * Middleware (registered when `LECTERN_TRUSTED_PROXIES` lists any): a request whose TCP peer is one of them is keyed
 * (rate limits, seat-hold caps) by the client its `X-Forwarded-For` names. From any other peer,
 * or with no proxies listed, the header is ignored: a reader cannot pick its own bucket.
 */
export function resolveClientIp(entries: string[]): MiddlewareHandler {
  const list = trustedProxyList(entries);
  return async (c, next) => {
    const peer = peerOf(c);
    if (peer !== undefined) {
      c.set('forwardedClientIp', forwardedClient(peer, c.req.header('x-forwarded-for'), list));
    }
    await next();
  };
}

/** The client's address: see `resolveClientIp`; in-process tests have none and share one bucket. */
export function clientIp(c: Context): string {
  return c.get('forwardedClientIp') ?? peerOf(c) ?? 'in-process';
}
