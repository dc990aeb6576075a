import { chromiumMissing } from './chromium.ts';
import { startLecternServer } from './lectern-server.ts';

/** One shared server for the suite; its URL, data dir and demo owner key reach workers via env. */
export default async function globalSetup() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const server = await startLecternServer();
  process.env.LECTERN_E2E_URL = server.url;
  process.env.LECTERN_E2E_DATA_DIR = server.dataDir;
  process.env.LECTERN_E2E_OWNER_KEY = server.demo?.ownerKey ?? '';
  return async () => {
    await server.stop();
  };
}
