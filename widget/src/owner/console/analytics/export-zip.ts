// The export needs the owner's bearer token, so a plain link cannot fetch it: the zip is fetched
// as a blob and handed to the browser through a temporary object URL.
import type { DayRange } from './range.ts';

/** The file name the owner gets: lectern-analytics-SITE-FROM-TO.zip. */
export function exportFileName(site: string, range: DayRange): string {
  return `lectern-analytics-${site}-${range.from}-${range.to}.zip`;
}

/** Saves `blob` as `fileName` through a temporary link; the URL is revoked once the click ran. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next turn: Chromium starts the download from the click synchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
