import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/**
 * The script the room page loads as `/lectern.js`: the real widget build when it includes the
 * room, else a bundle of the room chunk with a minimal loader (room-entry.ts), built in memory.
 */
export async function roomScript(): Promise<string | null> {
  const real = path.join(root, 'widget/dist/lectern.js');
  if (existsSync(real) && readFileSync(real, 'utf8').includes('lectern-room')) return null;
  const out = await build({
    entryPoints: [path.join(here, 'room-entry.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
