/**
 * Akaike weights (Burnham & Anderson 2002): w_i = exp(-Δ_i / 2) / sum_j exp(-Δ_j / 2), where Δ_i is
 * model i's information criterion above the smallest. Averaging the candidates' point forecasts
 * with these weights instead of keeping only the best one (Kolassa 2011, for exponential
 * smoothing) hedges against a selection decided by a small difference in AICc. A candidate whose
 * criterion is not finite gets weight 0; undefined when no candidate has a finite one.
 */
export function akaikeWeights(criteria: readonly number[]): number[] | undefined {
  const best = Math.min(...criteria.filter(Number.isFinite));
  if (!Number.isFinite(best)) return undefined;
  const raw = criteria.map((c) => (Number.isFinite(c) ? Math.exp(-0.5 * (c - best)) : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/** Step-by-step weighted average of equally long paths; the weights must sum to 1. */
export function weightedPaths(paths: readonly (readonly number[])[], weights: readonly number[]): number[] {
  if (paths.length === 0 || paths.length !== weights.length)
    throw new RangeError('weightedPaths needs one weight per path and at least one path');
  return paths[0].map((_, i) => paths.reduce((sum, path, j) => sum + weights[j] * path[i], 0));
}

/** Moves every interval bound by the same amount as the point forecast moved (widths kept). */
export function recentre(
  bounds: Record<number, number[]>,
  from: readonly number[],
  to: readonly number[],
): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const key of Object.keys(bounds)) {
    const level = Number(key);
    out[level] = bounds[level].map((v, i) => v + to[i] - from[i]);
  }
  return out;
}
