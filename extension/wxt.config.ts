import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';

// onnxruntime-web's one-thread SIMD wasm, shipped inside the package: MV3 forbids remote code.
const ortWasm = path.join(
  path.dirname(createRequire(import.meta.url).resolve('onnxruntime-web/wasm')),
  'ort-wasm-simd-threaded.wasm',
);

// WXT 0.21.0 exactly: 0.21.4 and later need Node 22 (see README for why not Plasmo).
export default defineConfig({
  srcDir: 'src',
  outDir: '.output',
  // Every import is written out: the code reads the same inside and outside WXT.
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { chunkSizeWarningLimit: 1024 },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: ortWasm, relativeDest: 'ort/ort-wasm-simd-threaded.wasm' });
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Lectern',
    description:
      'Workshops picked for you across the Lectern sites you read, your tickets and reminders. Your history stays in this browser.',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    // Asked from the popup, per site or for all sites, never at install.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The e2e package only: headless Chromium cannot answer a permission prompt, so the loopback
    // hosts the tests use are granted up front (the shipped packages never ask at install).
    ...(mode === 'e2e' ? { host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'] } : {}),
    content_security_policy: {
      // onnxruntime-web compiles its wasm: without 'wasm-unsafe-eval' that is a CompileError.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // The popup is a static page (public/popup.html) with one classic script built from
    // src/entrypoints/popup-script.ts: an HTML entrypoint would get WXT's module script for its
    // plugins (we use none) and a chunk shared with the background, two more requests before
    // "For you" can paint.
    action: { default_title: 'Lectern', default_popup: 'popup.html' },
    web_accessible_resources: [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'extension@lectern.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
