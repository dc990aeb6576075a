import type { Migration } from 'kysely';
import * as initial from './001-initial.ts';

/** Versioned migrations, applied in key order at start. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '001-initial': initial,
};
