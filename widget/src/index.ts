// @lectern/widget: the embeddable SDK. The script tag needs none of this; these are the pieces
// other parts reuse (the browser extension, tests) and the types host pages may want.
export type { WidgetConfig } from './config.ts';
export type { LecternErrorType, LecternEventMap } from './events.ts';
export { formatPrice, formatRelative, formatStart } from './i18n/format.ts';
export type { Locale } from './i18n/locale.ts';
export { pickLocale } from './i18n/locale.ts';
export type { LogLevel } from './logger.ts';
export { setLogLevel } from './logger.ts';
export type { StoredTicket } from './tickets/ticket-store.ts';
export { listTickets } from './tickets/ticket-store.ts';
