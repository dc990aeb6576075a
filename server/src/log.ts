import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; `LECTERN_LOG_LEVEL=silent` in tests. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'lectern' }, timestamp: pino.stdTimeFunctions.isoTime });
}
