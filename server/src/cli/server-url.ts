import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

const FILE = 'server-url';

/** `npm start` notes the URL it serves at in the data dir, for the CLI's snippets. */
export function recordServerUrl(dataDir: string, url: string): void {
  writeFileSync(path.join(dataDir, FILE), `${url}\n`);
}

/**
 * The URL a snippet should load `lectern.js` from: LECTERN_PUBLIC_URL (or PORT) when the CLI is
 * given one, else the URL the server on this data dir last said it serves at, else the default.
 * (A CLI run without PORT=18787 used to print localhost:8787 for a server on 18787.)
 */
export function serverUrlFor(config: Pick<Config, 'publicUrl' | 'dataDir'>, env: NodeJS.ProcessEnv): string {
  if (env.LECTERN_PUBLIC_URL || env.PORT) return config.publicUrl;
  const file = path.join(config.dataDir, FILE);
  const recorded = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return /^https?:\/\//.test(recorded) ? recorded : config.publicUrl;
}
