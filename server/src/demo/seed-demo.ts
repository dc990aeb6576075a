import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../app-deps.ts';
import { newId } from '../ids.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedCourseSite } from './demo-sites.ts';
import { demoWorkshops } from './demo-workshops.ts';
import { seedWorkshop, startFor } from './seed-workshop.ts';

export const DEMO_SITE_ID = 'demo';
/** A demo workshop's id from its `key` in demo-workshops.ts (e.g. `ws_demo_live-demo`). */
export const demoWorkshopId = (key: string) => `ws_demo_${key}`;
/** The live demo starts 10 minutes after the server starts, so its room is already open (by default 15 minutes early). */
const SOON_MS = 10 * 60_000;

/** The demo owner key is generated once per data dir and kept there so the person can sign in. */
function demoOwnerKey(dataDir: string): string {
  const file = path.join(dataDir, 'demo-owner-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = `lk_demo_${randomBytes(18).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * Seeds the demo site and its workshops. Idempotent: existing rows are kept; a demo workshop
 * that has already ended is moved forward so the demo always shows upcoming workshops.
 */
export async function seedDemo(deps: AppDeps): Promise<{ siteId: string; ownerKey: string }> {
  const ownerKey = demoOwnerKey(deps.config.dataDir);
  const origins = [new URL(deps.config.publicUrl).origin];
  if (!(await deps.sites.get(DEMO_SITE_ID))) {
    await deps.sites.create({ id: DEMO_SITE_ID, name: 'The Demo Kitchen & Studio', origins, key: ownerKey });
    await seedDemoHistory(deps, DEMO_SITE_ID, deps.now());
  }
  const now = deps.now();
  for (const w of demoWorkshops) {
    const id = demoWorkshopId(w.key);
    const startsAt = w.startsSoon ? now + SOON_MS : startFor(now, w.inDays, w.hourUtc);
    const { key: _key, inDays: _d, hourUtc: _h, soldOut, startsSoon: _s, ...fields } = w;
    const created = await seedWorkshop(deps, DEMO_SITE_ID, id, fields, startsAt, (existingStart) =>
      w.startsSoon
        ? !roomOpen(existingStart, w.durationMinutes, now, deps.config.rooms.openBeforeMinutes)
        : existingStart + w.durationMinutes * 60_000 < now,
    );
    if (created && soldOut) await seedSoldOut(deps, id, w.capacity, w.priceAmount, w.currency, now);
  }
  await seedCourseSite(deps, ownerKey);
  return { siteId: DEMO_SITE_ID, ownerKey };
}

async function seedSoldOut(
  deps: AppDeps,
  workshopId: string,
  seats: number,
  amount: number,
  currency: string,
  now: number,
) {
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < seats; i++) {
      await trx
        .insertInto('orders')
        .values({
          id: newId('ord'),
          site_id: DEMO_SITE_ID,
          workshop_id: workshopId,
          status: 'paid',
          email: `learner${i + 1}@demo.invalid`,
          amount,
          currency,
          provider: 'seed',
          provider_session_id: null,
          hold_expires_at: null,
          created_at: now,
          updated_at: now,
          paid_at: now,
        })
        .execute();
    }
  });
}

function roomOpen(startsAt: number, minutes: number, now: number, openBeforeMinutes: number): boolean {
  return now >= startsAt - openBeforeMinutes * 60_000 && now <= startsAt + minutes * 60_000;
}
