import { describe, expect, it } from 'vitest';
import * as contract from './index.ts';

describe('@lectern/server/contract', () => {
  // Pins the run-time surface: a schema or constant added or dropped shows up here.
  it('exports exactly these values (everything else is types)', () => {
    expect(Object.keys(contract).sort()).toEqual([
      'ANALYTICS_PANELS',
      'DEFAULT_WEIGHTS',
      'EVENT_TYPES',
      'MAX_EVENTS_PER_BATCH',
      'MIN_LEARNERS_PER_ROW',
      'OTHER',
      'PAYMENT_METHODS',
      'RATING_CRITERIA',
      'behaviourEvent',
      'checkoutRequest',
      'errorCodes',
      'eventBatch',
      'joinRequest',
      'ownerSessionRequest',
      'publicWorkshop',
      'ratingRequest',
      'ratingWeights',
      'removeRequest',
      'satisfaction',
      'siteCreate',
      'siteSettingsUpdate',
      'siteUpdate',
      'waitlistRequest',
      'workshopCreate',
      'workshopUpdate',
    ]);
  });
});
