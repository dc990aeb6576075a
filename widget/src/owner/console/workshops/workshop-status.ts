import type { OwnerWorkshop } from '@lectern/server/contract';

/** What the owner's list calls a workshop: its stored status, or `ended` once it is over. */
export type ListedStatus = 'draft' | 'published' | 'cancelled' | 'ended';

export type Filter = 'all' | 'upcoming' | 'past' | 'drafts';
export const FILTERS: Filter[] = ['all', 'upcoming', 'past', 'drafts'];

/** A workshop is over when its time has passed or the host ended the room; a draft stays a draft. */
export function listedStatus(w: OwnerWorkshop, now: number): ListedStatus {
  if (w.status !== 'published') return w.status;
  return w.roomEndedAt || Date.parse(w.endsAt) <= now ? 'ended' : 'published';
}

/** Upcoming: not over yet (drafts too); past: over, whatever its status; drafts: drafts. */
export function matchesFilter(w: OwnerWorkshop, filter: Filter, now: number): boolean {
  const over = Date.parse(w.endsAt) <= now || w.roomEndedAt !== null;
  if (filter === 'upcoming') return !over && w.status !== 'cancelled';
  if (filter === 'past') return over;
  if (filter === 'drafts') return w.status === 'draft';
  return true;
}

/** The server's rule (workshops/workshop-store.ts): back to draft only while no seat is sold or held. */
export const canUnpublish = (w: OwnerWorkshop, now: number) =>
  listedStatus(w, now) === 'published' && w.paidCount === 0 && w.heldCount === 0;
