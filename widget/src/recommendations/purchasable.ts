import type { PublicWorkshop } from '../api/client.ts';

// Its own module: the recommendations element uses it at once for the fallback, while pick.ts
// (and the model runtime) load only when the element nears the screen.
/** Workshops a reader can still buy now (not ended by the host either), by item key (`w:<id>`). */
export function purchasable(workshops: readonly PublicWorkshop[], now: number): Map<string, PublicWorkshop> {
  const out = new Map<string, PublicWorkshop>();
  for (const w of workshops) {
    if (w.status === 'published' && !w.roomEndedAt && w.seatsLeft > 0 && Date.parse(w.startsAt) > now)
      out.set(`w:${w.id}`, w);
  }
  return out;
}
