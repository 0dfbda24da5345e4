// solve() against an exact CVRP solver on tiny instances (≤ 8 customers): Held–Karp gives the
// cheapest route through every subset of customers, then a set-partition DP the optimum.
import { describe, expect, it } from 'vitest';
import { solve } from '../src/index.js';
import type { CvrpProblem } from '../src/types.js';
import { expectValidSolution, referenceDistances } from './checker.js';
import { exactOptimum } from './exactCvrp.js';
import { lcg, randInt, randomEuclideanProblem, randomMatrixProblem } from './instances.js';

/** Exact optimum by a different method, for the oracle's own test: every giant tour, every split. */
function exactBySplits(problem: CvrpProblem): number {
  const n = problem.demands.length;
  const d = referenceDistances(problem);
  const customers = Array.from({ length: n - 1 }, (_, i) => i + 1);
  let best = Infinity;
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      // a cut after position i (i < last) starts a new route
      for (let cuts = 0; cuts < 1 << Math.max(prefix.length - 1, 0); cuts++) {
        let cost = 0;
        let load = 0;
        let prev = 0;
        let ok = true;
        prefix.forEach((c, i) => {
          cost += d[prev * n + c];
          load += problem.demands[c];
          if (load > problem.capacity) ok = false;
          prev = c;
          if (i === prefix.length - 1 || cuts & (1 << i)) {
            cost += d[c * n];
            prev = 0;
            load = 0;
          }
        });
        if (ok) best = Math.min(best, cost);
      }
      return;
    }
    rest.forEach((c, i) => permute([...prefix, c], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], customers);
  return n === 1 ? 0 : best;
}

/**
 * An asymmetric instance that keeps the triangle inequality up to rounding: Euclidean
 * distance plus a climbing cost max(0, h[j] − h[i]) towards higher nodes.
 */
function hillProblem(rand: () => number, customers: number, capacity: number, maxDemand: number): CvrpProblem {
  const n = customers + 1;
  const xy = Array.from({ length: n }, () => [randInt(rand, 0, 100), randInt(rand, 0, 100), randInt(rand, 0, 60)]);
  const distances: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]));
      distances.push(e + Math.max(0, xy[j][2] - xy[i][2]));
    }
  }
  const demands = [0, ...Array.from({ length: customers }, () => randInt(rand, 1, maxDemand))];
  return { capacity, demands, distances };
}

/** 30 instances: 10 symmetric (coordinates), 10 asymmetric near-metric, 10 random matrices. */
function instances(): CvrpProblem[] {
  const rand = lcg(2024);
  const out: CvrpProblem[] = [];
  for (let t = 0; t < 10; t++) {
    const customers = 1 + (t % 8);
    const capacity = randInt(rand, 15, 40);
    out.push({ ...randomEuclideanProblem(rand, { customers, capacity, maxDemand: 15 }), name: `euclid-${t}` });
  }
  for (let t = 0; t < 10; t++) {
    const customers = 8 - (t % 4);
    out.push({ ...hillProblem(rand, customers, randInt(rand, 15, 40), 15), name: `hill-${t}` });
  }
  for (let t = 0; t < 10; t++) {
    const customers = 3 + (t % 6);
    const p = randomMatrixProblem(rand, { customers, capacity: randInt(rand, 10, 30), maxDemand: 10, maxArc: 100 });
    out.push({ ...p, name: `matrix-${t}` });
  }
  // edge cases on the exact solver's side: demand = capacity, all demands 0
  out[3] = { ...out[3], demands: Array.from(out[3].demands, (q, i) => (i === 0 ? 0 : out[3].capacity)), name: 'euclid-3-full' };
  out[14] = { ...out[14], demands: Array.from(out[14].demands, () => 0), name: 'hill-4-zero' };
  out[25] = { ...out[25], demands: Array.from(out[25].demands, (q, i) => (i % 2 ? out[25].capacity : q)), name: 'matrix-5-some-full' };
  return out;
}

describe('exact oracle', () => {
  it('Held–Karp + set partition agrees with enumerating giant tours and splits', () => {
    const rand = lcg(99);
    for (let t = 0; t < 40; t++) {
      const customers = 1 + (t % 5);
      const p =
        t % 2
          ? randomMatrixProblem(rand, { customers, capacity: randInt(rand, 3, 20), maxDemand: 8, maxArc: 50 })
          : randomEuclideanProblem(rand, { customers, capacity: randInt(rand, 3, 20), maxDemand: 8 });
      expect(exactOptimum(p)).toBe(exactBySplits(p));
    }
  });

  it('knows a hand-solved instance', () => {
    // customers 1, 2 on a line from the depot; capacity forces two routes: 2·1 + 2·2 = 6
    const p: CvrpProblem = { capacity: 3, demands: [0, 2, 2], distances: [0, 1, 2, 1, 0, 1, 2, 1, 0] };
    expect(exactOptimum(p)).toBe(6);
    expect(exactOptimum({ ...p, capacity: 4 })).toBe(4);
  });
});

describe('solve() finds the exact optimum on tiny instances', () => {
  const all = instances();
  it.each(all.map((p) => [p.name!, p] as const))('%s', async (_name, problem) => {
    const optimum = exactOptimum(problem);
    const sol = await solve(problem, { seed: 1, maxIterations: 1000 });
    expectValidSolution(problem, sol);
    expect(sol.cost, `optimum ${optimum}, got ${JSON.stringify(sol.routes)}`).toBe(optimum);
  });
});
