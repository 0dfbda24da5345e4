// Issue #12's findings from a new user and from VROOM's own examples: one test (or more) each.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../src/solve.js';
import { solveRouting } from '../src/solveRouting.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { InputError } from '../src/errors.js';
import type { Progress } from '../src/types.js';
import type { RoutingProblem } from '../src/model/RoutingProblem.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { lcg } from './instances.js';

describe('1. null (unreachable) matrix entries', () => {
  const json = {
    vehicles: [{ id: 1, start_index: 0 }],
    jobs: [{ id: 1, location_index: 1 }],
    matrices: { car: { durations: [[0, null], [5, 0]] } },
  };

  it("the issue's example: the job comes back unassigned with reason 'unreachable'", async () => {
    const problem = fromVroom(json);
    const sol = await solveRouting(problem, { maxIterations: 100 });
    expect(sol.routes).toEqual([]);
    expect(sol.unassigned).toEqual([0]);
    expect(sol.reasons[0].reason).toBe('unreachable');
    expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
    const out = toVroom(problem, sol);
    expect(out.unassigned[0]).toMatchObject({ id: 1, reason: 'unreachable' });
    expect(out.summary.cost).toBe(0);
  });

  it('a job reachable only one way round is served that way', async () => {
    // 0 → 1 has no road, but 0 → 2 → 1 → 0 does
    const problem = fromVroom({
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [
        { id: 1, location_index: 1 },
        { id: 2, location_index: 2 },
      ],
      matrices: { car: { durations: [[0, null, 10], [10, 0, null], [10, 10, 0]] } },
    });
    const sol = await solveRouting(problem, { maxIterations: 200 });
    expect(sol.unassigned).toEqual([]);
    expect(sol.routes[0].steps.filter((s) => s.type === 'job').map((s) => s.index)).toEqual([1, 0]);
    expect(sol.cost).toBe(30);
  });
});

/** Every plan of a one-vehicle problem: subsets in every order; the best by VROOM's ranking. */
function bruteForce(problem: RoutingProblem): { prioritySum: number; served: number; cost: number } {
  const n = problem.jobs.length;
  const v = problem.vehicles[0];
  const m = problem.matrices[0].durations;
  const size = problem.size;
  let best = { prioritySum: -1, served: -1, cost: Infinity };
  const better = (a: typeof best, b: typeof best) =>
    a.prioritySum !== b.prioritySum ? a.prioritySum > b.prioritySum : a.served !== b.served ? a.served > b.served : a.cost < b.cost;
  const visit = (order: number[], used: boolean[]) => {
    const load = order.reduce((a, j) => a + problem.jobs[j].pickup[0], 0);
    if (load <= v.capacity[0]) {
      let cost = 0;
      let at = v.start!;
      for (const j of order) {
        cost += m[at * size + problem.jobs[j].location];
        at = problem.jobs[j].location;
      }
      if (order.length > 0) cost += m[at * size + v.end!];
      const cand = { prioritySum: order.reduce((a, j) => a + problem.jobs[j].priority, 0), served: order.length, cost };
      if (better(cand, best)) best = cand;
    } else return;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = true;
      visit([...order, j], used);
      used[j] = false;
    }
  };
  visit([], new Array(n).fill(false));
  return best;
}

describe('2. priority: the largest priority sum of served jobs first (VROOM)', () => {
  it("the issue's example: capacity for one of two jobs, the priority-100 job is served", async () => {
    const problem = fromVroom({
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [1] }],
      jobs: [
        { id: 1, location_index: 1, pickup: [1] },
        { id: 2, location_index: 2, pickup: [1], priority: 100 },
      ],
      matrices: { car: { durations: [[0, 10, 500], [10, 0, 500], [500, 500, 0]] } },
    });
    const sol = await solveRouting(problem, { maxIterations: 300 });
    expect(sol.routes[0].steps.filter((s) => s.type === 'job').map((s) => problem.jobs[s.index].id)).toEqual([2]);
    expect(sol.unassigned.map((j) => problem.jobs[j].id)).toEqual([1]);
  });

  it('matches brute force on tiny one-vehicle problems (priority sum, then served count, then cost)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 2, max: 6 }), async (seed, n) => {
        const r = lcg(seed);
        const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
        const pts = Array.from({ length: n + 1 }, () => [int(0, 100), int(0, 100)]);
        const durations = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
        const problem = fromVroom({
          vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [int(2, 8)] }],
          jobs: Array.from({ length: n }, (_, i) => ({ id: i + 1, location_index: i + 1, pickup: [int(1, 5)], priority: r() < 0.5 ? int(1, 100) : 0 })),
          matrices: { car: { durations } },
        });
        const sol = await solveRouting(problem, { seed: 1, maxIterations: 400 });
        expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
        const served = sol.routes.flatMap((x) => x.steps.filter((s) => s.type === 'job').map((s) => s.index));
        const got = { prioritySum: served.reduce((a, j) => a + problem.jobs[j].priority, 0), served: served.length, cost: sol.cost };
        expect(got).toEqual(bruteForce(problem));
      }),
      { seed: 12, numRuns: 60 },
    );
  }, 60_000);
});

describe('3. raw VROOM JSON passed to solve()', () => {
  const json = {
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [4] }],
    jobs: [
      { id: 1, location_index: 1, pickup: [2] },
      { id: 2, location_index: 2, pickup: [2] },
    ],
    matrices: { car: { durations: [[0, 5, 9], [5, 0, 4], [9, 4, 0]] } },
  };

  it('is read with fromVroom and solved', async () => {
    const a = await solve(json, { maxIterations: 100 });
    const b = await solve(fromVroom(json), { maxIterations: 100 });
    expect(a.routes).toEqual(b.routes);
    expect(a.cost).toBe(18);
  });

  it('malformed VROOM JSON gives an InputError naming the field, never a TypeError', async () => {
    await expect(solve({ ...json, jobs: [{ id: 1 }] } as never)).rejects.toThrow(InputError);
    await expect(solve({ ...json, jobs: [{ id: 1 }] } as never)).rejects.toThrow(/jobs\[0\]/);
  });

  it('solveRouting() given raw VROOM JSON says to call fromVroom', async () => {
    await expect(solveRouting(json as never)).rejects.toThrow(/fromVroom/);
    await expect(solveRouting(json as never)).rejects.toThrow(InputError);
  });
});

describe('4. progress in user units', () => {
  it('bestCost is the plan cost (prizes of skipped optional jobs included), unassigned is counted apart', async () => {
    const problem = fromVroom({
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [1] }],
      jobs: [
        { id: 1, location_index: 1, pickup: [1] },
        { id: 2, location_index: 2, pickup: [1] },
        { id: 3, location_index: 1, pickup: [0], prize: 7, skills: [5] },
      ],
      matrices: { car: { durations: [[0, 100, 69], [100, 0, 100], [69, 100, 0]] } },
    });
    const reports: Progress[] = [];
    const sol = await solveRouting(problem, { maxIterations: 300, onProgress: (p) => reports.push(p) });
    expect(sol.unassigned).toHaveLength(2);
    const last = reports.at(-1)!;
    expect(last.bestCost).toBe(sol.cost);
    expect(last.bestCost).toBe(138 + 7);
    expect(last.unassigned).toBe(2);
    for (const p of reports) expect(p.bestCost).toBeLessThan(2 ** 31);
  });
});

describe('5. early stop', () => {
  const twoJobs = {
    vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
    jobs: [
      { id: 1, location_index: 1 },
      { id: 2, location_index: 2 },
    ],
    matrices: { car: { durations: [[0, 5, 9], [5, 0, 4], [9, 4, 0]] } },
  };

  it("a 2-job problem stops as 'converged' long before its budget", async () => {
    const sol = await solve(twoJobs, { timeLimitMs: 60_000 });
    expect(sol.stopReason).toBe('converged');
    expect(sol.iterations).toBeGreaterThanOrEqual(20_000);
    expect(sol.iterations).toBeLessThan(200_000);
  });

  it('the stall limit is counted in iterations, so a seed and budget still give identical output', async () => {
    const a = await solve(twoJobs, { seed: 4, maxIterations: 1_000_000 });
    const b = await solve(twoJobs, { seed: 4, maxIterations: 1_000_000 });
    expect(a.stopReason).toBe('converged');
    expect(b.iterations).toBe(a.iterations);
    expect(b.routes).toEqual(a.routes);
  });

  it('stallIterations: 0 runs the whole iteration budget', async () => {
    const sol = await solve(twoJobs, { maxIterations: 30_000, stallIterations: 0 });
    expect(sol.stopReason).toBe('iterations');
    expect(sol.iterations).toBe(30_000);
  });

  it('a bad stallIterations is an InputError naming the option', async () => {
    await expect(solve(twoJobs, { stallIterations: -1 })).rejects.toThrow(/options\.stallIterations/);
  });
});
