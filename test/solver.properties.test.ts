// Property tests of solve() on random CVRPs: every solution passes the independent checker,
// and a seed with maxIterations gives the same output on every call.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../src/index.js';
import type { CvrpProblem, Solution } from '../src/types.js';
import { checkCvrpSolution, referenceDistances } from './checker.js';

type DemandMode = 'random' | 'small' | 'zero' | 'full' | 'zeroOrFull';

/** Demands for `customers` customers under a capacity, by mode (edge cases included). */
function demandsArb(customers: number, capacity: number, mode: DemandMode): fc.Arbitrary<number[]> {
  const one =
    mode === 'zero'
      ? fc.constant(0)
      : mode === 'full'
        ? fc.constant(capacity)
        : mode === 'zeroOrFull'
          ? fc.constantFrom(0, capacity)
          : mode === 'small'
            ? fc.integer({ min: 0, max: Math.max(1, Math.floor(capacity / 6)) })
            : fc.integer({ min: 0, max: capacity });
  return fc.array(one, { minLength: customers, maxLength: customers }).map((d) => [0, ...d]);
}

// fast-check biases integers towards small values; noBias and weights keep the mix of
// tiny, trivial and 30–60 customer instances balanced.
const capacityArb = fc.oneof(
  { arbitrary: fc.constant(1), weight: 1 },
  { arbitrary: fc.noBias(fc.integer({ min: 2, max: 10 })), weight: 2 },
  { arbitrary: fc.noBias(fc.integer({ min: 11, max: 1000 })), weight: 4 },
);
const demandModeArb = fc.constantFrom<DemandMode>('random', 'random', 'small', 'small', 'zero', 'full', 'zeroOrFull');
const customersArb = fc.oneof(
  { arbitrary: fc.constant(1), weight: 1 },
  { arbitrary: fc.noBias(fc.integer({ min: 2, max: 8 })), weight: 2 },
  { arbitrary: fc.noBias(fc.integer({ min: 9, max: 60 })), weight: 4 },
);

/** Coordinates: integer grids (small grids give many ties and duplicates) or reals. */
function coordinatesArb(n: number): fc.Arbitrary<number[]> {
  const coord = fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ min: -500, max: 500, noNaN: true, noDefaultInfinity: true }),
  );
  return fc.array(coord, { minLength: 2 * n, maxLength: 2 * n });
}

/** A full n×n matrix, possibly asymmetric and without the triangle inequality. */
function matrixArb(n: number): fc.Arbitrary<number[]> {
  const arc = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1000 }));
  return fc.array(arc, { minLength: n * n, maxLength: n * n });
}

const problemArb: fc.Arbitrary<CvrpProblem> = fc
  .record({ customers: customersArb, capacity: capacityArb, mode: demandModeArb, geometry: fc.constantFrom('coordinates', 'matrix') })
  .chain(({ customers, capacity, mode, geometry }): fc.Arbitrary<CvrpProblem> => {
    const n = customers + 1;
    const demands = demandsArb(customers, capacity, mode);
    return geometry === 'coordinates'
      ? fc.record({ capacity: fc.constant(capacity), demands, coordinates: coordinatesArb(n) })
      : fc.record({ capacity: fc.constant(capacity), demands, distances: matrixArb(n) });
  });

const seedArb = fc.oneof(fc.constant(0), fc.constant(0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));
const itersArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1), weight: 1 },
  { arbitrary: fc.noBias(fc.integer({ min: 2, max: 800 })), weight: 6 },
);

/** A readable one-line description of a failing input, for the fast-check report. */
function describeCase(p: CvrpProblem, o: { seed: number; maxIterations: number }): string {
  return JSON.stringify({ problem: p, options: o });
}

/** Cost of serving each customer on its own route: a bound any decent solver meets. */
function singletonCost(p: CvrpProblem): number {
  const d = referenceDistances(p);
  const n = p.demands.length;
  let c = 0;
  for (let i = 1; i < n; i++) c += d[i] + d[i * n];
  return c;
}

function shape(s: Solution): { routes: number[][]; routeCosts: number[]; cost: number; iterations: number; stopReason: string; seed: number } {
  return { routes: s.routes, routeCosts: s.routeCosts, cost: s.cost, iterations: s.iterations, stopReason: s.stopReason, seed: s.seed };
}

describe('solve() on random CVRPs (fast-check)', () => {
  it('returns checker-valid solutions, deterministically for a seed and maxIterations', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, seedArb, itersArb, async (problem, seed, maxIterations) => {
        const options = { seed, maxIterations };
        const a = await solve(problem, options);
        const violations = checkCvrpSolution(problem, a);
        if (violations.length > 0) throw new Error(`${violations.join('; ')}\n${describeCase(problem, options)}`);
        // 'converged': at most one customer, or no new best over the stall limit
        expect(['iterations', 'converged']).toContain(a.stopReason);
        expect(a.seed).toBe(seed);
        expect(a.iterations).toBeLessThanOrEqual(maxIterations);
        expect(a.cost).toBeLessThanOrEqual(singletonCost(problem));
        const b = await solve(problem, options);
        expect(shape(b), `non-deterministic: ${describeCase(problem, options)}`).toEqual(shape(a));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('without local search (plain ruin and recreate) too', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, seedArb, itersArb, async (problem, seed, maxIterations) => {
        const options = { seed, maxIterations, localSearch: false };
        const a = await solve(problem, options);
        const violations = checkCvrpSolution(problem, a);
        if (violations.length > 0) throw new Error(`${violations.join('; ')}\n${describeCase(problem, options)}`);
        const b = await solve(problem, options);
        expect(shape(b), `non-deterministic: ${describeCase(problem, options)}`).toEqual(shape(a));
      }),
      { seed: 4242, numRuns: 25 },
    );
  });

  it('accepts typed arrays for demands, distances and coordinates', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, seedArb, async (problem, seed) => {
        const typed: CvrpProblem = {
          capacity: problem.capacity,
          demands: Int32Array.from(problem.demands),
          ...(problem.distances ? { distances: Int32Array.from(problem.distances) } : {}),
          ...(problem.coordinates ? { coordinates: Float64Array.from(problem.coordinates) } : {}),
        };
        const options = { seed, maxIterations: 50 };
        const a = await solve(typed, options);
        const violations = checkCvrpSolution(problem, a);
        if (violations.length > 0) throw new Error(`${violations.join('; ')}\n${describeCase(problem, options)}`);
        expect(shape(await solve(problem, options))).toEqual(shape(a));
      }),
      { seed: 7, numRuns: 15 },
    );
  });
});
