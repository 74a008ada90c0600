/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * reflection 1, expansion 2, contraction 0.5, shrink 0.5), in the form used by R's `optim`.
 * Unconstrained: callers map bounded parameters through a transform (see `logistic`).
 */
export interface NelderMeadOptions {
  /** Initial step along each coordinate for the starting simplex (default 0.1 * max(|x_i|, 1)). */
  step?: number | number[];
  /** Stop when the spread of simplex values falls below reltol * (|f| + reltol). Default 1e-8. */
  reltol?: number;
  /** Maximum number of function evaluations. Default 200 * dimension. */
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  const reltol = options.reltol ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200 * Math.max(n, 1);
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  if (n === 0) return { x: [], value: evaluate([]), evaluations, converged: true };

  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    const step = Array.isArray(options.step) ? options.step[i] : options.step;
    p[i] += step ?? 0.1 * Math.max(Math.abs(p[i]), 1);
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = points.map((_, i) => i);
  let converged = false;

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const secondWorst = order[n - 1];
    if (Math.abs(values[worst] - values[best]) <= reltol * (Math.abs(values[best]) + reltol)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]];
      for (let i = 0; i < n; i++) centroid[i] += p[i] / n;
    }
    const along = (t: number): number[] => centroid.map((c, i) => c + t * (points[worst][i] - c));
    const reflected = along(-1);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      const expanded = along(-2);
      const fe = evaluate(expanded);
      if (fe < fr) replace(worst, expanded, fe);
      else replace(worst, reflected, fr);
    } else if (fr < values[secondWorst]) {
      replace(worst, reflected, fr);
    } else {
      const outside = fr < values[worst];
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[worst])) {
        replace(worst, contracted, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          const j = order[k];
          points[j] = points[j].map((v, i) => points[best][i] + 0.5 * (v - points[best][i]));
          values[j] = evaluate(points[j]);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: points[bestIndex], value: values[bestIndex], evaluations, converged };

  function replace(index: number, point: number[], value: number): void {
    points[index] = point;
    values[index] = value;
  }
}

/** Maps an unconstrained real to (lower, upper). */
export function logistic(u: number, lower: number, upper: number): number {
  return lower + (upper - lower) / (1 + Math.exp(-u));
}

/** Inverse of `logistic`: the unconstrained value that maps to x in (lower, upper). */
export function logit(x: number, lower: number, upper: number): number {
  const p = Math.min(Math.max((x - lower) / (upper - lower), 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}
