type PrivacyNavigator = { globalPrivacyControl?: boolean; doNotTrack?: string | null };

/** True when the browser asks not to be tracked: Global Privacy Control or Do Not Track. */
export function browserSaysDoNotTrack(nav: PrivacyNavigator | undefined = globalThis.navigator): boolean {
  if (!nav) return false;
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1';
}
