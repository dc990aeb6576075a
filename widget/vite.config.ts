import { defineConfig } from 'vite';
import { ownerConsoleCopies } from './scripts/owner-console-copies.ts';

// Library build of the embeddable widget: `dist/lectern.js` (the loader, a stable URL) plus
// content-hashed chunks that the loader imports on demand (`dist/chunks/*`, cached forever).
// The owner console (`<lectern-dashboard>`) builds against its own copies of the modules it shares
// with the reader's elements, so the reader's chunks do not change with it (owner-console-copies.ts).
export default defineConfig({
  publicDir: false,
  plugins: [ownerConsoleCopies()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    modulePreload: false,
    lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'lectern.js' },
    rollupOptions: {
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
