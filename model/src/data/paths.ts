import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so scripts work from any directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The shared MOOCCubeX data: `../shared/data/mooccubex` next to the repo, or LECTERN_DATA_MOOC. */
export function moocDataDir(): string {
  return process.env.LECTERN_DATA_MOOC || path.resolve(repoRoot, '..', 'shared', 'data', 'mooccubex');
}
