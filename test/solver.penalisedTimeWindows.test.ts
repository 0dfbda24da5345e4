// Penalised time windows (assembly/model/timePenalty.ts, issue #14 goal 0): on VRPTW-like
// problems the annealing's recreate and local search may arrive late, paying time warp, yet
// every returned plan must be feasible. Checked against the exact optimum on tiny instances,
// by a fast-check property with the independent checker (bench/checkCollectionSolution.ts,
// written apart from the solver), and operator by operator: the delta each operator evaluated
// with the time-warp price equals the change recomputed here from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../src/index.js';
import type { RoutingProblem } from '../src/model/RoutingProblem.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { lcg, randInt } from './instances.js';
import { OP, annealWithTimePenalty, planeProblem, routesCost, runOperatorTimed } from './operatorHarness.js';

const HORIZON = 1000;

/**
 * A small VRPTW on the plane: depot at the centre, jobs with one window each, wide enough that
 * an empty vehicle serves any job alone (the eligibility rule), tight enough to bind.
 */
function vrptw(seed: number, customers: number, vehicles: number, opts: { capacity?: number; fixed?: number; width?: number } = {}): RoutingProblem {
  const rand = lcg(seed);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < customers; i++) points.push([randInt(rand, 0, 100), randInt(rand, 0, 100)]);
  const width = opts.width ?? 120;
  const jobs = points.slice(1).map(([x, y]) => {
    const far = Math.ceil(Math.hypot(x - 50, y - 50)) + 1;
    const service = randInt(rand, 5, 20);
    const latest = HORIZON - far - service;
    const a = randInt(rand, far, Math.max(far, latest - width));
    const job: Record<string, unknown> = { service, time_windows: [[a, Math.min(latest, a + width)]] };
    if (opts.capacity !== undefined) job.pickup = [randInt(rand, 1, Math.max(1, Math.floor(opts.capacity / 2)))];
    return job;
  });
  const vehicle: Record<string, unknown> = { time_window: [0, HORIZON] };
  if (opts.capacity !== undefined) vehicle.capacity = [opts.capacity];
  if (opts.fixed !== undefined) vehicle.costs = { fixed: opts.fixed };
  return planeProblem(points, Array.from({ length: vehicles }, () => ({ ...vehicle })), jobs);
}

/**
 * Time warp of one route, recomputed from scratch (Nagata et al. 2010): leave at the shift
 * start, wait for a window to open, and when arriving after its end "travel back" to the end,
 * counting the difference; the same at the route's end.
 */
function routeWarp(problem: RoutingProblem, vi: number, jobs: number[]): number {
  if (jobs.length === 0) return 0;
  const d = problem.matrices[0].durations;
  const m = problem.size;
  const v = problem.vehicles[vi];
  let t = v.timeWindow[0];
  let at = v.start!;
  let warp = 0;
  for (const j of jobs) {
    const job = problem.jobs[j];
    t += d[at * m + job.location];
    const [e, l] = job.timeWindows[0] ?? [0, Infinity];
    if (t < e) t = e;
    if (t > l) {
      warp += t - l;
      t = l;
    }
    t += job.service;
    at = job.location;
  }
  t += d[at * m + v.end!];
  if (t > v.timeWindow[1]) warp += t - v.timeWindow[1];
  return warp;
}

/** Cost plus the time-warp price of every route at `weight16` (⌈w · warp / 16⌉ per route), from scratch. */
function pricedCost(problem: RoutingProblem, routes: number[][], weight16: number): number {
  let c = routesCost(problem, routes);
  routes.forEach((jobs, vi) => {
    const w = routeWarp(problem, vi, jobs);
    if (w > 0) c += Math.ceil((weight16 * w) / 16);
    if (jobs.length > 0) c += problem.vehicles[vi].costs.fixed;
  });
  return c;
}

const totalWarp = (problem: RoutingProblem, routes: number[][]) => routes.reduce((s, jobs, vi) => s + routeWarp(problem, vi, jobs), 0);

/** Exact optimum of a tiny VRPTW with hard windows: every order of the jobs, every split into at most R routes. */
function exactVrptw(problem: RoutingProblem): number {
  const n = problem.jobs.length;
  const R = problem.vehicles.length;
  const cap = problem.vehicles[0].capacity[0] ?? Infinity;
  let best = Infinity;
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      for (let cuts = 0; cuts < 1 << Math.max(n - 1, 0); cuts++) {
        const routes: number[][] = [[]];
        prefix.forEach((j, i) => {
          routes[routes.length - 1].push(j);
          if (i < n - 1 && cuts & (1 << i)) routes.push([]);
        });
        if (routes.length > R) continue;
        if (routes.some((r) => r.reduce((s, j) => s + (problem.jobs[j].pickup[0] ?? 0), 0) > cap)) continue;
        if (routes.some((r, vi) => routeWarp(problem, vi, r) > 0)) continue;
        const padded = [...routes, ...Array.from({ length: R - routes.length }, () => [])];
        best = Math.min(best, pricedCost(problem, padded, 0));
      }
      return;
    }
    rest.forEach((c, i) => permute([...prefix, c], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], Array.from({ length: n }, (_, i) => i));
  return best;
}

describe('penalised time windows: the time-warp price of each operator', () => {
  const ops = [
    ['relocate', OP.RELOCATE_UV],
    ['relocate (v, u)', OP.RELOCATE_VU],
    ['swap', OP.SWAP],
    ['2-opt', OP.TWO_OPT],
    ['2-opt*', OP.TWO_OPT_STAR],
    ['SWAP*', OP.SWAP_STAR],
  ] as const;

  for (const [name, op] of ops) {
    it(`${name}: the delta with time warp priced equals the change recomputed from scratch, and the cached warp is exact`, async () => {
      let applied = 0;
      let warped = 0;
      for (let t = 0; t < 60; t++) {
        const rand = lcg(9000 + 97 * op + t);
        const customers = randInt(rand, 5, 9);
        const R = randInt(rand, 2, 3);
        const problem = vrptw(100 + t, customers, R, { width: randInt(rand, 20, 200) });
        // random routes: many arrive late
        const routes: number[][] = Array.from({ length: R }, () => []);
        for (let j = 0; j < customers; j++) routes[randInt(rand, 0, R - 1)].push(j);
        // the core's smallest weight is 2/16 (timePenalty.ts#TW_MIN)
        const weight16 = randInt(rand, 2, 64);
        const ju = randInt(rand, 0, customers - 1);
        let jv = randInt(rand, 0, customers - 2);
        if (jv >= ju) jv++;
        const run = await runOperatorTimed(problem, routes, op, ju, jv, weight16);
        expect(run.warpBefore).toBe(totalWarp(problem, routes));
        if (totalWarp(problem, routes) > 0) warped++;
        if (!run.applied) {
          expect(run.routes).toEqual(routes);
          continue;
        }
        applied++;
        const change = pricedCost(problem, run.routes, weight16) - pricedCost(problem, routes, weight16);
        expect(run.delta, `${name} #${t}`).toBe(change);
        expect(run.delta).toBeLessThan(0);
        expect(run.warpAfter).toBe(totalWarp(problem, run.routes));
        expect(run.cost).toBe(routesCost(problem, run.routes));
      }
      expect(applied).toBeGreaterThan(2);
      expect(warped).toBeGreaterThan(3);
    });
  }

  it('a late arrival is taken when it is the cheapest place, warp priced', async () => {
    // depot (0,0); a (100,0) must be served by 100 and c (100,10) by 105: together one of them is late
    const points: [number, number][] = [[0, 0], [100, 0], [0, 100], [100, 10]];
    const jobs = [{ time_windows: [[0, 100]] }, { time_windows: [[0, 1000]] }, { time_windows: [[0, 105]] }];
    const p = planeProblem(points, [{ time_window: [0, 1000] }, { time_window: [0, 1000] }], jobs);
    // c in b's route (0→b→c arrives at 235: late by 130); after a it is late by 5, before a, a is late by 10
    const before = [[0], [1, 2]];
    expect(totalWarp(p, before)).toBe(130);
    const run = await runOperatorTimed(p, before, OP.RELOCATE_UV, 2, 0, 16);
    expect(run.applied).toBe(true);
    expect(run.routes).toEqual([[0, 2], [1]]);
    // cost −125 (535 → 410), warp 130 → 5 at 1 per unit
    expect(run.delta).toBe(-125 - 125);
    expect(run.warpAfter).toBe(5);
    expect(totalWarp(p, run.routes)).toBe(5);
  });
});

describe('penalised time windows return only feasible plans', () => {
  it('tiny instances: the exact optimum (best of seeds 1–3), and the search did cross solutions with time warp', async () => {
    let warped = 0;
    let results = 0;
    for (let t = 0; t < 12; t++) {
      const problem = vrptw(700 + t, 5 + (t % 2), 2 + (t % 2), { width: 60 + 20 * (t % 4), capacity: t % 3 === 0 ? 12 : undefined });
      const optimum = exactVrptw(problem);
      let best = Infinity;
      for (const seed of [1, 2, 3]) {
        const sol = await solve(problem, { seed, maxIterations: 1000, timeWarp: true });
        expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
        expect(sol.unassigned).toEqual([]);
        expect(sol.cost).toBeGreaterThanOrEqual(optimum);
        best = Math.min(best, sol.cost);
        const run = await annealWithTimePenalty(problem, seed, 1000);
        expect(run.capable).toBe(true);
        expect(run.bestCost).toBe(sol.cost);
        warped += run.warped;
        results += run.results;
      }
      // one seed of twelve instances misses by one unit (instance 5, seed 2: 284 for 283)
      expect(best, `instance ${t}`).toBe(optimum);
    }
    expect(results).toBeGreaterThan(0);
    expect(warped).toBeGreaterThan(0);
  });

  it('with fixed vehicle costs: feasible, and the fewest vehicles the exact search finds', async () => {
    for (let t = 0; t < 4; t++) {
      const problem = vrptw(800 + t, 6, 3, { fixed: 10_000, width: 150 });
      const optimum = exactVrptw(problem);
      const sol = await solve(problem, { seed: 1, maxIterations: 400, timeWarp: true });
      expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
      expect(sol.cost).toBe(optimum);
      const run = await annealWithTimePenalty(problem, 1, 400);
      expect(run.capable).toBe(true);
    }
  });

  it('property: random VRPTW plans pass the independent checker and serve every job', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 6, max: 25 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 10, max: 300 }), fc.boolean(), async (seed, customers, vehicles, width, capacity) => {
        const problem = vrptw(seed, customers, vehicles, { width, capacity: capacity ? 15 : undefined });
        const sol = await solve(problem, { seed: seed % 7, maxIterations: 150, timeWarp: true });
        expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
        // a plan that leaves a job out must be one the fleet cannot do better than: never because of warp
        for (const r of sol.routes) {
          const jobs = r.steps.filter((s) => s.type === 'job').map((s) => s.index);
          expect(routeWarp(problem, r.vehicle, jobs)).toBe(0);
        }
      }),
      { numRuns: 25, seed: 14 },
    );
  });

  it('off by default: without timeWarp the windows stay hard and the plan is the one timeWarp: false gives', async () => {
    const problem = vrptw(31, 12, 3, { width: 80 });
    const off = await annealWithTimePenalty(problem, 4, 200, false);
    expect(off.capable).toBe(false);
    expect(off.results).toBe(0);
    const byDefault = await solve(problem, { seed: 4, maxIterations: 200 });
    const explicit = await solve(problem, { seed: 4, maxIterations: 200, timeWarp: false });
    expect(byDefault.routes).toEqual(explicit.routes);
    expect(byDefault.cost).toBe(off.bestCost);
    await expect(solve(problem, { timeWarp: 'yes' as unknown as boolean })).rejects.toThrow(/options.timeWarp/);
  });

  it('problems outside the rule keep time windows hard (two windows on a job, a break, a release date)', async () => {
    const base = vrptw(5, 6, 2);
    const twoWindows = { ...base, jobs: base.jobs.map((j, i) => (i === 0 ? { ...j, timeWindows: [[0, 100], [200, 900]] as [number, number][] } : j)) };
    const released = { ...base, jobs: base.jobs.map((j, i) => (i === 0 ? { ...j, release: 10 } : j)) };
    const withBreak = { ...base, vehicles: base.vehicles.map((v) => ({ ...v, breaks: [{ id: 1, timeWindows: [[300, 400]] as [number, number][], service: 30 }] })) };
    expect((await annealWithTimePenalty(base, 1, 50)).capable).toBe(true);
    for (const p of [twoWindows, released, withBreak]) {
      const run = await annealWithTimePenalty(p, 1, 50);
      expect(run.capable).toBe(false);
      expect(run.results).toBe(0);
    }
  });
});
