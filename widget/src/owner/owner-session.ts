// The site owner's sign-in: owner key → `POST /v1/owner/session` → a short-lived owner session.
// Only the session is kept, never the key, in `sessionStorage` (this tab only), so a reload does
// not ask for the key again. Used by the room's host sign-in and by the owner console.
import type { OwnerSession } from '@lectern/server/contract';
import { json, request, type ServerOrigin } from '../api/request.ts';

export type { OwnerSession };

const storageKey = (siteId: string) => `lectern-owner-session:${siteId}`;

/** Exchanges the owner key for a session and keeps the session. Fails with an `ApiError`. */
export async function signIn(to: ServerOrigin, siteId: string, ownerKey: string): Promise<OwnerSession> {
  const session = await request<OwnerSession>(to, '/v1/owner/session', json({ siteId, key: ownerKey }));
  keepSession(siteId, session);
  return session;
}

/** Keeps a session the server handed out (sign-in, or the fresh one after a key rotation). */
export function keepSession(siteId: string, session: OwnerSession): void {
  try {
    sessionStorage.setItem(storageKey(siteId), JSON.stringify(session));
  } catch {
    // Storage blocked: the session still works for this page, a reload asks for the key again.
  }
}

/** The kept session for the site, or null when there is none or it has expired. */
export function currentSession(siteId: string, now = Date.now()): OwnerSession | null {
  let kept: Partial<OwnerSession> | null = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(storageKey(siteId)) ?? 'null');
  } catch {
    // Unreadable (blocked storage or not ours): treated as signed out below.
  }
  if (typeof kept?.token !== 'string' || typeof kept.expiresAt !== 'string') return null;
  if (!(Date.parse(kept.expiresAt) > now)) {
    signOut(siteId);
    return null;
  }
  return kept as OwnerSession;
}

/** Forgets the kept session (signed out, or the server no longer accepts it). */
export function signOut(siteId: string): void {
  try {
    sessionStorage.removeItem(storageKey(siteId));
  } catch {
    // Nothing kept that we could reach.
  }
}
