import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'lectern';
const AUDIENCE = 'lectern:ticket';

export type TicketClaims = { ticketId: string; orderId: string; workshopId: string; siteId: string };

export class TicketTokenError extends Error {
  override name = 'TicketTokenError';
  constructor(
    readonly reason: 'invalid' | 'expired',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A ticket is a signed token bound to one workshop. It is a bearer credential: whoever holds it
 * may join that workshop's room, until it expires (after the workshop ends) or is revoked in the
 * database (refund).
 */
export class TicketSigner {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = new TextEncoder().encode(`ticket:${secret}`);
  }

  sign(claims: TicketClaims, expiresAtMs: number): Promise<string> {
    return new SignJWT({ oid: claims.orderId, wid: claims.workshopId, sid: claims.siteId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(claims.ticketId)
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setExpirationTime(Math.floor(expiresAtMs / 1000))
      .sign(this.key);
  }

  async verify(token: string): Promise<TicketClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
      });
      const { jti, oid, wid, sid } = payload as Record<string, unknown>;
      if (
        typeof jti !== 'string' ||
        typeof oid !== 'string' ||
        typeof wid !== 'string' ||
        typeof sid !== 'string'
      ) {
        throw new TicketTokenError('invalid', 'Malformed ticket');
      }
      return { ticketId: jti, orderId: oid, workshopId: wid, siteId: sid };
    } catch (err) {
      if (err instanceof TicketTokenError) throw err;
      if (err instanceof joseErrors.JWTExpired)
        throw new TicketTokenError('expired', 'This ticket has expired');
      throw new TicketTokenError('invalid', 'Invalid ticket');
    }
  }
}
