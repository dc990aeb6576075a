import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../i18n/locale.ts';

/** Where a section is: its id and the parameters it was opened with (`#/attendees?workshop=ws_1`). */
export type ConsoleRoute = { section: string; params: Record<string, string> };

/**
 * What the shell gives every section (as the `ctx` prop and through `useConsole()`).
 * Sections never sign in themselves: `call` carries the owner session, and when the server says
 * the session is over (401/403) the shell asks for the key again over the section — which stays
 * mounted, so what the owner was editing is kept — then retries the call.
 */
export type ConsoleContext = {
  /** The Lectern server origin, e.g. `https://lectern.example`. */
  server: string;
  /** The site this console runs. */
  site: string;
  locale: Locale;
  /** The level of a section's own headings (the console's title is one above). */
  level: number;
  /**
   * Calls the server as the owner: `path` is absolute on the server (`/v1/sites/${site}/…`);
   * `init` as for `fetch` (a JSON `body` string gets its content type). Resolves with the JSON
   * answer; rejects with an `ApiError` (`status`, `code`, `details`) for any other failure.
   */
  call<T>(path: string, init?: RequestInit): Promise<T>;
  /** Opens a section with parameters; the address keeps them, so a reload stays put. */
  navigate(section: string, params?: Record<string, string>): void;
  /** The section shown now and its parameters. */
  route: ConsoleRoute;
};

export const ConsoleCtx = createContext<ConsoleContext | null>(null);

/** The console a section runs in. Only valid inside a section the shell mounted. */
export function useConsole(): ConsoleContext {
  const ctx = useContext(ConsoleCtx);
  if (!ctx) throw new Error('useConsole() is only available inside a <lectern-dashboard> section');
  return ctx;
}
