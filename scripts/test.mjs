// `npm test`: lint + type-check, widget build and size budget, extension build and lint, every
// Vitest project, the server tests again on PostgreSQL, and the Playwright suite in real Chromium.
// Runs every step, then prints one closing line `N passed, N failed` (CI reads it), and exits
// non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPgBin, PG_INSTALL_HINT } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const widgetPkg = JSON.parse(readFileSync(path.join(root, 'widget', 'package.json'), 'utf8'));

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

// A file that fails to load has no tests to fail: count it as one failure.
function readVitest(r) {
  return {
    pass: r.numPassedTests,
    fail:
      r.numFailedTests +
      r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length,
  };
}

function counted(label, file, cmd, args, env, read) {
  rmSync(file, { force: true });
  const ok = run(label, cmd, args, env);
  if (!existsSync(file)) {
    failed += 1;
    failures.push(`${label} (no report: the runner did not start)`);
    return;
  }
  const { pass, fail } = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += pass;
  failed += fail;
  if (fail > 0 || !ok) failures.push(`${label} (${fail} failed)`);
  if (!ok && fail === 0) failed += 1;
}

step('lint', bin('biome'), ['check', '.']);
step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (widgetPkg.scripts?.build) step('widget build', 'npm', ['run', '-w', 'widget', 'build']);
if (widgetPkg.scripts?.size) step('widget size budget', 'npm', ['run', '-w', 'widget', 'size']);
// The extension's two browser packages, web-ext lint on the Firefox one, and the Chrome package
// the Playwright extension specs load (built before the e2e).
step('extension build', 'npm', ['run', '-w', 'extension', 'build']);
step('extension lint (web-ext, Firefox)', 'npm', ['run', '-w', 'extension', 'lint']);
step('extension e2e package', 'npm', ['run', '-w', 'extension', 'build:e2e']);

const vitestJson = path.join(tmp, 'vitest-results.json');
counted(
  'vitest (unit, server, dom)',
  vitestJson,
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`],
  // SQLite here whatever the shell says; the PostgreSQL step below starts its own cluster.
  { LECTERN_DATABASE_URL: '' },
  readVitest,
);

// The server tests again on a throwaway PostgreSQL cluster (`npm run test:pg`).
if (findPgBin()) {
  const pgJson = path.join(tmp, 'vitest-pg-results.json');
  counted(
    'vitest server on PostgreSQL',
    pgJson,
    'node',
    [
      path.join(root, 'scripts', 'pg-cluster.mjs'),
      '--',
      bin('vitest'),
      'run',
      '--project',
      'server',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${pgJson}`,
    ],
    {},
    readVitest,
  );
} else {
  failed += 1;
  failures.push(`server tests on PostgreSQL: PostgreSQL is missing (${PG_INSTALL_HINT})`);
}

if (run('chromium present', 'node', [path.join(root, 'scripts', 'check-chromium.mjs')])) {
  const pwJson = path.join(tmp, 'playwright-results.json');
  counted('playwright (Chromium)', pwJson, bin('playwright'), ['test'], {}, (r) => ({
    pass: r.stats.expected + r.stats.flaky,
    fail: r.stats.unexpected,
  }));
} else {
  failed += 1;
  failures.push(
    'browser tests: Chromium is missing (sudo apt-get update && sudo apt-get install -y chromium)',
  );
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
