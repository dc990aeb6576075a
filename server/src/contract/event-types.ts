// No zod here: the widget imports this list at run time (`@lectern/server/contract/event-types`).

/** Behaviour event types a browser may upload. Free text never travels; only ids, numbers and paths. */
export const EVENT_TYPES = [
  'page_view',
  'page_dwell',
  'scroll_depth',
  'workshop_impression',
  'workshop_click',
  'checkout_start',
  'purchase',
  'ticket_view',
  'reco_impression',
  'reco_click',
  'room_join',
  'room_leave',
  'room_interaction',
  'rating',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
