import type { ErrorCode } from '../contract/errors.ts';
import type { RoomRefusal, RoomRefusalReason } from '../contract/rooms.ts';
import { HttpError, type HttpStatus } from '../http/http-error.ts';

// Each reason keeps the status and general code the room endpoints answered with before reasons
// were typed, so clients that only read `error.code` see no change.
const ANSWER: Record<RoomRefusalReason, { status: HttpStatus; code: ErrorCode }> = {
  not_open_yet: { status: 403, code: 'room_closed' },
  ended: { status: 403, code: 'room_closed' },
  cancelled: { status: 403, code: 'room_closed' },
  removed: { status: 403, code: 'forbidden' },
  room_full: { status: 409, code: 'conflict' },
  other_site: { status: 403, code: 'forbidden' },
  not_host: { status: 403, code: 'forbidden' },
  no_credential: { status: 401, code: 'unauthorized' },
  ticket_revoked: { status: 401, code: 'unauthorized' },
  pass_invalid: { status: 401, code: 'unauthorized' },
};

/** A refused room request: the reason's status and code, `details: { reason, ...extra }`. */
export function roomRefusal(
  reason: RoomRefusalReason,
  message: string,
  extra: Omit<RoomRefusal, 'reason'> = {},
): HttpError {
  const { status, code } = ANSWER[reason];
  return new HttpError(status, code, message, { details: { reason, ...extra } satisfies RoomRefusal });
}
