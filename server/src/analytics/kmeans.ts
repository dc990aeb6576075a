/** mulberry32: a tiny seeded PRNG, so that segments come out the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dist2 = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);

function nearest(p: readonly number[], centres: readonly number[][]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++) if (dist2(p, centres[c]) < dist2(p, centres[best])) best = c;
  return best;
}

/** K-means with k-means++ seeding; returns each point's cluster. */
export function kmeans(
  points: readonly number[][],
  k: number,
  { seed = 17, iterations = 25 } = {},
): number[] {
  const random = seededRandom(seed);
  const centres = [points[Math.floor(random() * points.length)]];
  while (centres.length < k) {
    const d = points.map((p) => Math.min(...centres.map((c) => dist2(p, c))));
    const total = d.reduce((s, v) => s + v, 0);
    // Each next centre is drawn with probability proportional to its squared distance.
    let i = Math.floor(random() * points.length);
    if (total > 0) {
      let r = random() * total;
      i = points.length - 1;
      for (let p = 0; p < d.length; p++) {
        r -= d[p];
        if (r <= 0) {
          i = p;
          break;
        }
      }
    }
    centres.push(points[i]);
  }
  let assign = points.map((p) => nearest(p, centres));
  for (let it = 0; it < iterations; it++) {
    for (let c = 0; c < k; c++) {
      const members = points.filter((_, i) => assign[i] === c);
      if (members.length)
        centres[c] = members[0].map((_, j) => members.reduce((s, m) => s + m[j], 0) / members.length);
    }
    const next = points.map((p) => nearest(p, centres));
    if (next.every((c, i) => c === assign[i])) break;
    assign = next;
  }
  return assign;
}
