import { describe, expect, it } from 'vitest';
import { roomRefusal } from './room-refusal.ts';

describe('roomRefusal', () => {
  it('answers each reason with its status and general code, the reason in details', () => {
    const full = roomRefusal('room_full', 'The room is full (2 learners)');
    expect(full).toMatchObject({ status: 409, code: 'conflict', details: { reason: 'room_full' } });
    expect(full.message).toBe('The room is full (2 learners)');
    expect(roomRefusal('ticket_revoked', 'gone').details).toEqual({ reason: 'ticket_revoked' });
    expect(roomRefusal('not_host', 'no')).toMatchObject({ status: 403, code: 'forbidden' });
    expect(roomRefusal('pass_invalid', 'no')).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('carries the room window with the closed-room reasons', () => {
    const window = {
      startsAt: '2027-01-15T17:00:00.000Z',
      endsAt: '2027-01-15T18:30:00.000Z',
      opensAt: '2027-01-15T16:45:00.000Z',
      closesAt: '2027-01-15T19:00:00.000Z',
    };
    const early = roomRefusal('not_open_yet', `The room opens at ${window.opensAt}`, window);
    expect(early).toMatchObject({ status: 403, code: 'room_closed' });
    expect(early.details).toEqual({ reason: 'not_open_yet', ...window });
  });
});
