import { useEffect } from 'preact/hooks';
import { emit } from '../events.ts';
import { logger } from '../logger.ts';
import { track } from '../track.ts';
import type { RoomError } from './room-errors.ts';

/** Reports a failure to the page as `lectern:error`, without throwing into it. */
export function reportError(error: RoomError): void {
  logger.warn('Lectern: room error', error.type, error.message);
  emit('lectern:error', {
    type: error.type,
    message: error.message,
    element: 'lectern-room',
    ...(error.details && { details: error.details }),
  });
}

/** Attendance: join when first live, leave (with seconds in the room) when it ends or the page goes. */
export function useAttendance(workshop: string, live: boolean): void {
  useEffect(() => {
    if (!live) return;
    const joinedAt = Date.now();
    track('room_join', { workshop });
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      track('room_leave', { workshop, value: Math.round((Date.now() - joinedAt) / 1000) });
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [workshop, live]);
}

/** Counts an interaction (never its text) in the behaviour log. */
export function trackInteraction(workshop: string, label: string): void {
  track('room_interaction', { workshop, label, value: 1 });
}
