/**
 * An independent CVRP solution checker for the tests.
 *
 * It is written from the problem definition in `src/types.ts` only: it imports types and
 * nothing from the solver (`src/core`, `src/solve.ts`), and recomputes every distance and
 * cost itself. A solution is valid when
 *
 * - `routes` is an array of non-empty arrays of customer indices `1..n-1`,
 * - every customer appears exactly once over all routes (the depot `0` never appears),
 * - the demand on each route is at most the capacity,
 * - `routeCosts[i]` equals the cost of travelling depot → `routes[i]` in the given order →
 *   depot (`distances[i * n + j]` is i → j, so direction matters on asymmetric matrices),
 * - `cost` is the sum of those recomputed route costs, and all costs are integers,
 * - the run metadata is well formed (`iterations`, `stopReason`, `elapsedMs`, `seed`).
 */
import { expect } from 'vitest';
import type { CvrpProblem, Solution } from '../src/types.js';

/** The stop reasons a {@link Solution} may carry. */
const STOP_REASONS: readonly string[] = ['iterations', 'time_limit', 'aborted', 'converged'];

/**
 * The n×n travel cost matrix of a problem, row-major: the given `distances`, or TSPLIB
 * `nint` Euclidean distances (`Math.round(Math.hypot(dx, dy))`, as documented on
 * {@link CvrpProblem.coordinates}) computed from `coordinates`.
 *
 * Throws when the problem is too malformed to check against (wrong lengths, neither field).
 *
 * @example
 * ```ts
 * const d = referenceDistances({ capacity: 5, demands: [0, 1], coordinates: [0, 0, 3, 4] });
 * d; // [0, 5, 5, 0]
 * ```
 */
export function referenceDistances(problem: CvrpProblem): number[] {
  const n = problem.demands.length;
  if (problem.distances !== undefined && problem.distances !== null) {
    const d = problem.distances;
    if (d.length !== n * n) throw new Error(`checker: distances has ${d.length} entries, expected ${n * n}`);
    return Array.from({ length: n * n }, (_, k) => d[k]);
  }
  const c = problem.coordinates;
  if (c === undefined || c === null) throw new Error('checker: problem has neither distances nor coordinates');
  if (c.length !== 2 * n) throw new Error(`checker: coordinates has ${c.length} numbers, expected ${2 * n}`);
  const out = new Array<number>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dx = c[2 * i] - c[2 * j];
      const dy = c[2 * i + 1] - c[2 * j + 1];
      out[i * n + j] = Math.round(Math.hypot(dx, dy));
    }
  }
  return out;
}

/**
 * Cost of one route, depot → `route[0]` → … → `route[last]` → depot, on a row-major n×n
 * matrix. The empty route costs 0.
 *
 * @example
 * ```ts
 * // 0→1 costs 1, 1→0 costs 10: direction matters
 * referenceRouteCost([0, 1, 10, 0], 2, [1]); // 11
 * ```
 */
export function referenceRouteCost(dist: ArrayLike<number>, n: number, route: ArrayLike<number>): number {
  let prev = 0;
  let total = 0;
  for (let k = 0; k < route.length; k++) {
    total += dist[prev * n + route[k]];
    prev = route[k];
  }
  return route.length === 0 ? 0 : total + dist[prev * n];
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/**
 * Checks a CVRP solution against its problem from first principles and returns every
 * violation found, as human-readable messages (an empty list means valid).
 *
 * @example
 * ```ts
 * const problem = { capacity: 10, demands: [0, 4, 5], coordinates: [0, 0, 3, 4, 6, 8] };
 * const ok = { routes: [[1, 2]], routeCosts: [20], cost: 20, elapsedMs: 1, iterations: 0, stopReason: 'iterations', seed: 1 } as const;
 * checkCvrpSolution(problem, { ...ok, routes: [[1, 2]] }); // []
 * checkCvrpSolution(problem, { ...ok, routes: [[1]] });   // ['customer 2 is not visited', …]
 * ```
 */
export function checkCvrpSolution(problem: CvrpProblem, solution: Solution): string[] {
  const v: string[] = [];
  const n = problem.demands.length;
  const dist = referenceDistances(problem);
  const cap = problem.capacity;

  if (solution === null || typeof solution !== 'object') return ['solution is not an object'];
  const { routes, routeCosts, cost } = solution;
  if (!Array.isArray(routes)) return ['routes is not an array'];
  if (!Array.isArray(routeCosts)) v.push('routeCosts is not an array');
  else if (routeCosts.length !== routes.length) {
    v.push(`routeCosts has ${routeCosts.length} entries for ${routes.length} routes`);
  }

  const seenIn = new Array<number>(n).fill(-1);
  let total = 0;
  routes.forEach((route, r) => {
    if (!Array.isArray(route)) {
      v.push(`routes[${r}] is not an array`);
      return;
    }
    if (route.length === 0) v.push(`routes[${r}] is empty`);
    let load = 0;
    let indicesOk = true;
    route.forEach((c, k) => {
      if (!isInt(c) || c < 0 || c >= n) {
        v.push(`routes[${r}][${k}] = ${String(c)} is not a node index in 0..${n - 1}`);
        indicesOk = false;
        return;
      }
      if (c === 0) {
        v.push(`routes[${r}][${k}] is the depot (0); the depot is implicit at both ends`);
        indicesOk = false;
        return;
      }
      if (seenIn[c] >= 0) v.push(`customer ${c} is visited more than once (routes[${seenIn[c]}] and routes[${r}])`);
      else seenIn[c] = r;
      load += problem.demands[c];
    });
    if (load > cap) v.push(`routes[${r}] carries ${load} > capacity ${cap}`);
    if (!indicesOk) return;
    const rc = referenceRouteCost(dist, n, route);
    total += rc;
    if (Array.isArray(routeCosts) && r < routeCosts.length) {
      const given = routeCosts[r];
      if (!isInt(given)) v.push(`routeCosts[${r}] = ${String(given)} is not an integer`);
      if (given !== rc) v.push(`routeCosts[${r}] = ${String(given)} but the route costs ${rc}`);
    }
  });
  for (let c = 1; c < n; c++) if (seenIn[c] < 0) v.push(`customer ${c} is not visited`);

  if (!isInt(cost)) v.push(`cost = ${String(cost)} is not an integer`);
  if (cost !== total) v.push(`cost = ${String(cost)} but the routes cost ${total} in total`);

  if (!isInt(solution.iterations) || solution.iterations < 0) {
    v.push(`iterations = ${String(solution.iterations)} is not a non-negative integer`);
  }
  if (!STOP_REASONS.includes(solution.stopReason)) v.push(`stopReason = ${String(solution.stopReason)} is not a known reason`);
  if (typeof solution.elapsedMs !== 'number' || !(solution.elapsedMs >= 0) || !Number.isFinite(solution.elapsedMs)) {
    v.push(`elapsedMs = ${String(solution.elapsedMs)} is not a finite number ≥ 0`);
  }
  if (!isInt(solution.seed) || solution.seed < 0 || solution.seed > 0xffffffff) {
    v.push(`seed = ${String(solution.seed)} is not an unsigned 32-bit integer`);
  }
  return v;
}

/**
 * Throws an `Error` listing every violation when the solution is not valid for the problem.
 *
 * @example
 * ```ts
 * assertValidCvrpSolution(problem, await solve(problem, { maxIterations: 100 }));
 * ```
 */
export function assertValidCvrpSolution(problem: CvrpProblem, solution: Solution): void {
  const v = checkCvrpSolution(problem, solution);
  if (v.length > 0) {
    const name = problem.name ? ` (${problem.name})` : '';
    throw new Error(`invalid CVRP solution${name}:\n  - ${v.join('\n  - ')}`);
  }
}

/**
 * Vitest assertion: the solution is valid for the problem. On failure the message lists
 * the violations and the test fails with a readable diff against `[]`.
 *
 * @example
 * ```ts
 * it('solves', async () => {
 *   const sol = await solve(problem, { maxIterations: 200, seed: 1 });
 *   expectValidSolution(problem, sol);
 * });
 * ```
 */
export function expectValidSolution(problem: CvrpProblem, solution: Solution): void {
  const v = checkCvrpSolution(problem, solution);
  expect(v, `invalid CVRP solution${problem.name ? ` (${problem.name})` : ''}`).toEqual([]);
}
