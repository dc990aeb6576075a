import { test as base } from '@playwright/test';
import { type E2eServer, startLecternServer } from './lectern-server.ts';

/**
 * A test with a server of its own (fixture `reco`): every reader gets the model variant (split 1),
 * so popular picks can only mean the fallback, and training is on demand.
 */
export const recoTest = base.extend<object, { reco: E2eServer }>({
  reco: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startLecternServer({ LECTERN_RECO_SPLIT: '1', LECTERN_RECO_RETRAIN_EVENTS: '0' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

/** An owner session for the demo site of `server`: `{ Authorization: 'Bearer …' }`. */
export async function demoOwnerAuth(server: E2eServer): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/v1/owner/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ siteId: 'demo', key: server.demo?.ownerKey }),
  });
  return { Authorization: `Bearer ${(await res.json()).token}` };
}
