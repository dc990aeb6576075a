import type { TicketView } from '../contract/checkout.ts';
import type { Db } from '../db/database.ts';
import type { OrderRow } from '../db/schema.ts';
import { HttpError } from '../http/http-error.ts';
import { newId } from '../ids.ts';
import { TicketSigner, TicketTokenError } from './ticket-signer.ts';

/** Tickets stay usable for the ticket page and calendar a week after the workshop ends. */
const VALID_AFTER_END_MS = 7 * 86_400_000;

export type ValidTicket = {
  ticketId: string;
  orderId: string;
  workshopId: string;
  siteId: string;
  email: string | null;
};

export class TicketService {
  readonly signer: TicketSigner;

  constructor(
    private readonly db: Db,
    secret: string,
    private readonly publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    this.signer = new TicketSigner(secret, now);
  }

  /** Issues the ticket for a paid order; idempotent (one ticket per order). Call inside the order's transaction. */
  async issue(db: Db, order: OrderRow): Promise<void> {
    await db
      .insertInto('tickets')
      .values({
        id: newId('tkt'),
        order_id: order.id,
        site_id: order.site_id,
        workshop_id: order.workshop_id,
        status: 'active',
        issued_at: this.now(),
        revoked_at: null,
      })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .execute();
  }

  async revoke(db: Db, orderId: string): Promise<void> {
    await db
      .updateTable('tickets')
      .set({ status: 'revoked', revoked_at: this.now() })
      .where('order_id', '=', orderId)
      .where('status', '=', 'active')
      .execute();
  }

  /** The reader's view of the ticket for an order, or null when none was issued. */
  async view(order: OrderRow): Promise<TicketView | null> {
    const row = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirst();
    if (!row) return null;
    const workshop = await this.db
      .selectFrom('workshops')
      .select(['starts_at', 'duration_minutes'])
      .where('id', '=', order.workshop_id)
      .executeTakeFirstOrThrow();
    const endsAt = Number(workshop.starts_at) + workshop.duration_minutes * 60_000;
    const token = await this.signer.sign(
      { ticketId: row.id, orderId: order.id, workshopId: order.workshop_id, siteId: order.site_id },
      Math.max(endsAt + VALID_AFTER_END_MS, this.now() + 3600_000),
    );
    return {
      token,
      workshopId: order.workshop_id,
      siteId: order.site_id,
      orderId: order.id,
      url: `${this.publicUrl}/t/${token}`,
      icsUrl: `${this.publicUrl}/v1/tickets/${token}/ics`,
      revoked: row.status === 'revoked',
    };
  }

  /**
   * Checks a presented ticket: signature, expiry, revocation and, when given, the workshop it
   * must be for. Throws 401 (invalid/expired) or 403 (revoked / other workshop).
   */
  async validate(token: string, workshopId?: string): Promise<ValidTicket> {
    let claims: Awaited<ReturnType<TicketSigner['verify']>>;
    try {
      claims = await this.signer.verify(token);
    } catch (err) {
      const message = err instanceof TicketTokenError ? err.message : 'Invalid ticket';
      throw new HttpError(401, 'unauthorized', message, { cause: err });
    }
    if (workshopId && claims.workshopId !== workshopId) {
      throw new HttpError(403, 'forbidden', 'This ticket is for another workshop');
    }
    const row = await this.db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select(['tickets.status', 'orders.email', 'orders.status as order_status'])
      .where('tickets.id', '=', claims.ticketId)
      .executeTakeFirst();
    if (!row) throw new HttpError(401, 'unauthorized', 'Unknown ticket');
    if (row.status !== 'active' || row.order_status !== 'paid') {
      throw new HttpError(403, 'forbidden', 'This ticket has been revoked');
    }
    return { ...claims, email: row.email };
  }
}
