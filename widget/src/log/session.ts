import { uuid } from './ids.ts';

const KEY = 'lectern:session';
export const SESSION_IDLE_MS = 30 * 60_000;

type Saved = { id: string; last: number };

/**
 * A random id per tab session, rotated after 30 minutes without events. Kept in sessionStorage
 * (per tab, gone when the tab closes; never a cookie) and in memory when storage is blocked.
 */
export class SessionClock {
  private memory: Saved | null = null;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = defaultStorage(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The current session id; touching it keeps the session alive. */
  current(): string {
    const now = this.now();
    const saved = this.read();
    const session = saved && now - saved.last < SESSION_IDLE_MS ? saved : { id: uuid(), last: now };
    session.last = now;
    this.write(session);
    return session.id;
  }

  private read(): Saved | null {
    try {
      const raw = this.storage?.getItem(KEY);
      if (raw) {
        const parsed = JSON.parse(raw) as Saved;
        if (typeof parsed.id === 'string' && typeof parsed.last === 'number') return parsed;
      }
    } catch {
      // Blocked or corrupt storage: fall through to memory.
    }
    return this.memory;
  }

  private write(session: Saved): void {
    this.memory = session;
    try {
      this.storage?.setItem(KEY, JSON.stringify(session));
    } catch {
      // Quota or sandboxed frame: memory is enough for this page.
    }
  }
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // Accessing sessionStorage throws in some sandboxed iframes.
  }
}
