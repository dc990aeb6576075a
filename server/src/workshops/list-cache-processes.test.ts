import { beforeEach, expect, it, vi } from 'vitest';
import { type SecondProcess, twoProcesses } from '../jobs/second-process.ts';
import { jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
const processes = twoProcesses();
let a: TestApp;
let b: SecondProcess;
beforeEach(() => {
  ({ a, b } = processes);
});

type ListBody = { workshops: { id: string; status: string; title: string; seatsLeft: number }[] };
const listOn = async (p: { app: TestApp['app'] }, siteId: string) =>
  (await (await p.app.request(`/v1/sites/${siteId}/workshops`)).json()) as ListBody;

// Both processes share one clock that never moves here, so the cache's one-second expiry cannot
// be what makes process A see process B's writes: only the shared version can.
it("serves process B's writes on process A's next read, and its cache between writes", async () => {
  const site = await a.site([ORIGIN]);
  const first = await publishedWorkshop(a, site.id, { title: 'First', capacity: 3 });
  const loads = vi.spyOn(a.deps.workshops, 'listPublic');
  expect((await listOn(a, site.id)).workshops.map((w) => w.title)).toEqual(['First']);
  expect((await listOn(a, site.id)).workshops).toHaveLength(1);
  expect(loads).toHaveBeenCalledTimes(1);

  // An owner's writes through process B: create + publish, edit.
  const created = await b.app.request(
    `/v1/sites/${site.id}/workshops`,
    jsonRequest(
      'POST',
      {
        title: 'Second',
        summary: 'Another one.',
        description: '',
        hostName: 'Gio',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        durationMinutes: 60,
        timeZone: 'Europe/Rome',
        capacity: 5,
        priceAmount: 0,
        currency: 'EUR',
        tags: [],
        language: 'en',
      },
      site.auth,
    ),
  );
  const second = (await created.json()) as { id: string };
  expect((await listOn(a, site.id)).workshops.map((w) => w.title)).toEqual(['First']); // a draft
  await b.app.request(`/v1/sites/${site.id}/workshops/${second.id}/publish`, {
    method: 'POST',
    headers: site.auth,
  });
  expect((await listOn(a, site.id)).workshops.map((w) => w.title)).toEqual(['First', 'Second']);
  await b.app.request(
    `/v1/sites/${site.id}/workshops/${first.id}`,
    jsonRequest('PATCH', { title: 'First, renamed' }, site.auth),
  );
  expect((await listOn(a, site.id)).workshops[0].title).toBe('First, renamed');

  // A reader's checkout through process B takes a seat; its refund gives it back.
  const checkout = await b.app.request(
    '/v1/checkout',
    jsonRequest(
      'POST',
      { siteId: site.id, workshopId: first.id, returnUrl: `${ORIGIN}/` },
      { Origin: ORIGIN },
    ),
  );
  expect(checkout.status).toBe(201);
  expect((await listOn(a, site.id)).workshops[0].seatsLeft).toBe(2);
  const { order } = (await checkout.json()) as { order: { id: string } };
  await b.app.request(`/dev-checkout/${order.id}/pay`, { method: 'POST' });
  expect(await b.deps.orders.refund(order.id)).toBe(true);
  expect((await listOn(a, site.id)).workshops[0].seatsLeft).toBe(3);

  // Cancelled through B: A's list says so at once.
  await b.app.request(`/v1/sites/${site.id}/workshops/${second.id}/cancel`, {
    method: 'POST',
    headers: site.auth,
  });
  const cancelled = (await listOn(a, site.id)).workshops.find((w) => w.id === second.id);
  expect(cancelled?.status).toBe('cancelled');

  // No write since: A answers from its cache again.
  const before = loads.mock.calls.length;
  await listOn(a, site.id);
  expect(loads).toHaveBeenCalledTimes(before);
});

it('keeps one site’s writes from reloading another site’s list', async () => {
  const one = await a.site([ORIGIN]);
  const two = await a.site([ORIGIN]);
  const listed = await publishedWorkshop(a, one.id);
  const draft = await publishedWorkshop(a, two.id);
  await listOn(a, one.id);
  const loads = vi.spyOn(a.deps.workshops, 'listPublic');
  await b.deps.workshops.cancel(two.id, draft.id);
  await listOn(a, one.id);
  expect(loads).not.toHaveBeenCalled();
  expect((await listOn(a, one.id)).workshops.map((w) => w.id)).toEqual([listed.id]);
  const versions = await a.database.db.selectFrom('list_versions').select(['site_id']).execute();
  expect(versions.map((v) => v.site_id).sort()).toEqual([one.id, two.id].sort());
});
