import { browser } from 'wxt/browser';

/**
 * A file of this extension by its path in the package. WXT types `getURL` from files it
 * generates (`wxt prepare`); the repository's type-check does not read those, so it is typed here.
 */
export const extensionUrl = (path: string): string =>
  (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
