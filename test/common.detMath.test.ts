// The deterministic elementary functions (src/common/detMath.ts): accurate to a few units in
// the last place against the engine's Math.*, exact at the special values, and consistent
// with each other. That they give the same bits in Chromium as in Node is checked in
// test/browser.chromium.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detAsin, detCos, detExp, detLog, detSin } from '../src/common/detMath.js';
import { haversineDistance, haversineWithCosines, latitudeCosine } from '../src/vroom/haversineDistance.js';
import { haversineMatrices } from '../src/vroom/haversineMatrices.js';

/** Distance between a and b in units in the last place of b (b finite, not 0). */
function ulps(a: number, b: number): number {
  const exponent = Math.floor(Math.log2(Math.abs(b)));
  return Math.abs(a - b) / 2 ** (Math.max(exponent, -1022) - 52);
}

const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('detMath', () => {
  it('detExp is within 2 ulps of Math.exp over its whole range, and exact at 0', () => {
    fc.assert(fc.property(double(-708, 709), (x) => ulps(detExp(x), Math.exp(x)) <= 2), { numRuns: 20_000 });
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
  });

  it('detExp overflows, underflows and passes NaN as Math.exp does', () => {
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(Infinity)).toBe(Infinity);
    expect(detExp(-746)).toBe(0);
    expect(detExp(-Infinity)).toBe(0);
    expect(detExp(NaN)).toBeNaN();
    // subnormal results: the last steps of the range
    for (const x of [-709, -720, -740, -745]) expect(Math.abs(detExp(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-12 + 5e-324);
  });

  it('detLog is within 4 ulps of Math.log from subnormals to the largest double, and exact at 1', () => {
    fc.assert(fc.property(double(5e-324, 1.7976931348623157e308), (x) => ulps(detLog(x), Math.log(x)) <= 4 || Math.log(x) === 0), { numRuns: 20_000 });
    fc.assert(fc.property(double(0.5, 2), (x) => x === 1 || ulps(detLog(x), Math.log(x)) <= 4), { numRuns: 20_000 });
    expect(detLog(1)).toBe(0);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(NaN)).toBeNaN();
  });

  it('detLog inverts detExp to within a few ulps', () => {
    fc.assert(fc.property(double(-700, 700), (x) => Math.abs(detLog(detExp(x)) - x) <= Math.max(Math.abs(x), 1) * 4e-16), { numRuns: 5_000 });
  });

  it('detSin and detCos are within 2 ulps of Math.sin and Math.cos for angles of coordinates and beyond', () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-300 || ulps(a, b) <= 2 || Math.abs(a - b) <= 2.3e-16;
    fc.assert(fc.property(double(-1000, 1000), (x) => close(detSin(x), Math.sin(x)) && close(detCos(x), Math.cos(x))), { numRuns: 20_000 });
    expect(detSin(0)).toBe(0);
    expect(detCos(0)).toBe(1);
    expect(detSin(Infinity)).toBeNaN();
    expect(detCos(NaN)).toBeNaN();
  });

  it('sin² + cos² = 1 and the quarter-turn symmetries hold', () => {
    fc.assert(
      fc.property(double(-100, 100), (x) => {
        const s = detSin(x);
        const c = detCos(x);
        return Math.abs(s * s + c * c - 1) < 4e-16 && Math.abs(detSin(-x) + s) === 0 && Math.abs(detCos(-x) - c) === 0;
      }),
      { numRuns: 5_000 },
    );
  });

  it('detAsin is within 2 ulps of Math.asin on [-1, 1], odd, and NaN outside', () => {
    fc.assert(fc.property(double(-1, 1), (x) => x === 0 || ulps(detAsin(x), Math.asin(x)) <= 2), { numRuns: 20_000 });
    fc.assert(fc.property(double(0, 1), (x) => detAsin(-x) === -detAsin(x)), { numRuns: 2_000 });
    expect(detAsin(1)).toBe(Math.PI / 2);
    expect(detAsin(0)).toBe(0);
    expect(detAsin(1.0000001)).toBeNaN();
    expect(detAsin(NaN)).toBeNaN();
  });

  it('haversine matrices take each latitude cosine once and still give haversineDistance bit for bit', () => {
    const point = fc.tuple(double(126.7, 127.3), double(37.3, 37.8));
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 12 }), (pts) => {
        const [{ distances }] = haversineMatrices(pts, ['car'], { detourFactor: 1.3 });
        return pts.every((a, i) =>
          pts.every((b, j) => {
            const d = haversineDistance(a, b);
            return haversineWithCosines(a, b, latitudeCosine(a), latitudeCosine(b)) === d && (i === j || distances[i * pts.length + j] === Math.round(d * 1.3));
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
