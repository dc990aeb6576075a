// The smallest valid WebAssembly module (magic number and version): compiling it tests only
// whether this page may compile WebAssembly at all.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * The host page's Content-Security-Policy forbids compiling WebAssembly (no `'wasm-unsafe-eval'`
 * in `script-src`), so the on-device model cannot run; without this check onnxruntime-web fails
 * later with "not a valid Lectern ONNX model", which sends a developer after the wrong thing.
 */
export class WasmBlockedError extends Error {
  override name = 'WasmBlockedError';
  constructor() {
    super(
      "Lectern: this page's Content-Security-Policy blocks WebAssembly, which <lectern-recommendations> needs to run its model on the reader's device: add 'wasm-unsafe-eval' to script-src (see the widget README). Showing popular workshops instead.",
    );
  }
}

/** True when this page cannot compile WebAssembly (a CSP without 'wasm-unsafe-eval', or no WebAssembly). */
export async function wasmBlocked(): Promise<boolean> {
  if (typeof WebAssembly === 'undefined') return true;
  try {
    await WebAssembly.compile(EMPTY_MODULE);
    return false;
  } catch {
    return true;
  }
}
