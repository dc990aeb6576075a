import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository paths, resolved from this file so the server works from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const widgetDistDir = path.join(repoRoot, 'widget', 'dist');
