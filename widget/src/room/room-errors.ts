import type { RoomErrorType } from '../events.ts';
import { logger } from '../logger.ts';

/**
 * Failures are emitted, never thrown (PeerJS style): a session emits `error` with a RoomError,
 * and the element reports it to the page as `lectern:error` (room-tracking.ts, `reportError`).
 */
export type { RoomErrorType };

export type RoomError = { type: RoomErrorType; message: string; details?: Record<string, unknown> };

type Listener<T> = (value: T) => void;

/** A minimal typed event emitter; listeners that throw cannot break the session. */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  protected emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<Events[K]>)(value);
      } catch (err) {
        logger.warn('Lectern: a room listener failed', err);
      }
    }
  }
}
