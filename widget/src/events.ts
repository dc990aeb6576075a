// Events the widget dispatches on `window`, namespaced `lectern:*`. Listen with
// `window.addEventListener('lectern:purchase', (e) => e.detail.orderId)`.

/** Why something failed; stable strings a host page can switch on. */
export type LecternErrorType = 'config' | 'load' | 'network' | 'server' | 'checkout' | 'storage';

export type LecternEventMap = {
  /** An element rendered its data (e.g. the workshop list with `count` cards). */
  'lectern:ready': { element: string; count?: number };
  /** Something failed; the element shows a calm message instead of throwing into the page. */
  'lectern:error': { type: LecternErrorType; message: string; element?: string };
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
