// Fails fast, with the one command that fixes it, when the browser tests cannot run.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium not found at ${path}. The browser tests need Debian's Chromium. Install it with:\n`,
  );
  console.error('  sudo apt-get update && sudo apt-get install -y chromium\n');
  console.error('(or set CHROMIUM_PATH to another Chromium binary)');
  process.exit(1);
}
