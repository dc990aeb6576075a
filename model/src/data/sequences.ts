import { readFileSync } from 'node:fs';

/** One learner's enrolments, oldest first, as item keys (strings, so any catalogue fits). */
export type Sequence = { user: string; items: string[] };

/** Parses `user item item …` lines (the shared data's format); blank lines are skipped. */
export function parseSequences(text: string): Sequence[] {
  const out: Sequence[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 0 || parts[0] === '') continue;
    out.push({ user: parts[0], items: parts.slice(1) });
  }
  return out;
}

export function loadSequences(file: string): Sequence[] {
  return parseSequences(readFileSync(file, 'utf8'));
}
