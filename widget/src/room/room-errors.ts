/**
 * Failures are emitted, never thrown (PeerJS style): a session emits `error` with one of these
 * types, and the element re-emits it on `window` as `lectern:error`.
 */
export type RoomErrorType =
  /** The server refused the join (no/invalid/revoked ticket, wrong workshop, removed). */
  | 'not_allowed'
  /** Outside the room's window; `details.opensAt` says when it opens. */
  | 'room_closed'
  /** The learner limit is reached. */
  | 'room_full'
  /** Camera or microphone could not be opened. */
  | 'media_unavailable'
  /** Screen sharing was refused or is unsupported. */
  | 'screen_unavailable'
  /** The signalling server or the network failed; the session keeps retrying. */
  | 'network'
  /** This ticket joined from another device, which now holds the seat. */
  | 'superseded'
  /** The host removed this participant. */
  | 'removed'
  /** The ticket was refunded or cancelled while it held a pass. */
  | 'revoked';

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
        console.error('Lectern room listener failed', err);
      }
    }
  }
}
