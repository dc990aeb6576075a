import { LOBBY_CHECK_MS } from '@lectern/widget/room/protocol';
import { expect, test } from './fixtures.ts';
import { mintTicket, openWorkshop, room, roomContext, startAsHost } from './rooms-harness/room-fixtures.ts';

test('the join screen says when the host starts, then that the host is in, without a reload', async ({
  browser,
  server,
}) => {
  const workshopId = await openWorkshop(server, 'Lobby test');
  const url = `${server.url}/room/${workshopId}`;
  const learnerContext = await roomContext(browser);
  const hostContext = await roomContext(browser);
  try {
    const learner = await learnerContext.newPage();
    await learner.goto(`${url}#ticket=${await mintTicket(server, workshopId)}`);
    const line = room(learner).locator('[data-phase=lobby] .stage [role=status]');
    // The workshop starts in five minutes and nobody hosts yet: who, and when (in the page's locale).
    await expect(line).toHaveText(/^Test Host starts the room at .+\.$/);
    await expect(room(learner).getByRole('button', { name: 'Join the room' })).toBeVisible();

    await startAsHost(await hostContext.newPage(), url, server.ownerKey);
    // The join screen asks again every LOBBY_CHECK_MS with the pass it holds (no seat taken).
    await expect(line).toHaveText('Test Host is in the room.', { timeout: LOBBY_CHECK_MS + 10_000 });
    await room(learner).getByRole('button', { name: 'Join the room' }).click();
    await expect(room(learner).locator('[data-phase=live]')).toBeVisible();
  } finally {
    await learnerContext.close();
    await hostContext.close();
  }
});
