// Insertion with ejections (assembly/meta/ejectInsert.ts, Nagata & Bräysy 2009), run on its own
// in the harness core and compared with brute force: every route, every position, every set of
// at most three of the route's jobs to eject, each candidate route checked by a schedule walk
// written here. On routes of at most four jobs the core's search window covers all of them, so
// its choice must have the brute-force minimum of (weight sum, jobs ejected, detour), and the
// routes it leaves must pass the independent checker with no job lost.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RoutingProblem } from '../src/model/RoutingProblem.js';
import { lcg, randInt } from './instances.js';
import { planeProblem, runEjection } from './operatorHarness.js';

const HORIZON = 600;
const EJECT_MAX = 3;

interface Case {
  problem: RoutingProblem;
  routes: number[][];
  job: number;
  weights: number[];
  bound: number;
  neighbours: number;
}

/** Is `jobs` a feasible route of vehicle vi (capacity, windows, the vehicle's shift)? */
function routeFits(problem: RoutingProblem, vi: number, jobs: number[]): boolean {
  const v = problem.vehicles[vi];
  const d = problem.matrices[0].durations;
  const m = problem.size;
  let load = 0;
  for (const j of jobs) load += problem.jobs[j].pickup[0] ?? 0;
  if (load > v.capacity[0]) return false;
  let t = v.timeWindow[0];
  let at = v.start!;
  for (const j of jobs) {
    const job = problem.jobs[j];
    t += d[at * m + job.location];
    const [e, l] = job.timeWindows[0];
    if (t > l) return false;
    t = Math.max(t, e) + job.service;
    at = job.location;
  }
  return t + d[at * m + v.end!] <= v.timeWindow[1];
}

/** Cost of putting job j between the visits at locations a and b. */
function detour(problem: RoutingProblem, a: number, j: number, b: number): number {
  const d = problem.matrices[0].durations;
  const m = problem.size;
  const l = problem.jobs[j].location;
  return d[a * m + l] + d[l * m + b] - d[a * m + b];
}

/** Location before original position p of route `jobs` (the start at p = 0), and at p (the end at p = length). */
function around(problem: RoutingProblem, vi: number, jobs: number[], p: number): [number, number] {
  const v = problem.vehicles[vi];
  const a = p === 0 ? v.start! : problem.jobs[jobs[p - 1]].location;
  const b = p === jobs.length ? v.end! : problem.jobs[jobs[p]].location;
  return [a, b];
}

type Key = [number, number, number];
const less = (x: Key, y: Key) => x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];

/** The best (weight sum, ejected, detour) over every candidate, or undefined when none fits under the bound. */
function bruteForce(c: Case): Key | undefined {
  let best: Key | undefined;
  c.routes.forEach((jobs, vi) => {
    if (jobs.length === 0) return;
    const m = jobs.length;
    for (let mask = 0; mask < 1 << m; mask++) {
      const out = jobs.filter((_, i) => mask & (1 << i));
      if (out.length > EJECT_MAX) continue;
      const sum = out.reduce((s, j) => s + c.weights[j], 0);
      if (sum >= c.bound) continue;
      for (let p = 0; p <= m; p++) {
        const route = [...jobs.slice(0, p), c.job, ...jobs.slice(p)].filter((j) => !out.includes(j));
        if (!routeFits(c.problem, vi, route)) continue;
        const [a, b] = around(c.problem, vi, jobs, p);
        const key: Key = [sum, out.length, detour(c.problem, a, c.job, b)];
        if (!best || less(key, best)) best = key;
      }
    }
  });
  return best;
}

/** A small VRPTW with routes of at most four jobs that fit, and one job left out. */
function makeCase(seed: number): Case | undefined {
  const rand = lcg(seed);
  const customers = randInt(rand, 5, 10);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < customers; i++) points.push([randInt(rand, 0, 100), randInt(rand, 0, 100)]);
  const width = randInt(rand, 40, 250);
  const jobs = points.slice(1).map(([x, y]) => {
    const far = Math.ceil(Math.hypot(x - 50, y - 50)) + 1;
    const service = randInt(rand, 5, 25);
    const latest = HORIZON - far - service;
    const a = randInt(rand, far, Math.max(far, latest - width));
    return { service, pickup: [randInt(rand, 1, 6)], time_windows: [[a, Math.min(latest, a + width)]] };
  });
  const vehicles = Array.from({ length: randInt(rand, 2, 3) }, () => ({ time_window: [0, HORIZON], capacity: [randInt(rand, 8, 14)] }));
  const problem = planeProblem(points, vehicles, jobs);
  // routes: jobs in window order, each to a random vehicle where it still fits (else left out)
  const job = randInt(rand, 0, customers - 1);
  const order = jobs.map((_, j) => j).filter((j) => j !== job).sort((x, y) => jobs[x].time_windows[0][0] - jobs[y].time_windows[0][0]);
  const routes: number[][] = vehicles.map(() => []);
  for (const j of order) {
    const first = randInt(rand, 0, vehicles.length - 1);
    for (let k = 0; k < vehicles.length; k++) {
      const vi = (first + k) % vehicles.length;
      if (routes[vi].length < 4 && routeFits(problem, vi, [...routes[vi], j])) {
        routes[vi].push(j);
        break;
      }
    }
  }
  if (routes.every((r) => r.length === 0)) return undefined;
  const weights = jobs.map(() => randInt(rand, 0, 4));
  const bound = [1000, weights[job] + 1, 1][randInt(rand, 0, 2)];
  return { problem, routes, job, weights, bound, neighbours: randInt(rand, 0, 1) * 20 };
}

describe('ejectInsert', () => {
  it('takes the brute-force best choice and leaves feasible routes with every job accounted for', async () => {
    const seen = { none: 0, plain: 0, one: 0, more: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), async (seed) => {
        const c = makeCase(seed);
        if (!c) return;
        const best = bruteForce(c);
        const run = await runEjection(c.problem, c.routes, c.job, c.weights, c.bound, c.neighbours);
        expect(run.violations).toEqual([]);
        if (!best) {
          seen.none++;
          expect(run.inserted).toBe(false);
          expect(run.routes).toEqual(c.routes);
          return;
        }
        expect(run.inserted).toBe(true);
        const vi = run.routes.findIndex((r) => r.includes(c.job));
        expect(vi).toBeGreaterThanOrEqual(0);
        // every other route as it was; v's route = its old jobs without the ejected ones, plus v
        run.routes.forEach((r, i) => {
          if (i !== vi) expect(r).toEqual(c.routes[i]);
        });
        const old = c.routes[vi];
        expect(run.ejected.every((j) => old.includes(j))).toBe(true);
        expect(run.routes[vi].filter((j) => j !== c.job)).toEqual(old.filter((j) => !run.ejected.includes(j)));
        // the core's key: its weight sum and count, and the least detour of an original
        // position that gives the same route (an ejected neighbour leaves two)
        const sum = run.ejected.reduce((s, j) => s + c.weights[j], 0);
        const at = run.routes[vi].indexOf(c.job);
        const before = at === 0 ? -1 : old.indexOf(run.routes[vi][at - 1]);
        const after = at === run.routes[vi].length - 1 ? old.length : old.indexOf(run.routes[vi][at + 1]);
        let d = Infinity;
        for (let p = before + 1; p <= after; p++) {
          const [a, b] = around(c.problem, vi, old, p);
          d = Math.min(d, detour(c.problem, a, c.job, b));
        }
        expect([sum, run.ejected.length, d]).toEqual(best);
        if (run.ejected.length === 0) seen.plain++;
        else if (run.ejected.length === 1) seen.one++;
        else seen.more++;
      }),
      { numRuns: 120, seed: 14 },
    );
    // the cases reach every kind of answer
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.plain).toBeGreaterThan(0);
    expect(seen.one).toBeGreaterThan(0);
    expect(seen.more).toBeGreaterThan(0);
  }, 120_000);
});
