// Small settings and lists kept in `storage.local` (read at once by the popup and by the
// background when it starts): the pause switch, the learner's tickets and the last "For you".
import { browser } from 'wxt/browser';
import type { ForYouItem } from '../for-you/merge.ts';

/** A ticket the learner holds on a Lectern site (learned from the widget's `purchase` event). */
export type Ticket = {
  /** `<site key>|<workshop id>`. */
  key: string;
  siteKey: string;
  host: string;
  workshopId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  /** The room page on the site's Lectern server. */
  roomUrl: string;
  boughtAt: number;
};

export type ForYouCache = { computedAt: number; items: ForYouItem[] };

type State = { paused: boolean; tickets: Ticket[]; forYou: ForYouCache | null };
const DEFAULTS: State = { paused: false, tickets: [], forYou: null };

export async function readState<K extends keyof State>(key: K): Promise<State[K]> {
  const got = await browser.storage.local.get(key);
  return (got[key] as State[K] | undefined) ?? DEFAULTS[key];
}

export async function writeState<K extends keyof State>(key: K, value: State[K]): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/** How many minutes before the start a room opens (the server's default). */
const ROOM_OPENS_BEFORE_MIN = 15;

export const roomOpen = (t: Pick<Ticket, 'startsAt' | 'endsAt'>, now: number) =>
  now >= t.startsAt - ROOM_OPENS_BEFORE_MIN * 60_000 && now < t.endsAt;
