import { invertSpd } from './spd-inverse.ts';

export type EaseOptions = {
  /** L2 penalty λ on the item-item weights. */
  lambda?: number;
  /** Item → side-information entity keys: each entity is one extra pseudo-learner. */
  side?: Map<number, string[]>;
  /** How much one entity's pseudo-learner counts, in learners. */
  sideWeight?: number;
};

export const EASE_DEFAULTS = { lambda: 200, sideWeight: 1 } as const;

/**
 * EASE (Steck, WWW 2019): the item-item weights B minimising ‖X − XB‖² + λ‖B‖² with a zero
 * diagonal, in closed form: P = (XᵀX + λI)⁻¹, B = I − P·diag(1/diag(P)), i.e. B_ij = −P_ij/P_jj.
 * X is learners × courses (1 = enrolled, order ignored). Courses sharing a concept, field, teacher
 * or school are linked through pseudo-learners, so a site's workshops have neighbours before
 * anyone has enrolled. Dense n×n, row = history course; n³/2 multiply-adds (see invertSpd).
 */
export function easeSimilarity(
  train: readonly number[][],
  itemCount: number,
  options: EaseOptions = {},
): Float32Array {
  const o = { ...EASE_DEFAULTS, ...options };
  const n = itemCount;
  const g = new Float64Array(n * n);
  const addLearner = (items: readonly number[], w: number) => {
    for (const i of items) {
      const row = i * n;
      for (const j of items) g[row + j] += w;
    }
  };
  for (const seq of train) addLearner([...new Set(seq)], 1);
  if (o.side && o.sideWeight > 0) {
    const byEntity = new Map<string, number[]>();
    for (const [item, entities] of o.side)
      for (const e of new Set(entities)) {
        const list = byEntity.get(e) ?? [];
        list.push(item);
        byEntity.set(e, list);
      }
    // An entity shared by hundreds of courses says little (as in the sequence model).
    for (const items of byEntity.values()) if (items.length <= 200) addLearner(items, o.sideWeight);
  }
  for (let i = 0; i < n; i++) g[i * n + i] += o.lambda;
  const p = invertSpd(g, n);
  const b = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) b[i * n + j] = -p[i * n + j] / p[j * n + j];
  return b;
}
