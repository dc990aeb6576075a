import type { RatingWeights } from '@lectern/server/contract';

/**
 * What the owner typed as an origin, as the server will store it (`https://blog.example/post` →
 * `https://blog.example`), or null when it is not an http(s) URL. The server checks again.
 */
export function parseOrigin(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The weights' sum when it is not 1 (to two decimals, as the owner sees it), else null. */
export function weightsSumOff(w: RatingWeights): string | null {
  const sum = w.content + w.instructor + w.interactivity;
  if ([w.content, w.instructor, w.interactivity].some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    return Number.isFinite(sum) ? String(Math.round(sum * 100) / 100) : '?';
  }
  return Math.abs(sum - 1) < 1e-6 ? null : String(Math.round(sum * 100) / 100);
}

/** A share 0–1 as a whole percentage for the form, and back. */
export const toPercent = (share: number) => Math.round(share * 100);
export const fromPercent = (pct: number) => Math.min(100, Math.max(0, pct)) / 100;
