import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { OwnerSession } from '../contract/site.ts';
import { HttpError } from '../http/http-error.ts';

const ISSUER = 'lectern';
const AUDIENCE = 'lectern:owner';

/** The site's current owner key version (sites/site-store.ts `keyVersion`); null for no such site. */
export type KeyVersionOf = (siteId: string) => Promise<number | null>;

/**
 * Owner keys are long-lived secrets; browsers hold only these short-lived session tokens. Each
 * token carries the key version it was issued under (`kv`): rotating the key bumps the version,
 * which ends every older session at once.
 */
export class OwnerAuth {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly keyVersionOf: KeyVersionOf = async () => 0,
  ) {
    this.key = new TextEncoder().encode(`owner-session:${secret}`);
  }

  async issue(siteId: string, now = this.now()): Promise<OwnerSession> {
    const exp = Math.floor(now / 1000) + this.ttlSeconds;
    const kv = (await this.keyVersionOf(siteId)) ?? 0;
    const token = await new SignJWT({ kv })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(siteId)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, siteId, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Returns the site id the bearer token was issued for, or throws 401. */
  async verify(c: Context): Promise<string> {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new HttpError(401, 'unauthorized', 'Send an owner session as "Authorization: Bearer <token>"');
    try {
      const { payload } = await jwtVerify(match[1], this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
      });
      if (!payload.sub) throw new Error('no subject');
      // Sessions from before key rotations (and before versions existed: no claim) are version 0.
      const kv = typeof payload.kv === 'number' ? payload.kv : 0;
      if (kv !== (await this.keyVersionOf(payload.sub))) throw new Error('owner key rotated');
      return payload.sub;
    } catch (cause) {
      const expired = cause instanceof joseErrors.JWTExpired;
      throw new HttpError(
        401,
        'unauthorized',
        expired ? 'The owner session has expired' : 'Invalid owner session',
        {
          cause,
        },
      );
    }
  }

  /** 401 without a valid session, 403 when the session belongs to another site. */
  async requireSite(c: Context, siteId: string): Promise<void> {
    const owned = await this.verify(c);
    if (owned !== siteId) throw new HttpError(403, 'forbidden', 'This owner session belongs to another site');
  }

  /**
   * `requireSite` for the site named by the `:site` path parameter, as middleware. It goes before
   * the site middleware, so that a request without a session learns nothing about the site.
   */
  ownerOfPathSite() {
    return createMiddleware(async (c, next) => {
      await this.requireSite(c, c.req.param('site') ?? '');
      await next();
    });
  }
}
