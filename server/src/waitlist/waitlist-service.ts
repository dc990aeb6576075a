import { sql } from 'kysely';
import type { OwnerWaitlist, WaitlistOffer } from '../contract/owner.ts';
import type { Db } from '../db/database.ts';
import { HttpError } from '../http/http-error.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { seatOfferEmail } from '../mail/messages.ts';
import type { WorkshopStore } from '../workshops/workshop-store.ts';

export class WaitlistService {
  constructor(
    private readonly db: Db,
    private readonly workshops: WorkshopStore,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** Adds a reader to a sold-out workshop's waitlist; joining twice keeps the first place. */
  async join(input: { siteId: string; workshopId: string; email: string; locale: string; pageUrl?: string }) {
    const workshop = await this.workshops.getPublic(input.siteId, input.workshopId);
    if (workshop.status !== 'published')
      throw new HttpError(409, 'not_purchasable', 'This workshop is not on sale');
    if (workshop.seatsLeft > 0) throw new HttpError(409, 'conflict', 'Seats are available: book one instead');
    const email = input.email.trim().toLowerCase();
    await this.db
      .insertInto('waitlist')
      .values({
        id: newId('wl'),
        site_id: input.siteId,
        workshop_id: input.workshopId,
        email,
        locale: input.locale,
        page_url: input.pageUrl ?? null,
        created_at: this.now(),
        offered_at: null,
      })
      .onConflict((oc) => oc.columns(['workshop_id', 'email']).doNothing())
      .execute();
    const mine = await this.db
      .selectFrom('waitlist')
      .select(['created_at', 'id'])
      .where('workshop_id', '=', input.workshopId)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const ahead = await this.db
      .selectFrom('waitlist')
      .select(sql<number>`count(*)`.as('n'))
      .where('workshop_id', '=', input.workshopId)
      .where('offered_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('created_at', '<', mine.created_at),
          eb.and([eb('created_at', '=', mine.created_at), eb('id', '<', mine.id)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return { position: Number(ahead.n) + 1 };
  }

  /** The owner's view: everyone waiting for the workshop, in the order seats are offered. */
  async list(siteId: string, workshopId: string): Promise<OwnerWaitlist> {
    const workshop = await this.workshops.getForOwner(siteId, workshopId);
    const rows = await this.db
      .selectFrom('waitlist')
      .select(['email', 'locale', 'created_at', 'offered_at'])
      .where('workshop_id', '=', workshopId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
    return {
      workshopId,
      seatsLeft: workshop.seatsLeft,
      entries: rows.map((r, i) => ({
        position: i + 1,
        email: r.email,
        locale: r.locale,
        joinedAt: iso(r.created_at)!,
        offeredAt: iso(r.offered_at),
      })),
    };
  }

  /**
   * The owner offers a free seat to the next person waiting (an email, first come first served):
   * 409 `no_free_seat` when every seat is taken, `waitlist_empty` when everyone was offered one.
   */
  async offerByOwner(siteId: string, workshopId: string): Promise<WaitlistOffer> {
    const workshop = await this.workshops.getForOwner(siteId, workshopId);
    if (workshop.status !== 'published')
      throw new HttpError(409, 'not_purchasable', 'This workshop is not on sale');
    if (workshop.seatsLeft <= 0) throw new HttpError(409, 'no_free_seat', 'Every seat is taken or held');
    const offeredTo = await this.offerNext(workshopId);
    if (!offeredTo)
      throw new HttpError(409, 'waitlist_empty', 'Nobody on the waitlist is waiting for an offer');
    return { offeredTo };
  }

  /**
   * Offers a freed seat to the first person waiting who has not been offered one yet. Two seats
   * freed at once (two processes, or two releases in flight) both read the same first person:
   * one claims them, the other moves on to the next, so each freed seat reaches someone.
   */
  async offerNext(workshopId: string): Promise<string | null> {
    const next = await this.claimNext(workshopId);
    if (!next) return null;
    const workshop = await this.workshops.getPublic(next.site_id, workshopId).catch(() => null);
    if (workshop?.status !== 'published') return null;
    const locale = next.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const url = next.page_url ?? '';
    const mail = seatOfferEmail(workshop, url, locale);
    await this.mailer.send({ to: next.email, ...mail });
    this.log.info({ workshopId }, 'offered a freed seat to the waitlist');
    return next.email;
  }

  private async claimNext(workshopId: string) {
    for (;;) {
      const next = await this.db
        .selectFrom('waitlist')
        .selectAll()
        .where('workshop_id', '=', workshopId)
        .where('offered_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      if (!next) return null;
      const claimed = await this.db
        .updateTable('waitlist')
        .set({ offered_at: this.now() })
        .where('id', '=', next.id)
        .where('offered_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) > 0) return next;
    }
  }
}
