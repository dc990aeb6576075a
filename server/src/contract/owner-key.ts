import type { OwnerSession } from './site.ts';

/**
 * `POST /v1/sites/:site/owner-key`: the new owner key, shown this once (only its hash is kept),
 * and a fresh session for the caller, since every session issued before the rotation stops.
 */
export type OwnerKeyRotated = { ownerKey: string; session: OwnerSession };
