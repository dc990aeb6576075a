import { afterEach, expect, it } from 'vitest';
import { reportError } from './room-tracking.ts';

let off = () => {};
afterEach(() => off());

it('reports a room error to the page as lectern:error, naming the element', () => {
  const seen: unknown[] = [];
  const listener = (e: WindowEventMap['lectern:error']) => seen.push(e.detail);
  window.addEventListener('lectern:error', listener);
  off = () => window.removeEventListener('lectern:error', listener);
  reportError({ type: 'room_closed', message: 'Not open yet', details: { opensAt: '2026-12-03T15:00:00Z' } });
  reportError({ type: 'media_unavailable', message: 'No camera' });
  expect(seen).toEqual([
    {
      type: 'room_closed',
      message: 'Not open yet',
      element: 'lectern-room',
      details: { opensAt: '2026-12-03T15:00:00Z' },
    },
    { type: 'media_unavailable', message: 'No camera', element: 'lectern-room' },
  ]);
});
