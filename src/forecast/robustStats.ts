// Small robust statistics used by the cleaning and the models. Each takes plain arrays and
// never changes them.

import { detExp, detLog } from '../common/detMath.js';

/**
 * The median of `xs` (`NaN` for an empty list).
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]); // 2.5
 * ```
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * A robust standard deviation: 1.4826 × the median absolute deviation from the median
 * (consistent with σ for normal data; Hampel 1974). `NaN` for an empty list.
 *
 * @example
 * ```ts
 * robustSigma([10, 11, 9, 10, 95]); // 1.48: the outlier does not count
 * ```
 */
export function robustSigma(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

/**
 * The Theil–Sen slope of `y` on `x`: the median of the pairwise slopes (Theil 1950, Sen 1968),
 * which ignores up to 29 % of wild points. Pairs with `x` closer than `minDx` are skipped; with
 * more than `maxPoints` points an evenly spaced subset is used (the cost is quadratic). `NaN`
 * when no pair qualifies.
 *
 * @example
 * ```ts
 * theilSenSlope([0, 1, 2, 3, 4], [0, 2, 4, 60, 8]); // 2
 * ```
 */
export function theilSenSlope(x: readonly number[], y: readonly number[], minDx = 1e-9, maxPoints = 120): number {
  let idx = x.map((_, i) => i);
  if (idx.length > maxPoints) idx = Array.from({ length: maxPoints }, (_, k) => Math.round((k * (x.length - 1)) / (maxPoints - 1)));
  const slopes: number[] = [];
  for (let a = 0; a < idx.length; a++) {
    for (let b = a + 1; b < idx.length; b++) {
      const dx = x[idx[b]] - x[idx[a]];
      if (Math.abs(dx) >= minDx) slopes.push((y[idx[b]] - y[idx[a]]) / dx);
    }
  }
  return median(slopes);
}

/**
 * Siegel's repeated-median slope: for each point the median of its slopes to the others, then
 * the median of those (Siegel 1982). It ignores up to half of the points, where Theil–Sen
 * ignores 29 %, which matters on the few points of a short window. `NaN` with fewer than two
 * distinct `x`.
 *
 * @example
 * ```ts
 * repeatedMedianSlope([1, 2, 3, 4], [51, 52, 53, 99]); // 1
 * ```
 */
export function repeatedMedianSlope(x: readonly number[], y: readonly number[]): number {
  const perPoint: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const s: number[] = [];
    for (let j = 0; j < x.length; j++) if (j !== i && x[j] !== x[i]) s.push((y[j] - y[i]) / (x[j] - x[i]));
    if (s.length) perPoint.push(median(s));
  }
  return median(perPoint);
}

/**
 * Spikes and outliers in a series: the indices of points that lie more than `k` noise
 * standard deviations from what the `half` points before them predict *and*, on the same
 * side, from what the `half` points after them predict (each half-window's median, carried
 * to the point's time `ts[i]` — default the index — along that side's trend, the repeated-median
 * slope of the `2·half` points on that side, floored at 0 as a bin only fills) — the Hampel identifier (Hampel 1974;
 * Pearson 2002) with its window split in two, so that a step (a bin being emptied) is never
 * taken for an outlier — or, on the same side, from both their neighbours (for a spike within
 * `half` points of a step, where one half-window straddles the step). The noise is estimated from the
 * whole series (robust spread of successive differences / √2, at least `minSigma`). At the
 * series' start a point is judged by the points after it alone; at its end by the points
 * before it, and only upward (a drop there is taken for an emptying until more readings come).
 * Where the two sides disagree by more than the limit (a step next to the point: it may be the
 * last reading before an emptying or the first after), only the neighbour test applies. The worst spike of each neighbourhood goes first and
 * the rest are judged again without it, so that a spike does not make its neighbours look like spikes.
 *
 * @example
 * ```ts
 * spikeIndices([10, 11, 12, 100, 14, 15, 16], 3, 4, 1); // [3]
 * spikeIndices([80, 81, 82, 100, 2, 3, 4], 3, 4, 1);    // [3]: a spike next to a step
 * ```
 */
export function spikeIndices(ys: readonly number[], half: number, k: number, minSigma: number, ts?: readonly number[]): number[] {
  const times = ts ?? ys.map((_, i) => i);
  const diffs = ys.slice(1).map((y, i) => y - ys[i]);
  const limit = k * Math.max(minSigma, diffs.length >= 3 ? robustSigma(diffs) / Math.SQRT2 : 0);
  // remove the worst spike of each neighbourhood, then look again near what was removed: a
  // spike must not make its neighbours look like spikes
  let idx = ys.map((_, i) => i);
  let v = [...ys];
  let t = [...times];
  let severity = v.map((_, j) => spikeSeverity(v, t, j, half, limit));
  const removed: number[] = [];
  for (;;) {
    const worst = severity
      .map((_, j) => j)
      .filter((j) => {
        if (!(severity[j] > 0)) return false;
        for (let o = Math.max(0, j - half); o <= Math.min(v.length - 1, j + half); o++) if (o !== j && (severity[o] > severity[j] || (severity[o] === severity[j] && o < j))) return false;
        return true;
      });
    if (worst.length === 0) break;
    const drop = new Set(worst);
    for (const j of worst) removed.push(idx[j]);
    const keep = (_: unknown, j: number) => !drop.has(j);
    // positions (after removal) whose windows touched a removed point
    const stale = new Set<number>();
    worst.forEach((j, k) => {
      const at = j - k; // where j's right neighbour lands
      for (let o = at - 2 * half - 1; o <= at + 2 * half; o++) stale.add(o);
    });
    idx = idx.filter(keep);
    v = v.filter(keep);
    t = t.filter(keep);
    severity = severity.filter(keep);
    for (const o of stale) if (o >= 0 && o < v.length) severity[o] = spikeSeverity(v, t, o, half, limit);
  }
  return removed.sort((a, b) => a - b);
}

/** The value a half-window `[from, to)` predicts at time `at`: its points carried along the local trend `slope`, median. */
function windowValue(v: number[], t: number[], from: number, to: number, at: number, slope: number): number {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(v[i] + slope * (at - t[i]));
  return median(out);
}

/** How far point j stands out as a spike (0 when it does not): see {@link spikeIndices}. */
function spikeSeverity(v: number[], t: number[], j: number, half: number, limit: number): number {
  const lf = Math.max(0, j - half);
  const rt = Math.min(v.length, j + 1 + half);
  // each side's trend: the repeated-median slope of its 2·half points, never negative (a bin
  // only fills between emptyings; a step or a spike there is a minority of the points)
  const trend = (from: number, to: number) => {
    const a = Math.max(0, from);
    const b = Math.min(v.length, to);
    const slope = b - a >= 2 ? repeatedMedianSlope(t.slice(a, b), v.slice(a, b)) : 0;
    return Number.isFinite(slope) ? Math.max(0, slope) : 0;
  };
  const dl = lf < j ? v[j] - windowValue(v, t, lf, j, t[j], trend(j - 2 * half, j)) : Number.NaN;
  const dr = j + 1 < rt ? v[j] - windowValue(v, t, j + 1, rt, t[j], trend(j + 1, j + 1 + 2 * half)) : Number.NaN;
  const both = (a: number, b: number) => (Math.abs(a) > limit && Math.abs(b) > limit && Math.sign(a) === Math.sign(b) ? Math.min(Math.abs(a), Math.abs(b)) : 0);
  if (lf < j && j + 1 < rt) {
    // where the level steps (the half-windows disagree: an emptying next to j), j may be the last
    // point of a cycle or the first of the next, so only its two neighbours can call it a spike
    // (a low first reading of a new cycle may lie well below the next: there it takes twice the limit)
    const dp = v[j] - v[j - 1];
    const dn = v[j] - v[j + 1];
    const neighbours = dp < 0 && v[j - 1] - v[j + 1] > limit && Math.abs(dn) <= 2 * limit ? 0 : both(dp, dn);
    return Math.abs(dr - dl) > limit ? neighbours : Math.max(both(dl, dr), neighbours);
  }
  if (j + 1 < rt) return Math.abs(dr) > limit ? Math.abs(dr) : 0;
  return dl > limit ? dl : 0;
}

/**
 * The standard normal distribution function Φ(z) (Abramowitz & Stegun 26.2.17 via erfc,
 * absolute error below 1e-7).
 *
 * @example
 * ```ts
 * normalCdf(1.2816); // ≈ 0.9
 * ```
 */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  // erfc(x) by Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7)
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    detExp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's rational approximation,
 * relative error below 1.2e-9); ±Infinity at 0 and 1.
 *
 * @example
 * ```ts
 * normalQuantile(0.9); // 1.2816
 * ```
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * detLog(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * detLog(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * A precision-weighted (empirical Bayes) compromise between an estimate and a prior: the
 * posterior mean and variance of a normal mean with a normal prior (the James–Stein / Efron &
 * Morris shrinkage when the prior comes from similar units). A missing estimate (`NaN` or
 * infinite variance) returns the prior.
 *
 * @example
 * ```ts
 * shrink(10, 4, 6, 4); // { mean: 8, variance: 2 }: halfway, as the two are equally sure
 * ```
 */
export function shrink(estimate: number, variance: number, priorMean: number, priorVariance: number): { mean: number; variance: number } {
  if (!Number.isFinite(estimate) || !(variance < Number.POSITIVE_INFINITY)) return { mean: priorMean, variance: priorVariance };
  if (!(priorVariance < Number.POSITIVE_INFINITY)) return { mean: estimate, variance };
  if (variance <= 0) return { mean: estimate, variance: 0 };
  if (priorVariance <= 0) return { mean: priorMean, variance: 0 };
  const w = priorVariance / (variance + priorVariance);
  return { mean: w * estimate + (1 - w) * priorMean, variance: (variance * priorVariance) / (variance + priorVariance) };
}
