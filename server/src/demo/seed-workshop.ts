// The one step both demo sites' seeds repeat: create and publish a demo workshop once, and move
// it forward when it has gone stale, so the demo always shows upcoming workshops.
import type { AppDeps } from '../app-deps.ts';
import type { WorkshopInput } from '../contract/workshop.ts';

const DAY = 86_400_000;

/** `inDays` days after `now`, at `hourUtc` o'clock UTC. */
export function startFor(now: number, inDays: number, hourUtc: number): number {
  const day = new Date(now + inDays * DAY);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.getTime();
}

/**
 * Creates and publishes workshop `id` on `siteId` starting at `startsAt` when it does not exist
 * yet (answers `true`); when it exists and `stale(its start)` says so, moves it to `startsAt`.
 */
export async function seedWorkshop(
  deps: AppDeps,
  siteId: string,
  id: string,
  fields: Omit<WorkshopInput, 'startsAt'>,
  startsAt: number,
  stale: (existingStartsAt: number) => boolean,
): Promise<boolean> {
  const existing = await deps.db
    .selectFrom('workshops')
    .select(['starts_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!existing) {
    await deps.workshops.create(siteId, { ...fields, startsAt: new Date(startsAt).toISOString() }, { id });
    await deps.workshops.publish(siteId, id);
    return true;
  }
  if (stale(Number(existing.starts_at))) {
    await deps.db
      .updateTable('workshops')
      .set({ starts_at: startsAt, updated_at: deps.now() })
      .where('id', '=', id)
      .execute();
  }
  return false;
}
