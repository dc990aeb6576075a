// "For you" across sites: each site's own model ranks its workshops on the learner's history
// there; a content profile (tags, language, host) built from what the learner read and opened
// carries interest to other sites, so a reader of a baking blog sees a bread workshop elsewhere.
import type { PublicWorkshop } from '@lectern/server/contract';

/** One visited site, as the merge sees it. */
export type SiteRanking = {
  key: string;
  host: string;
  /** Where "For you" links to for this site's workshops. */
  link: string;
  /** Workshops of the site that can still be bought and are not owned. */
  candidates: readonly PublicWorkshop[];
  /** The site model's picks, best first (workshop ids). */
  modelPicks: readonly string[];
  /** `model` when the picks follow the learner's history there; `popularity` when it knew none of it. */
  modelSource: 'model' | 'popularity';
  /** What the learner read or opened on this site, oldest first, with a title to show. */
  history: readonly { title: string; workshop?: PublicWorkshop }[];
};

export type ForYouItem = {
  siteKey: string;
  host: string;
  link: string;
  workshop: PublicWorkshop;
  score: number;
  /** "because you read <title> on <host>". */
  because: { title: string; host: string };
};

/** Weights: the site's own model first, then what the learner's whole history says. */
const MODEL_WEIGHT = 1;
/** The site's popular list says little about this learner: it only breaks near-ties. */
const POPULAR_WEIGHT = 0.1;
const TAG_WEIGHT = 1;
const LANGUAGE_WEIGHT = 0.15;
const HOST_WEIGHT = 0.25;

type Profile = { tags: Map<string, number>; languages: Map<string, number>; hosts: Map<string, number> };

const add = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0)) || 1;

/** The learner's interests: tags and languages of workshops opened or picked for them, and hosts read. */
export function interestProfile(sites: readonly SiteRanking[]): Profile {
  const profile: Profile = { tags: new Map(), languages: new Map(), hosts: new Map() };
  for (const site of sites) {
    const byId = new Map(site.candidates.map((w) => [w.id, w]));
    site.history.forEach((h, i) => {
      // Recent reading weighs more than old reading.
      const recency = 0.5 + (0.5 * (i + 1)) / site.history.length;
      add(profile.hosts, site.host, recency);
      // A workshop the learner opened says more than a model's guess from the posts they read.
      if (h.workshop) {
        for (const t of h.workshop.tags) add(profile.tags, t.toLowerCase(), 2 * recency);
        add(profile.languages, h.workshop.language, 2 * recency);
      }
    });
    // The model's top personal picks stand for what the posts read were about (posts carry no tags).
    if (site.modelSource !== 'model') continue;
    site.modelPicks.slice(0, 3).forEach((id, rank) => {
      const w = byId.get(id);
      if (!w) return;
      for (const t of w.tags) add(profile.tags, t.toLowerCase(), 0.5 / (rank + 1));
      add(profile.languages, w.language, 0.5 / (rank + 1));
    });
  }
  return profile;
}

function tagSimilarity(tags: readonly string[], profile: Map<string, number>): number {
  if (tags.length === 0 || profile.size === 0) return 0;
  const dot = tags.reduce((s, t) => s + (profile.get(t.toLowerCase()) ?? 0), 0);
  return dot / (Math.sqrt(tags.length) * norm(profile));
}

function share(m: Map<string, number>, key: string): number {
  const total = [...m.values()].reduce((s, v) => s + v, 0);
  return total ? (m.get(key) ?? 0) / total : 0;
}

/** Why a workshop is shown: the history item closest to it in tags, else the latest read on its site. */
function reason(w: PublicWorkshop, site: SiteRanking, sites: readonly SiteRanking[]) {
  let best: { title: string; host: string; sim: number } | null = null;
  for (const s of sites) {
    for (const h of s.history) {
      if (!h.workshop || h.workshop.id === w.id) continue;
      const sim = tagSimilarity(w.tags, new Map(h.workshop.tags.map((t) => [t.toLowerCase(), 1])));
      if (sim > 0 && (!best || sim > best.sim)) best = { title: h.title, host: s.host, sim };
    }
  }
  if (best) return { title: best.title, host: best.host };
  // Else the latest reading on its own site, or the latest anywhere that led here.
  const read = (s: SiteRanking) => s.history.map((h) => ({ title: h.title, host: s.host }));
  return read(site).at(-1) ?? sites.flatMap(read).at(-1) ?? { title: w.title, host: site.host };
}

/** Every site's candidates in one list, best first. */
export function mergeForYou(sites: readonly SiteRanking[], limit = 10): ForYouItem[] {
  const profile = interestProfile(sites);
  const items: ForYouItem[] = [];
  for (const site of sites) {
    const rank = new Map(site.modelPicks.map((id, i) => [id, i]));
    for (const w of site.candidates) {
      const r = rank.get(w.id);
      const model = r === undefined ? 0 : 1 / (r + 1);
      const score =
        (site.modelSource === 'model' ? MODEL_WEIGHT : POPULAR_WEIGHT) * model +
        TAG_WEIGHT * tagSimilarity(w.tags, profile.tags) +
        LANGUAGE_WEIGHT * share(profile.languages, w.language) +
        HOST_WEIGHT * share(profile.hosts, site.host);
      items.push({
        siteKey: site.key,
        host: site.host,
        link: site.link,
        workshop: w,
        score,
        because: reason(w, site, sites),
      });
    }
  }
  // Ties (no history at all) go to the soonest workshop.
  items.sort(
    (a, b) => b.score - a.score || Date.parse(a.workshop.startsAt) - Date.parse(b.workshop.startsAt),
  );
  return items.slice(0, limit);
}
