import type { RoomJoin, RoomStatus, Roster } from '@lectern/server/contract';
import type { RoomError, RoomErrorType } from './room-errors.ts';

export type { RoomJoin, RoomStatus, Roster };

/** Who may act as the room's host: its host pass, or an owner session. */
export type HostCredential = Pick<RoomJoin, 'peerId' | 'token'> | string;
const bearer = (host: HostCredential) => (typeof host === 'string' ? host : `${host.peerId}~${host.token}`);

/** A failed call, already mapped to the room's error types. */
export class RoomApiError extends Error implements RoomError {
  constructor(
    readonly type: RoomErrorType,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function errorType(status: number, code: string, details?: Record<string, unknown>): RoomErrorType {
  if (code === 'room_closed') return 'room_closed';
  if (details?.reason === 'room_full') return 'room_full';
  if (status === 401 || status === 403) return 'not_allowed';
  return 'network';
}

/** The room endpoints of the Lectern server (see server/src/rooms/routes.ts). */
export class RoomApi {
  constructor(
    readonly server: string,
    readonly workshopId: string,
  ) {}

  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.server}/v1/rooms/${encodeURIComponent(this.workshopId)}${path}`, init);
    } catch (err) {
      throw new RoomApiError('network', err instanceof Error ? err.message : 'Network error', 0);
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const e = body?.error ?? {};
      throw new RoomApiError(
        errorType(res.status, e.code, e.details),
        e.message ?? res.statusText,
        res.status,
        e.details,
      );
    }
    return body as T;
  }

  private json(method: string, body: unknown, auth?: string): RequestInit {
    return {
      method,
      headers: { 'Content-Type': 'application/json', ...(auth && { Authorization: `Bearer ${auth}` }) },
      body: JSON.stringify(body),
    };
  }

  joinAsLearner(ticket: string, name?: string) {
    return this.call<RoomJoin>('/join', this.json('POST', { ticket, ...(name && { name }) }));
  }

  joinAsHost(ownerSession: string) {
    return this.call<RoomJoin>('/join', this.json('POST', {}, ownerSession));
  }

  status(pass: Pick<RoomJoin, 'peerId' | 'token'>) {
    return this.call<RoomStatus>('/status', {
      headers: { Authorization: `Bearer ${pass.peerId}~${pass.token}` },
    });
  }

  /** `host` is the host's own pass (valid as long as the room) or an owner session. */
  roster(host: HostCredential) {
    return this.call<Roster>('/roster', { headers: { Authorization: `Bearer ${bearer(host)}` } });
  }

  remove(host: HostCredential, peerId: string) {
    return this.call<{ removed: string }>('/remove', this.json('POST', { peerId }, bearer(host)));
  }

  end(host: HostCredential) {
    return this.call<{ ended: boolean }>('/end', this.json('POST', {}, bearer(host)));
  }

  rate(body: {
    ticket: string;
    content: number;
    instructor: number;
    interactivity: number;
    comment?: string;
  }) {
    return this.call<{ saved: boolean }>('/ratings', this.json('POST', body));
  }

  /** Owner key → short-lived owner session (the key itself is never stored). */
  async ownerSession(siteId: string, key: string): Promise<string> {
    const res = await fetch(`${this.server}/v1/owner/session`, this.json('POST', { siteId, key })).catch(
      () => null,
    );
    if (!res) throw new RoomApiError('network', 'Network error', 0);
    if (!res.ok) throw new RoomApiError('not_allowed', 'Wrong owner key', res.status);
    return (await res.json()).token as string;
  }
}
