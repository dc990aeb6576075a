// The room endpoints of the Lectern server (server/src/rooms/routes.ts), on the shared `request`.
import type { RoomJoin, RoomStatus, Roster } from '@lectern/server/contract';
import type { RoomErrorType } from '../events.ts';
import { ApiError, json, request } from './request.ts';

export type { RoomJoin, RoomStatus, Roster };

/** Who may act as the room's host: its host pass, or an owner session. */
export type HostCredential = Pick<RoomJoin, 'peerId' | 'token'> | string;
const bearer = (host: HostCredential) => (typeof host === 'string' ? host : `${host.peerId}~${host.token}`);

/** What a learner thinks of the workshop, 1–5 on each scale. */
export type RatingBody = {
  ticket: string;
  content: number;
  instructor: number;
  interactivity: number;
  comment?: string;
};

/** A failed room call: the API's error, with the room's error `type` the page is told. */
export class RoomApiError extends ApiError {
  constructor(
    readonly type: RoomErrorType,
    cause: ApiError,
  ) {
    super(cause.status, cause.code, cause.message, cause.details);
    this.name = 'RoomApiError';
  }
}

/** The room's error type for an API failure. */
export function roomErrorType(err: ApiError): RoomErrorType {
  if (err.code === 'room_closed') return 'room_closed';
  if (err.details?.reason === 'room_full') return 'room_full';
  if (err.status === 401 || err.status === 403) return 'not_allowed';
  return 'network';
}

/** Turns any failure into a RoomApiError (a non-API error counts as the network's). */
export function toRoomError(err: unknown): RoomApiError {
  if (err instanceof RoomApiError) return err;
  const cause = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
  return new RoomApiError(roomErrorType(cause), cause);
}

/** One workshop's room on one Lectern server; every call fails with a RoomApiError. */
export class RoomApi {
  constructor(
    readonly server: string,
    readonly workshopId: string,
  ) {}

  private call<T>(path: string, init: RequestInit & { bearer?: string } = {}): Promise<T> {
    const room = `/v1/rooms/${encodeURIComponent(this.workshopId)}`;
    return request<T>(this, `${room}${path}`, init).catch((err: unknown) => {
      throw toRoomError(err);
    });
  }

  joinAsLearner(ticket: string, name?: string) {
    return this.call<RoomJoin>('/join', json({ ticket, ...(name && { name }) }));
  }

  joinAsHost(ownerSession: string) {
    return this.call<RoomJoin>('/join', { ...json({}), bearer: ownerSession });
  }

  status(pass: Pick<RoomJoin, 'peerId' | 'token'>) {
    return this.call<RoomStatus>('/status', { bearer: bearer(pass) });
  }

  /** `host` is the host's own pass (valid as long as the room) or an owner session. */
  roster(host: HostCredential) {
    return this.call<Roster>('/roster', { bearer: bearer(host) });
  }

  remove(host: HostCredential, peerId: string) {
    return this.call<{ removed: string }>('/remove', { ...json({ peerId }), bearer: bearer(host) });
  }

  end(host: HostCredential) {
    return this.call<{ ended: boolean }>('/end', { ...json({}), bearer: bearer(host) });
  }

  /** Undoes `end` while the room's window lasts (a host who ended by mistake). */
  reopen(host: HostCredential) {
    return this.call<{ ended: boolean }>('/reopen', { ...json({}), bearer: bearer(host) });
  }

  rate(body: RatingBody) {
    return this.call<{ saved: boolean }>('/ratings', json(body));
  }
}
