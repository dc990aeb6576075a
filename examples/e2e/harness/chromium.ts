import { existsSync } from 'node:fs';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

export function chromiumMissing(): string | null {
  const path = chromiumPath();
  return existsSync(path) ? null : `Chromium not found at ${path}. Install it with:\n\n  ${INSTALL_HINT}\n`;
}

// The closed network here refuses Chromium's background connections; fake media devices and
// loopback ICE candidates are needed for the WebRTC room tests (see shared/TOOLCHAIN.md).
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];
