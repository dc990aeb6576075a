// Events the widget dispatches on `window`, namespaced `lectern:*`. Listen with
// `window.addEventListener('lectern:purchase', (e) => e.detail.orderId)`.

/** Why something failed; stable strings a host page can switch on. */
export type LecternErrorType =
  | 'config'
  | 'load'
  | 'network'
  | 'server'
  | 'checkout'
  | 'storage'
  /**
   * `<lectern-recommendations>`: the page's Content-Security-Policy forbids WebAssembly (no
   * `'wasm-unsafe-eval'` in `script-src`), so popular workshops are shown instead of the model's.
   */
  | 'wasm_blocked'
  | RoomErrorType;

/** Why the live room (`<lectern-room>`) failed, or why it let the reader go. */
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

export type LecternEventMap = {
  /** An element rendered its data (e.g. the workshop list with `count` cards). */
  'lectern:ready': { element: string; count?: number };
  /**
   * Something failed; the element shows a calm message instead of throwing into the page.
   * `details` carries what the server said about it (e.g. the room's `opensAt`).
   */
  'lectern:error': {
    type: LecternErrorType;
    message: string;
    element?: string;
    details?: Record<string, unknown>;
  };
  /** The reader started a checkout (before leaving for the payment page). */
  'lectern:checkout': { workshopId: string; orderId: string; mode: 'redirect' | 'embedded' | 'free' };
  /** The reader holds a ticket: payment confirmed or free registration done. */
  'lectern:purchase': { workshopId: string; orderId: string };
};

export function emit<K extends keyof LecternEventMap>(name: K, detail: LecternEventMap[K]): void {
  try {
    window.dispatchEvent(new CustomEvent(name, { detail }));
  } catch {
    // A host page's broken listener must not break the widget.
  }
}

declare global {
  interface WindowEventMap {
    'lectern:ready': CustomEvent<LecternEventMap['lectern:ready']>;
    'lectern:error': CustomEvent<LecternEventMap['lectern:error']>;
    'lectern:checkout': CustomEvent<LecternEventMap['lectern:checkout']>;
    'lectern:purchase': CustomEvent<LecternEventMap['lectern:purchase']>;
  }
}
