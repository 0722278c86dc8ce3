/**
 * Ranking metrics used by the evaluation commands. Each takes a ranked list of ids and the set of
 * relevant ids for one query; averages are taken by the caller.
 */

/** 1 / rank of the first relevant id (0 when none is ranked). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  for (let i = 0; i < ranked.length; i++) if (relevant.has(ranked[i] as string)) return 1 / (i + 1);
  return 0;
}

/** Share of the relevant ids found in the top k. */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const id of new Set(ranked.slice(0, k))) if (relevant.has(id)) hits++;
  return hits / relevant.size;
}

/** 1 when the first ranked id is relevant. */
export function accuracyAt1(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  return ranked.length > 0 && relevant.has(ranked[0] as string) ? 1 : 0;
}

/**
 * R-precision at k as in Decorte et al. (skill extraction benchmarks): relevant ids in the top k
 * divided by min(k, number of relevant ids), so a sentence with one gold skill can reach 1.
 */
export function rPrecisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const id of new Set(ranked.slice(0, k))) if (relevant.has(id)) hits++;
  return hits / Math.min(k, relevant.size);
}

/** Arithmetic mean (0 for an empty list). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds a metric for printing. */
export function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
