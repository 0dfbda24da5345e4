// Tests of the independent solution checker (test/checker.ts) on hand-made solutions.
import { describe, expect, it } from 'vitest';
import type { CvrpProblem, Solution } from '../src/types.js';
import {
  assertValidCvrpSolution,
  checkCvrpSolution,
  expectValidSolution,
  referenceDistances,
  referenceRouteCost,
} from './checker.js';
import { parseEuc2dVrp, parseSolRoutes, readSharedA, sharedAFile } from './instances.js';

function sol(routes: number[][], routeCosts: number[], cost = routeCosts.reduce((a, b) => a + b, 0)): Solution {
  return { routes, routeCosts, cost, elapsedMs: 1, iterations: 10, stopReason: 'iterations', seed: 1 };
}

// Depot at the origin, customers on the axes: 1 (3,4) 2 (6,8) 3 (-3,-4) 4 (0,10).
// nint distances: 0-1 5, 0-2 10, 0-3 5, 0-4 10, 1-2 5, 1-3 10, 1-4 nint(6.708)=7,
// 2-4 nint(6.325)=6, 3-2 15, 3-4 nint(14.318)=14.
const euclid: CvrpProblem = {
  name: 'euclid',
  capacity: 10,
  demands: [0, 4, 5, 6, 3],
  coordinates: [0, 0, 3, 4, 6, 8, -3, -4, 0, 10],
};

// Asymmetric: going "clockwise" 0→1→2→0 costs 1+1+1, the other way 10+10+10.
const asym: CvrpProblem = {
  name: 'asym',
  capacity: 5,
  demands: [0, 2, 3],
  distances: [
    0, 1, 10, //
    10, 0, 1, //
    1, 10, 0,
  ],
};

describe('referenceDistances', () => {
  it('rounds Euclidean distances with nint', () => {
    const d = referenceDistances(euclid);
    const n = 5;
    expect(d[0 * n + 1]).toBe(5);
    expect(d[1 * n + 4]).toBe(7);
    expect(d[2 * n + 4]).toBe(6);
    expect(d[3 * n + 4]).toBe(14);
    expect(d[4 * n + 3]).toBe(14);
    expect(d[2 * n + 2]).toBe(0);
  });

  it('rounds halves up (nint(0.5) = 1) and small distances down', () => {
    const d = referenceDistances({ capacity: 1, demands: [0, 0, 0], coordinates: [0, 0, 0.5, 0, 1, 1] });
    expect(d[1]).toBe(1); // 0.5
    expect(d[2]).toBe(1); // 1.414
    expect(d[1 * 3 + 2]).toBe(1); // hypot(0.5, 1) = 1.118
  });

  it('uses the given matrix when there is one, even with coordinates', () => {
    const d = referenceDistances({ ...asym, coordinates: [0, 0, 100, 0, 0, 100] });
    expect(d).toEqual([0, 1, 10, 10, 0, 1, 1, 10, 0]);
  });

  it('refuses malformed problems', () => {
    expect(() => referenceDistances({ capacity: 1, demands: [0, 1] })).toThrow(/neither/);
    expect(() => referenceDistances({ capacity: 1, demands: [0, 1], distances: [0, 1, 1] })).toThrow(/expected 4/);
    expect(() => referenceDistances({ capacity: 1, demands: [0, 1], coordinates: [0, 0, 1] })).toThrow(/expected 4/);
  });
});

describe('referenceRouteCost', () => {
  it('follows the direction of travel', () => {
    const d = referenceDistances(asym);
    expect(referenceRouteCost(d, 3, [1, 2])).toBe(3);
    expect(referenceRouteCost(d, 3, [2, 1])).toBe(30);
    expect(referenceRouteCost(d, 3, [1])).toBe(11);
    expect(referenceRouteCost(d, 3, [])).toBe(0);
  });
});

describe('checkCvrpSolution accepts valid solutions', () => {
  it('Euclidean: two routes', () => {
    // [1, 2]: 5 + 5 + 10 = 20, load 9; [4, 3]: 10 + 14 + 5 = 29, load 9
    const s = sol([[1, 2], [4, 3]], [20, 29]);
    expect(checkCvrpSolution(euclid, s)).toEqual([]);
    expectValidSolution(euclid, s);
    expect(() => assertValidCvrpSolution(euclid, s)).not.toThrow();
  });

  it('Euclidean: one route per customer', () => {
    expectValidSolution(euclid, sol([[1], [2], [3], [4]], [10, 20, 10, 20]));
  });

  it('asymmetric: the cheap direction', () => {
    expectValidSolution(asym, sol([[1, 2]], [3]));
  });

  it('asymmetric: the expensive direction with its true cost', () => {
    expectValidSolution(asym, sol([[2, 1]], [30]));
  });

  it('a load exactly equal to the capacity', () => {
    expectValidSolution(asym, sol([[1, 2]], [3])); // 2 + 3 = 5 = capacity
  });

  it('zero-demand customers still count as visited', () => {
    const p: CvrpProblem = { capacity: 1, demands: [0, 0, 0], distances: [0, 2, 3, 2, 0, 1, 3, 1, 0] };
    expectValidSolution(p, sol([[1, 2]], [6]));
  });

  it('a problem with no customers and no routes', () => {
    expectValidSolution({ capacity: 3, demands: [0], coordinates: [1, 1] }, sol([], []));
  });

  it('every stop reason', () => {
    for (const stopReason of ['iterations', 'time_limit', 'aborted'] as const) {
      expectValidSolution(asym, { ...sol([[1, 2]], [3]), stopReason });
    }
  });

  describe.skipIf(!sharedAFile('A-n32-k5.sol'))('the published optimum of A-n32-k5 (../shared)', () => {
    it('has cost 784', () => {
      const p = parseEuc2dVrp(readSharedA('A-n32-k5.vrp'));
      const { routes, cost } = parseSolRoutes(readSharedA('A-n32-k5.sol'));
      const d = referenceDistances(p);
      const n = p.demands.length;
      const routeCosts = routes.map((r) => referenceRouteCost(d, n, r));
      expect(cost).toBe(784);
      expectValidSolution(p, sol(routes, routeCosts, cost));
    });
  });
});

describe('checkCvrpSolution rejects invalid solutions', () => {
  const reject = (p: CvrpProblem, s: Solution, pattern: RegExp) => {
    const v = checkCvrpSolution(p, s);
    expect(v.length).toBeGreaterThan(0);
    expect(v.join('\n')).toMatch(pattern);
    expect(() => assertValidCvrpSolution(p, s)).toThrow(pattern);
  };

  it('a missing customer', () => {
    reject(euclid, sol([[1, 2], [4]], [20, 20]), /customer 3 is not visited/);
  });

  it('a customer visited twice, in two routes', () => {
    reject(euclid, sol([[1, 2], [4, 3], [1]], [20, 29, 10]), /customer 1 is visited more than once/);
  });

  it('a customer visited twice in one route', () => {
    const d = referenceDistances(euclid);
    reject(euclid, sol([[1, 2, 1], [4, 3]], [referenceRouteCost(d, 5, [1, 2, 1]), 29]), /customer 1 is visited more than once/);
  });

  it('a route over capacity', () => {
    // [1, 2, 4]: load 12 > 10; cost 5 + 5 + 6 + 10 = 26
    reject(euclid, sol([[1, 2, 4], [3]], [26, 10]), /routes\[0\] carries 12 > capacity 10/);
  });

  it('a wrong total cost', () => {
    reject(euclid, sol([[1, 2], [4, 3]], [20, 29], 48), /cost = 48 but the routes cost 49/);
  });

  it('a wrong route cost with a consistent total', () => {
    reject(euclid, sol([[1, 2], [4, 3]], [21, 28]), /routeCosts\[0\] = 21 but the route costs 20/);
  });

  it('a reversed asymmetric route with the stale (forward) cost', () => {
    reject(asym, sol([[2, 1]], [3]), /routeCosts\[0\] = 3 but the route costs 30/);
    reject(asym, sol([[2, 1]], [3]), /cost = 3 but the routes cost 30/);
  });

  it('the depot inside a route', () => {
    reject(euclid, sol([[1, 0, 2], [4, 3]], [20, 29]), /routes\[0\]\[1\] is the depot/);
  });

  it('an index out of range, negative or not an integer', () => {
    reject(euclid, sol([[1, 2], [4, 3, 5]], [20, 29]), /routes\[1\]\[2\] = 5 is not a node index/);
    reject(euclid, sol([[1, 2], [4, 3, -1]], [20, 29]), /= -1 is not a node index/);
    reject(euclid, sol([[1, 2], [4, 3.5, 3]], [20, 29]), /= 3.5 is not a node index/);
  });

  it('an empty route', () => {
    reject(euclid, sol([[1, 2], [], [4, 3]], [20, 0, 29]), /routes\[1\] is empty/);
  });

  it('routeCosts of the wrong length', () => {
    reject(euclid, sol([[1, 2], [4, 3]], [20], 49), /routeCosts has 1 entries for 2 routes/);
  });

  it('non-integer costs', () => {
    reject(euclid, sol([[1, 2], [4, 3]], [20, 29], 49.5), /cost = 49.5 is not an integer/);
    reject(euclid, sol([[1, 2], [4, 3]], [20.25, 29], 49), /routeCosts\[0\] = 20.25 is not an integer/);
  });

  it('routes that are not arrays', () => {
    reject(euclid, { ...sol([], []), routes: undefined as unknown as number[][] }, /routes is not an array/);
  });

  it('malformed metadata', () => {
    const good = sol([[1, 2]], [3]);
    reject(asym, { ...good, stopReason: 'done' as Solution['stopReason'] }, /stopReason/);
    reject(asym, { ...good, iterations: -1 }, /iterations/);
    reject(asym, { ...good, elapsedMs: NaN }, /elapsedMs/);
    reject(asym, { ...good, seed: 2 ** 32 }, /seed/);
  });

  it('a solution to a problem with no customers that has a route', () => {
    reject({ capacity: 3, demands: [0], coordinates: [1, 1] }, sol([[1]], [0]), /not a node index/);
  });

  it('expectValidSolution fails the test', () => {
    expect(() => expectValidSolution(euclid, sol([[1, 2]], [20]))).toThrow(/invalid CVRP solution \(euclid\)/);
  });
});
