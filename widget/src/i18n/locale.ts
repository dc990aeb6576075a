/** The languages the widget speaks. */
export type Locale = 'en' | 'zh-CN';

/** A BCP 47 tag (`data-locale`, `lang`, `navigator.language`) → the closest locale we have. */
export function pickLocale(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
