import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Workspaces use each other only by package name, through the `exports` maps (issue 13): a
// relative path into another workspace bypasses the map and hides the dependency.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaces: string[] = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
const manifest = (ws: string) => JSON.parse(readFileSync(path.join(root, ws, 'package.json'), 'utf8'));

const SKIP = new Set(['node_modules', 'dist', 'artifacts', '.tmp']);
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** `from '…'`, `import '…'` and `import('…')` specifiers in a file's text. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('workspaces', () => {
  it('finds the specifiers of static, side-effect and dynamic imports', () => {
    const text = `import a from './a.ts';\nimport 'b';\nexport { c } from '../c.ts';\nconst d = import('@x/d');\ntype E = import('../../e.ts').E;`;
    expect(specifiers(text)).toEqual(['./a.ts', 'b', '../c.ts', '@x/d', '../../e.ts']);
  });

  it('import one another by package name, never by a relative path out of their own folder', () => {
    const crossings = workspaces.flatMap((ws) => {
      const home = path.join(root, ws);
      return sourceFiles(home).flatMap((file) =>
        specifiers(readFileSync(file, 'utf8'))
          .filter((s) => s.startsWith('.'))
          .filter((s) => path.relative(home, path.resolve(path.dirname(file), s)).startsWith('..'))
          .map((s) => `${path.relative(root, file)}: ${s}`),
      );
    });
    expect(crossings).toEqual([]);
  });

  it('export only files that exist (build output aside)', () => {
    const missing = workspaces.flatMap((ws) =>
      Object.entries((manifest(ws).exports ?? {}) as Record<string, string>)
        .filter(([, target]) => !target.startsWith('./dist/'))
        .filter(([, target]) => !existsSync(path.join(root, ws, target)))
        .map(([name, target]) => `${ws} ${name} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('declare the workspaces they import', () => {
    const names = new Map(workspaces.map((ws) => [manifest(ws).name as string, ws]));
    const undeclared = workspaces.flatMap((ws) => {
      const m = manifest(ws);
      const declared = new Set([
        ...Object.keys(m.dependencies ?? {}),
        ...Object.keys(m.devDependencies ?? {}),
      ]);
      const used = new Set(
        sourceFiles(path.join(root, ws)).flatMap((file) =>
          specifiers(readFileSync(file, 'utf8'))
            .map((s) => s.match(/^@lectern\/[^/]+/)?.[0])
            .filter((s): s is string => !!s && names.has(s) && s !== m.name),
        ),
      );
      return [...used].filter((name) => !declared.has(name)).map((name) => `${ws} uses ${name}`);
    });
    expect(undeclared).toEqual([]);
  });
});
