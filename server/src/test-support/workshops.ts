import type { WorkshopInput } from '../contract/workshop.ts';
import type { TestApp } from './test-app.ts';

/** Creates and publishes a workshop directly through the store (the HTTP path has its own tests). */
export async function publishedWorkshop(t: TestApp, siteId: string, overrides: Partial<WorkshopInput> = {}) {
  const w = await t.deps.workshops.create(siteId, {
    title: 'Pasta by hand',
    summary: 'Flour, eggs, a rolling pin.',
    description: '',
    hostName: 'Gio',
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    durationMinutes: 60,
    timeZone: 'Europe/Rome',
    capacity: 10,
    priceAmount: 3000,
    currency: 'EUR',
    tags: [],
    language: 'en',
    ...overrides,
  });
  return t.deps.workshops.publish(siteId, w.id);
}
