import type { Sequence } from './sequences.ts';

/** Item keys ↔ dense indices 0..N-1, in first-seen order unless a list is given. */
export class Vocabulary {
  readonly keys: string[];
  private readonly index = new Map<string, number>();

  constructor(keys: Iterable<string>) {
    this.keys = [];
    for (const key of keys) {
      if (this.index.has(key)) continue;
      this.index.set(key, this.keys.length);
      this.keys.push(key);
    }
  }

  static fromSequences(sequences: readonly Sequence[]): Vocabulary {
    // Numeric ids sort numerically so that the shared data keeps its own item numbering.
    const all = new Set<string>();
    for (const s of sequences) for (const item of s.items) all.add(item);
    const keys = [...all];
    const numeric = keys.every((k) => /^\d+$/.test(k));
    keys.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
    return new Vocabulary(keys);
  }

  get size(): number {
    return this.keys.length;
  }

  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  encode(items: readonly string[]): number[] {
    const out: number[] = [];
    for (const item of items) {
      const i = this.index.get(item);
      if (i !== undefined) out.push(i);
    }
    return out;
  }
}
