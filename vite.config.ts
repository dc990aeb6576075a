import { defineConfig } from 'vitest/config';

// Vitest 4 projects: pure logic in Node, the server in-process, and DOM code under happy-dom.
// Browser-level behaviour lives in the Playwright suite (examples/e2e), not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'model/src/**/*.test.ts',
            'model/scripts/**/*.test.ts',
            'widget/src/**/*.node.test.ts',
            'scripts/**/*.test.ts',
            'examples/bench/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/src/**/*.test.ts'],
          // Each server test file opens its own SQLite file; keep them in separate forks.
          pool: 'forks',
        },
      },
      {
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['widget/src/**/*.test.ts', 'widget/src/**/*.test.tsx', 'extension/src/**/*.test.ts'],
          exclude: ['widget/src/**/*.node.test.ts'],
        },
      },
    ],
  },
});
