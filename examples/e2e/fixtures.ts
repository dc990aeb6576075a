import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import Database from 'better-sqlite3';

export type SharedServer = {
  /** e.g. http://localhost:43121 */
  url: string;
  dataDir: string;
  siteId: string;
  ownerKey: string;
  /** Runs a read-only query against the server's real SQLite file. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** An owner session for the demo site: `{ Authorization: 'Bearer …' }`. */
  ownerAuth(): Promise<Record<string, string>>;
};

export const test = base.extend<{ server: SharedServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  server: async ({}, use) => {
    const url = process.env.LECTERN_E2E_URL;
    const dataDir = process.env.LECTERN_E2E_DATA_DIR;
    if (!url || !dataDir) throw new Error('The e2e global setup did not start the server');
    const db = new Database(path.join(dataDir, 'lectern.sqlite'), { readonly: true, fileMustExist: true });
    const ownerKey = process.env.LECTERN_E2E_OWNER_KEY ?? '';
    await use({
      url,
      dataDir,
      siteId: 'demo',
      ownerKey,
      query: (sql, ...params) => db.prepare(sql).all(...params) as never,
      async ownerAuth() {
        const res = await fetch(`${url}/v1/owner/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ siteId: 'demo', key: ownerKey }),
        });
        if (!res.ok) throw new Error(`owner session failed: ${res.status} ${await res.text()}`);
        return { Authorization: `Bearer ${(await res.json()).token}` };
      },
    });
    db.close();
  },
});

export { expect };
