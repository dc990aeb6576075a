import type { BehaviourEvent, EventType } from '@lectern/server/contract';

export type { BehaviourEvent, EventType };

/**
 * The wire contract's event types, repeated here because the widget imports types only from the
 * server (zero bytes of zod in the bundle). The check below fails to compile if the two drift.
 */
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
] as const satisfies readonly EventType[];

type MissingTypes = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const _allTypesListed: MissingTypes extends never ? true : false = true;
void _allTypesListed;

/**
 * Where an event stands: `pending` waits for upload, `sent` was confirmed by the server,
 * `rejected` was refused with a 4xx (kept for the reader, never retried), `local` was logged while
 * uploads were not allowed (GPC, DNT, opt-out) and never leaves the device.
 */
export type SyncState = 'pending' | 'sent' | 'rejected' | 'local';

/** An event as kept in IndexedDB: the wire event plus its upload state. */
export type StoredEvent = BehaviourEvent & { state: SyncState };

/** What callers may attach to an event; everything else (id, time, ids) is filled in. */
export type TrackFields = { workshop?: string; value?: number; label?: string; path?: string };

/** Failures are reported, never thrown into the host page. */
export type LogErrorType = 'storage_unavailable' | 'upload_rejected' | 'invalid_event' | 'not_configured';
export type LogError = { type: LogErrorType; message: string; cause?: unknown };

export function isEventType(value: unknown): value is EventType {
  return (EVENT_TYPES as readonly unknown[]).includes(value);
}
