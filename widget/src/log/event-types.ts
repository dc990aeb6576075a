import type { BehaviourEvent } from '@lectern/server/contract';
import { EVENT_TYPES, type EventType } from '@lectern/server/contract/event-types';

export type { BehaviourEvent, EventType };
// The wire contract's own list, imported at run time from its zod-free module (no zod in the bundle).
export { EVENT_TYPES };

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
