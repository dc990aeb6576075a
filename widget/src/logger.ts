// The widget's console output, levelled as PeerJS's logger is. A host page's console is not ours:
// by default only developer misuse at set-up shows (a missing attribute, a bad script tag), which
// a developer must see to fix. Run-time failures are emitted as `lectern:error` and logged at
// `warn`, so they stay silent unless a developer turns the level up with `setLogLevel('warn')`.

/** From quietest to loudest; each level includes the ones before it. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'debug';

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, debug: 3 };
let level: LogLevel = 'error';

/** Sets how much the widget writes to the console (default `'error'`: set-up mistakes only). */
export function setLogLevel(next: LogLevel): void {
  if (!(next in RANK)) throw new Error(`setLogLevel: expected one of ${Object.keys(RANK).join(', ')}`);
  level = next;
}

export function logLevel(): LogLevel {
  return level;
}

function write(at: Exclude<LogLevel, 'silent'>, args: unknown[]): void {
  if (RANK[at] > RANK[level]) return;
  console[at](...args);
}

export const logger = {
  /** Developer misuse at set-up: name the attribute and what was expected. Shown by default. */
  error: (...args: unknown[]) => write('error', args),
  /** A run-time failure the page was already told about (`lectern:error`). */
  warn: (...args: unknown[]) => write('warn', args),
  debug: (...args: unknown[]) => write('debug', args),
};
