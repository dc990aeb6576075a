import { afterEach, describe, expect, it, vi } from 'vitest';
import { WasmBlockedError, wasmBlocked } from './wasm-blocked.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('wasmBlocked', () => {
  it('is false where WebAssembly compiles', async () => {
    expect(await wasmBlocked()).toBe(false);
  });

  it("is true when the page refuses to compile it (a CSP without 'wasm-unsafe-eval') or has none", async () => {
    // What Chromium throws under such a policy.
    const refused = new WebAssembly.CompileError(
      "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script",
    );
    vi.stubGlobal('WebAssembly', { compile: () => Promise.reject(refused) });
    expect(await wasmBlocked()).toBe(true);
    vi.stubGlobal('WebAssembly', undefined);
    expect(await wasmBlocked()).toBe(true);
  });

  it('names the CSP and what to add', () => {
    expect(new WasmBlockedError().message).toMatch(
      /Content-Security-Policy.*add 'wasm-unsafe-eval' to script-src/,
    );
  });
});
