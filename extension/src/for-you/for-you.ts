// Builds the popup's "For you": every visited site's open workshops, ranked by that site's model
// on the learner's history there, merged across sites (merge.ts), owned ones left out.

import { historyItemKeys, workshopIdOf } from '@lectern/model/runtime';
import type { PublicWorkshop } from '@lectern/server/contract';
import { purchasable } from '@lectern/widget/extension-bridge';
import { crossSiteLog } from '../log/cross-site-log.ts';
import { rankSite, siteWorkshops } from '../model/site-models.ts';
import { extensionDb, type KnownSite } from '../store/extension-db.ts';
import { type ForYouCache, readState, writeState } from '../store/local-state.ts';
import { type ForYouItem, mergeForYou, type SiteRanking } from './merge.ts';

/** A path read, as a person would name it when the page's title is unknown. */
const pathTitle = (path: string) =>
  decodeURIComponent(path.split('/').filter(Boolean).pop() ?? path)
    .replace(/\.html?$/, '')
    .replace(/[-_]+/g, ' ') || path;

/** Workshop ids the learner holds a ticket for on a site. */
async function ownedOn(site: KnownSite): Promise<Set<string>> {
  const tickets = await readState('tickets');
  return new Set(tickets.filter((t) => t.siteKey === site.key).map((t) => t.workshopId));
}

async function siteRanking(site: KnownSite, now: number): Promise<SiteRanking | null> {
  const [events, workshops, titles, owned] = await Promise.all([
    crossSiteLog.history(site.key),
    siteWorkshops(site),
    extensionDb.pageTitles(site.key),
    ownedOn(site),
  ]);
  for (const e of events) if (e.type === 'purchase' && e.workshop) owned.add(e.workshop);
  const open = purchasable(workshops, now);
  const candidates = [...open.values()].filter((w) => !owned.has(w.id));
  const byId = new Map<string, PublicWorkshop>(workshops.map((w) => [w.id, w]));
  const history = historyItemKeys(events).map((key) => {
    if (key.startsWith('w:')) {
      const workshop = byId.get(workshopIdOf(key));
      return { title: workshop?.title ?? workshopIdOf(key), workshop };
    }
    const path = key.slice(2);
    return { title: titles.get(path) ?? pathTitle(path) };
  });
  // Without history the model answers with the site's popular list. With no model yet, or one
  // that failed to run, content similarity alone still ranks this site.
  const ranked = await rankSite(site, events, owned, now).catch(() => ({
    ids: [],
    source: 'popularity' as const,
  }));
  return {
    key: site.key,
    host: site.host,
    link: site.lastPage,
    candidates,
    modelPicks: ranked.ids,
    modelSource: ranked.source,
    history,
  };
}

// Counts the learner's forgets and deletes: a list computed while one ran may hold what was
// removed, so it is computed again instead of being kept.
let erasures = 0;

/** Called once a site is forgotten or everything deleted, before "For you" is emptied. */
export function noteErasure(): void {
  erasures += 1;
}

/** Computes "For you" now and keeps it for the popup's next opening. */
export async function refreshForYou(now = Date.now()): Promise<ForYouCache> {
  for (;;) {
    const seen = erasures;
    const sites = await extensionDb.sites();
    const rankings = await Promise.all(sites.map((s) => siteRanking(s, now).catch(() => null)));
    if (seen !== erasures) continue;
    const items: ForYouItem[] = mergeForYou(
      rankings.filter((r): r is SiteRanking => r !== null),
      12,
    );
    const cache = { computedAt: now, items };
    await writeState('forYou', cache);
    return cache;
  }
}

/** This site's picks for its own page: workshop ids only, nothing about other sites. */
export async function picksForPage(site: KnownSite, limit: number, now = Date.now()): Promise<string[]> {
  const ranking = await siteRanking(site, now);
  if (!ranking) return [];
  const open = new Set(ranking.candidates.map((w) => w.id));
  return ranking.modelPicks.filter((id) => open.has(id)).slice(0, limit);
}
