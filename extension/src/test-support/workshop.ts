import type { PublicWorkshop } from '@lectern/server/contract';

/** A published workshop as the public API lists it, for unit tests: override what the test is about. */
export const testWorkshop = (
  fields: Partial<PublicWorkshop> & Pick<PublicWorkshop, 'id'>,
): PublicWorkshop => ({
  siteId: 'demo',
  status: 'published',
  title: `Workshop ${fields.id}`,
  summary: '',
  description: '',
  hostName: 'Host',
  startsAt: '2030-01-02T10:00:00.000Z',
  endsAt: '2030-01-02T11:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'UTC',
  capacity: 10,
  seatsLeft: 4,
  priceAmount: 0,
  currency: 'EUR',
  tags: ['baking'],
  language: 'en',
  roomEndedAt: null,
  ...fields,
});
