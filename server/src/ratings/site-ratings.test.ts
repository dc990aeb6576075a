import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paidTicket } from '../rooms/test-tickets.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { RatingStore } from './rating-store.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /v1/sites/:site/owner/ratings', () => {
  it('averages each workshop and the whole site with the site’s weights, comments included', async () => {
    const site = await t.site();
    const day = 86_400_000;
    const early = await publishedWorkshop(t, site.id, {
      title: 'Early',
      startsAt: new Date(Date.now() + day).toISOString(),
    });
    const late = await publishedWorkshop(t, site.id, {
      title: 'Late',
      startsAt: new Date(Date.now() + 3 * day).toISOString(),
    });
    const store = new RatingStore(t.deps.db, t.deps.now);
    const rate = async (
      workshopId: string,
      scores: [number, number, number],
      comment: string | null = null,
    ) => {
      const { orderId } = await paidTicket(t.deps, site.id, workshopId);
      const ticket = await t.database.db
        .selectFrom('tickets')
        .select('id')
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow();
      const [content, instructor, interactivity] = scores;
      await store.save({
        siteId: site.id,
        workshopId,
        ticketId: ticket.id,
        content,
        instructor,
        interactivity,
        comment,
      });
    };
    await rate(early.id, [5, 5, 5], 'Loved it');
    await rate(early.id, [3, 3, 3]);
    await rate(late.id, [2, 4, 4]);
    // Another site's ratings never show.
    const other = await t.site();
    const theirs = await publishedWorkshop(t, other.id);
    const { orderId } = await paidTicket(t.deps, other.id, theirs.id);
    const tk = await t.database.db
      .selectFrom('tickets')
      .select('id')
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    await store.save({
      siteId: other.id,
      workshopId: theirs.id,
      ticketId: tk.id,
      content: 1,
      instructor: 1,
      interactivity: 1,
      comment: 'secret',
    });

    const url = `/v1/sites/${site.id}/owner/ratings`;
    const summary = await (await t.app.request(url, { headers: site.auth })).json();
    expect(summary).toEqual({
      weights: { content: 0.4, instructor: 0.3, interactivity: 0.3 },
      overall: { count: 3, averages: { content: 3.33, instructor: 4, interactivity: 4 }, satisfaction: 3.73 },
      workshops: [
        {
          workshopId: late.id,
          title: 'Late',
          startsAt: late.startsAt,
          count: 1,
          averages: { content: 2, instructor: 4, interactivity: 4 },
          satisfaction: 3.2,
          comments: [],
        },
        {
          workshopId: early.id,
          title: 'Early',
          startsAt: early.startsAt,
          count: 2,
          averages: { content: 4, instructor: 4, interactivity: 4 },
          satisfaction: 4,
          comments: [{ comment: 'Loved it', createdAt: expect.any(String) }],
        },
      ],
    });
    await t.app.request(
      `/v1/sites/${site.id}/rating-weights`,
      jsonRequest('PUT', { content: 0, instructor: 0, interactivity: 1 }, site.auth),
    );
    const reweighted = await (await t.app.request(url, { headers: site.auth })).json();
    expect(reweighted.overall.satisfaction).toBe(4);
    expect((await t.app.request(url)).status).toBe(401);
    expect((await t.app.request(url, { headers: other.auth })).status).toBe(403);
  });

  it('says there is nothing yet rather than showing zeros', async () => {
    const site = await t.site();
    const summary = await (
      await t.app.request(`/v1/sites/${site.id}/owner/ratings`, { headers: site.auth })
    ).json();
    expect(summary.overall).toEqual({ count: 0, averages: null, satisfaction: null });
    expect(summary.workshops).toEqual([]);
  });
});
