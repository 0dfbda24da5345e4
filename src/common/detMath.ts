// Deterministic elementary functions: the same bits in every JavaScript engine.
//
// ECMAScript fixes +, −, ×, ÷ and Math.sqrt to IEEE 754 double precision with correct rounding,
// but leaves Math.exp, Math.log, Math.sin, Math.cos and Math.asin "implementation-approximated".
// They do differ: Node 20 (V8 11.3) and Debian's Chromium 156 disagree in the last bit on about
// 10 % of Math.exp results and 2–6 % of Math.log, Math.sin, Math.cos and Math.asin results
// (probed on 20,000 random arguments each, 2026-12-05). binroute promises the same output for
// the same seed in Node and in a browser, so every value that reaches a plan (forecasts, risks,
// simulated readings, coordinates turned into metres) is computed here, from the four exact
// operations and Math.sqrt, in a fixed order. Accuracy is within a few units in the last place
// of the true value (test/common.detMath.test.ts); speed is a few times that of Math.*.
//
// Methods: the usual argument reductions (exp: x = k·ln 2 + r; log: x = 2^e·m with m near 1;
// sin and cos: x = k·π/2 + r with π/2 split in three parts, Cody & Waite 1980) and truncated
// Taylor series on the reduced argument (log through atanh of (m − 1)/(m + 1)).

const LN2_HI = 0.693147180369123816490; // ln 2 rounded to 33 bits: k · LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;
const PIO2_1 = 1.57079632673412561417; // π/2 in three parts of 33 bits (Cody–Waite)
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_3 = 2.02226624871116645580e-21;
const INV_PIO2 = 0.636619772367581382433;
const HALF_PI = 1.5707963267948966;

const bits = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [-1022, 1023], built from its bits (exact). */
function pow2(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/**
 * e^x, the same bits in every engine (see the file comment).
 *
 * @example
 * ```ts
 * detExp(1); // 2.7182818284590455 (Math.E is 2.718281828459045: one ulp apart)
 * detExp(-745.2); // 0
 * ```
 */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ 0.35
  // e^r by its Taylor series to r^14 / 14! (truncation below 2^-60 of the result)
  let p = 1 / 87178291200; // 1/14!
  for (let n = 13; n >= 1; n--) p = p * r + INV_FACTORIAL[n];
  const er = p * r + 1;
  if (k > 1023) return er * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return er * pow2(k + 1022) * pow2(-1022);
  return er * pow2(k);
}

/** 1/n! for n = 0..13. */
const INV_FACTORIAL: number[] = (() => {
  const f = [1];
  for (let n = 1; n <= 13; n++) f.push(f[n - 1] / n);
  return f;
})();

/**
 * The natural logarithm of x, the same bits in every engine (see the file comment).
 *
 * @example
 * ```ts
 * detLog(Math.E); // 1
 * detLog(0); // -Infinity
 * ```
 */
export function detLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: subnormals become normal
    e = -54;
  }
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  e += (hi >>> 20) - 1023;
  bits.setUint32(0, (hi & 0x000fffff) | 0x3ff00000); // m in [1, 2)
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log m = 2 atanh s, s = (m − 1)/(m + 1), |s| ≤ 0.172: the series to s^27
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = 1 / 27;
  for (let n = 25; n >= 1; n -= 2) p = p * s2 + 1 / n;
  const logM = 2 * s * p;
  return e * LN2_HI + (e * LN2_LO + logM);
}

/** sin r for |r| ≤ π/4: Taylor series to r^19 / 19!. */
function sinKernel(r: number): number {
  const r2 = r * r;
  let p = -1 / 121645100408832000; // −1/19!
  for (let n = 17; n >= 3; n -= 2) p = p * r2 + SIN_COEFF[n];
  return r + r * r2 * p;
}

/** cos r for |r| ≤ π/4: Taylor series to r^20 / 20!. */
function cosKernel(r: number): number {
  const r2 = r * r;
  let p = 1 / 2432902008176640000; // 1/20!
  for (let n = 18; n >= 2; n -= 2) p = p * r2 + COS_COEFF[n];
  return 1 + r2 * p;
}

/** (−1)^((n−1)/2) / n! for odd n (sin), (−1)^(n/2) / n! for even n (cos). */
const SIN_COEFF: number[] = [];
const COS_COEFF: number[] = [];
(() => {
  let f = 1;
  for (let n = 1; n <= 19; n++) {
    f *= n;
    if (n % 2 === 1) SIN_COEFF[n] = ((n - 1) / 2) % 2 === 0 ? 1 / f : -1 / f;
    else COS_COEFF[n] = (n / 2) % 2 === 0 ? 1 / f : -1 / f;
  }
})();

/** x reduced by quarter turns: [r, k mod 4] with x = k·π/2 + r, |r| ≤ π/4 (approximately). */
function quarterTurns(x: number): [number, number] {
  const k = Math.round(x * INV_PIO2);
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_3;
  return [r, ((k % 4) + 4) % 4];
}

/**
 * sin x, the same bits in every engine (see the file comment). Exact to a few units in the
 * last place for |x| below about 10^6 (coordinates and angles in radians).
 *
 * @example
 * ```ts
 * detSin(Math.PI / 6); // 0.49999999999999994
 * ```
 */
export function detSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = quarterTurns(x);
  if (q === 0) return sinKernel(r);
  if (q === 1) return cosKernel(r);
  if (q === 2) return -sinKernel(r);
  return -cosKernel(r);
}

/**
 * cos x, the same bits in every engine (see the file comment). Exact to a few units in the
 * last place for |x| below about 10^6.
 *
 * @example
 * ```ts
 * detCos(0); // 1
 * ```
 */
export function detCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = quarterTurns(x);
  if (q === 0) return cosKernel(r);
  if (q === 1) return -sinKernel(r);
  if (q === 2) return -cosKernel(r);
  return sinKernel(r);
}

/**
 * arcsin x for x in [−1, 1] (NaN outside), the same bits in every engine (see the file
 * comment).
 *
 * @example
 * ```ts
 * detAsin(1); // 1.5707963267948966
 * ```
 */
export function detAsin(x: number): number {
  if (Number.isNaN(x) || x > 1 || x < -1) return NaN;
  const a = Math.abs(x);
  // above 1/2: asin a = π/2 − 2 asin √((1 − a)/2), whose argument is at most 1/2
  const y = a <= 0.5 ? asinSeries(a) : HALF_PI - 2 * asinSeries(Math.sqrt((1 - a) / 2));
  return x < 0 ? -y : y;
}

/**
 * arcsin a for 0 ≤ a ≤ 1/2 by its Taylor series Σ c_n a^(2n+1), c_n = (2n)! / (4^n (n!)² (2n+1)),
 * to n = 26 (truncation below 2^-57 of the result at a = 1/2).
 */
function asinSeries(a: number): number {
  const a2 = a * a;
  let p = ASIN_COEFF[ASIN_TERMS - 1];
  for (let n = ASIN_TERMS - 2; n >= 1; n--) p = p * a2 + ASIN_COEFF[n];
  return a + a * a2 * p;
}

const ASIN_TERMS = 27;
/** c_n of {@link asinSeries}: c_0 = 1, and c_n from the ratio of consecutive (2n)!/(4^n (n!)²). */
const ASIN_COEFF: number[] = (() => {
  const c: number[] = [];
  let t = 1; // (2n)! / (4^n (n!)²)
  for (let n = 0; n < ASIN_TERMS; n++) {
    if (n > 0) t *= (2 * n - 1) / (2 * n);
    c.push(t / (2 * n + 1));
  }
  return c;
})();
