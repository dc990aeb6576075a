import type { OwnerWorkshop } from '@lectern/server/contract';
import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, fieldErrors, toWorkshopInput } from './workshop-draft.ts';

const workshop = {
  title: 'Knife skills',
  summary: 's',
  description: 'd',
  hostName: 'Ana',
  // Wednesday 10 March 2027, 18:00 in New York (EST); New York moves to EDT on the 14th.
  startsAt: '2027-03-10T23:00:00.000Z',
  timeZone: 'America/New_York',
  durationMinutes: 90,
  capacity: 12,
  priceAmount: 2550,
  currency: 'EUR',
  tags: ['a', 'b'],
  language: 'en',
} as OwnerWorkshop;

describe('workshop drafts', () => {
  it('round-trips a workshop through the form fields', () => {
    const d = draftOf(workshop);
    expect(d).toMatchObject({ date: '2027-03-10', time: '18:00', price: '25.50', tags: 'a, b' });
    const out = toWorkshopInput(d);
    expect('input' in out && out.input).toMatchObject({
      startsAt: workshop.startsAt,
      priceAmount: 2550,
      tags: ['a', 'b'],
      durationMinutes: 90,
    });
  });

  it('duplicates a week later at the same local time, across the DST change', () => {
    const d = draftOf(workshop, 7);
    expect(d).toMatchObject({ date: '2027-03-17', time: '18:00' });
    const out = toWorkshopInput(d);
    expect('input' in out && out.input.startsAt).toBe('2027-03-17T22:00:00.000Z');
  });

  it('names the fields the browser can already tell are wrong', () => {
    const d = { ...emptyDraft('en'), date: '', price: 'ten', capacity: '2.5' };
    expect(toWorkshopInput(d)).toEqual({ errors: { date: true, price: true, capacity: true } });
    expect(toWorkshopInput({ ...emptyDraft('en'), timeZone: 'New York' })).toEqual({
      errors: { timeZone: true },
    });
  });

  it("puts the server's validation messages under their fields", () => {
    const errors = fieldErrors(
      ['hostName: Too small', 'startsAt: must be an ISO 8601 instant', 'tags.2: Too big', 'odd thing'],
      'x',
    );
    expect(errors).toEqual({
      hostName: 'Too small',
      date: 'must be an ISO 8601 instant',
      tags: 'Too big',
      form: 'odd thing',
    });
    expect(fieldErrors(undefined, 'Capacity cannot go below the 3 seats already taken')).toEqual({
      capacity: 'Capacity cannot go below the 3 seats already taken',
    });
  });
});
