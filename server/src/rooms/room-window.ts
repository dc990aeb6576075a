import type { RoomsConfig } from '../config.ts';
import type { RoomWindow } from '../contract/rooms.ts';
import type { WorkshopRow } from '../db/schema.ts';

export type RoomTimes = { startsAt: number; endsAt: number; opensAt: number; closesAt: number };

/** The room opens `openBeforeMinutes` before the start and closes `graceMinutes` after the end. */
export function roomTimes(
  workshop: Pick<WorkshopRow, 'starts_at' | 'duration_minutes'>,
  config: RoomsConfig,
): RoomTimes {
  const startsAt = Number(workshop.starts_at);
  const endsAt = startsAt + workshop.duration_minutes * 60_000;
  return {
    startsAt,
    endsAt,
    opensAt: startsAt - config.openBeforeMinutes * 60_000,
    closesAt: endsAt + config.graceMinutes * 60_000,
  };
}

export function toRoomWindow(t: RoomTimes): RoomWindow {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    startsAt: iso(t.startsAt),
    endsAt: iso(t.endsAt),
    opensAt: iso(t.opensAt),
    closesAt: iso(t.closesAt),
  };
}
