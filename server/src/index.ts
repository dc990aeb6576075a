// @lectern/server: the server run in-process, as `npm start` runs it. The browser end-to-end
// suite and the benchmarks start it this way; the wire API is `@lectern/server/contract`.
export type { Config } from './config.ts';
export { loadConfig } from './config.ts';
export type { RunningServer } from './server.ts';
export { startServer } from './server.ts';
