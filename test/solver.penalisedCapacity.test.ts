// Penalised capacity (assembly/model/loadPenalty.ts, issue #14 goal 2): on CVRP-like problems
// the annealing's local search may overload routes, yet every returned solution must be
// feasible. Checked against the exact optimum on tiny tight instances, with the independent
// checker on a larger one, and through the harness core's counters, which show that the
// search really visited overloaded solutions (so the tests exercise the penalised path).
import { describe, expect, it } from 'vitest';
import { solve } from '../src/index.js';
import type { CvrpProblem } from '../src/types.js';
import { expectValidSolution } from './checker.js';
import { exactOptimum } from './exactCvrp.js';
import { lcg, randInt, randomEuclideanProblem } from './instances.js';
import { annealWithPenalty, planeProblem } from './operatorHarness.js';

/**
 * A tight instance: the capacity is the smallest that lets `routes` routes carry the total
 * demand with a little slack, so most good plans need every vehicle nearly full.
 */
function tightProblem(seed: number, customers: number, routes: number, name: string): CvrpProblem {
  const rand = lcg(seed);
  const p = randomEuclideanProblem(rand, { customers, capacity: 1, maxDemand: 20 });
  const demands = Array.from(p.demands);
  const total = demands.reduce((a, b) => a + b, 0);
  const biggest = Math.max(...demands);
  const capacity = Math.max(biggest, Math.ceil((total * (1 + randInt(rand, 1, 6) / 100)) / routes));
  return { ...p, capacity, name };
}

describe('penalised capacity returns only feasible solutions', () => {
  const tiny = Array.from({ length: 24 }, (_, t) => tightProblem(500 + t, 6 + (t % 4), 2 + (t % 3), `tight-${t}`));

  it('tiny tight instances: the exact optimum, and the search did cross overloaded solutions', async () => {
    let overloaded = 0;
    let optimal = 0;
    for (const problem of tiny) {
      const optimum = exactOptimum(problem);
      const sol = await solve(problem, { seed: 3, maxIterations: 400 });
      expectValidSolution(problem, sol);
      expect(sol.cost, `${problem.name}: optimum ${optimum}`).toBeGreaterThanOrEqual(optimum);
      if (sol.cost === optimum) optimal++;
      const run = await annealWithPenalty(problem, 3, 400);
      expect(run.capable).toBe(true);
      // the harness core makes the same run as solve()
      expect(run.bestCost).toBe(sol.cost);
      overloaded += run.overloaded;
    }
    expect(optimal).toBe(tiny.length);
    expect(overloaded).toBeGreaterThan(0);
  });

  it('a 120-customer tight instance: feasible by the independent checker after many overloaded steps', async () => {
    const problem = tightProblem(77, 120, 12, 'tight-120');
    const run = await annealWithPenalty(problem, 5, 1500);
    expect(run.capable).toBe(true);
    expect(run.results).toBe(1500);
    // the weight adapts towards a fifth of feasible results: both kinds occur
    expect(run.overloaded).toBeGreaterThan(150);
    expect(run.overloaded).toBeLessThan(1500);
    const sol = await solve(problem, { seed: 5, maxIterations: 1500 });
    expectValidSolution(problem, sol);
    expect(sol.cost).toBe(run.bestCost);
  });

  it('only CVRP-like problems take the penalised path: time windows keep capacity hard', async () => {
    const points: [number, number][] = [[0, 0], [10, 0], [0, 10], [10, 10], [5, 5], [8, 2]];
    const vehicles = points.slice(1).map(() => ({ capacity: [3] }));
    const jobs = points.slice(1).map(() => ({ pickup: [1] }));
    const plain = await annealWithPenalty(planeProblem(points, vehicles, jobs), 1, 200);
    expect(plain.capable).toBe(true);
    expect(plain.results).toBe(200);
    const windows = jobs.map(() => ({ pickup: [1], time_windows: [[0, 1000]] }));
    const timed = await annealWithPenalty(planeProblem(points, vehicles, windows), 1, 200);
    expect(timed.capable).toBe(false);
    expect(timed.results).toBe(0);
  });

  it('a fleet too small for a route per job keeps capacity hard (leaving a job out must not be what relieves a route)', async () => {
    const points: [number, number][] = [[0, 0], [10, 0], [0, 10], [10, 10], [5, 5], [8, 2]];
    const jobs = points.slice(1).map(() => ({ pickup: [1] }));
    const few = await annealWithPenalty(planeProblem(points, [{ capacity: [3] }, { capacity: [3] }], jobs), 1, 100);
    expect(few.capable).toBe(false);
    expect(few.results).toBe(0);
  });
});
