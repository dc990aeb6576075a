import type { ExtensionLocale } from './strings.ts';

export const formatWhen = (ms: number, locale: ExtensionLocale) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms);
