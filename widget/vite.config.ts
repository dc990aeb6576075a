import { defineConfig } from 'vite';

// Library build of the embeddable widget: `dist/lectern.js` (the loader, a stable URL) plus
// content-hashed chunks that the loader imports on demand (`dist/chunks/*`, cached forever).
export default defineConfig({
  publicDir: false,
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
