import { recordServerUrl } from './cli/server-url.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { startServer } from './server.ts';
import { startupBanner } from './startup-banner.ts';

// `npm start`: one process, one port. SIGTERM/SIGINT drain in-flight requests and close the database.
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`lectern: ${err.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      console.error(`lectern: ${err.message}`);
      process.exit(73); // EX_CANTCREAT
    }
    throw err;
  }
  const base = config.port === 0 ? running.url : config.publicUrl;
  console.log(startupBanner(config, base, running.demo));
  // `lectern site create` prints its snippet with this URL (see cli/server-url.ts).
  recordServerUrl(config.dataDir, base);

  const stop = (signal: string) => {
    console.log(`lectern: ${signal} received, finishing in-flight requests…`);
    running.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error('lectern: failed to start:', err);
  process.exit(1);
});
