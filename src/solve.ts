import type { CvrpProblem, Solution, SolveOptions } from './types.js';
import { checkSolveOptions } from './solveOptions.js';
import { encodeProblem, type EncodedProblem } from './core/encodeProblem.js';
import { emptyCoreInput, type CoreInput } from './core/coreInput.js';
import { runCore } from './core/runCore.js';
import type { RoutingProblem, RoutingSolution } from './model/RoutingProblem.js';
import { solveRouting } from './solveRouting.js';

const DEFAULT_TIME_LIMIT_MS = 10_000;

/** A CVRP as core input: customers are jobs 0..n-2 at locations 1..n-1, n-1 vehicles at 0. */
function cvrpInput(enc: EncodedProblem): CoreInput {
  const jobs = enc.n - 1;
  const input = emptyCoreInput({ jobs, vehicles: Math.max(jobs, 1), m: enc.n, dims: 1, facilities: 0, classes: 1, windows: 0 });
  input.matrices.push(enc.distances);
  input.vCap.fill(enc.capacity);
  for (let j = 0; j < jobs; j++) {
    input.jLoc[j] = j + 1;
    input.jPick[j] = enc.demands[j + 1];
  }
  return input;
}

function routeCost(enc: EncodedProblem, route: number[]): number {
  const { n, distances } = enc;
  let prev = 0;
  let c = 0;
  for (const v of route) {
    c += distances[prev * n + v];
    prev = v;
  }
  return c + distances[prev * n];
}

/**
 * Solves a CVRP — or, given a {@link RoutingProblem}, the collection model — : savings construction, granular local search, then SISR-style ruin and
 * recreate with simulated annealing, run in chunks so that progress, abort and the time
 * limit are honoured. With a seed and `maxIterations`, the result depends on nothing else.
 *
 * @example
 * ```ts
 * const sol = await solve(
 *   { capacity: 10, demands: [0, 4, 5, 6], coordinates: [0, 0, 1, 0, 0, 1, -1, 0] },
 *   { maxIterations: 1000, seed: 1 },
 * );
 * console.log(sol.routes, sol.cost);
 * ```
 */
export async function solve(problem: CvrpProblem, options?: SolveOptions): Promise<Solution>;
/** Solves the collection model (see {@link solveRouting}). */
export async function solve(problem: RoutingProblem, options?: SolveOptions): Promise<RoutingSolution>;
export async function solve(problem: CvrpProblem | RoutingProblem, options: SolveOptions = {}): Promise<Solution | RoutingSolution> {
  if (isRoutingProblem(problem)) return solveRouting(problem, options);
  return solveCvrp(problem, options);
}

/** True for the collection model (it has jobs and vehicles), false for a plain CVRP. */
function isRoutingProblem(p: CvrpProblem | RoutingProblem): p is RoutingProblem {
  return p !== null && typeof p === 'object' && Array.isArray((p as RoutingProblem).jobs) && Array.isArray((p as RoutingProblem).vehicles);
}

async function solveCvrp(problem: CvrpProblem, options: SolveOptions): Promise<Solution> {
  const started = performance.now();
  checkSolveOptions(options);
  const enc = encodeProblem(problem);
  const seed = options.seed ?? 1;
  const maxIterations = options.maxIterations;
  const timeLimitMs = options.timeLimitMs ?? (maxIterations === undefined ? DEFAULT_TIME_LIMIT_MS : Infinity);
  const { signal, onProgress } = options;
  // the time limit counts input checking and matrix building too
  const left = timeLimitMs - (performance.now() - started);
  const result = await runCore(cvrpInput(enc), { seed, maxIterations, timeLimitMs: Math.max(0, left), onProgress, signal, localSearch: options.localSearch });
  const routes = result.routes.map((r) => r.steps.map((j) => j + 1));
  const routeCosts = routes.map((r) => routeCost(enc, r));
  const cost = routeCosts.reduce((a, b) => a + b, 0);
  return {
    routes,
    routeCosts,
    cost,
    elapsedMs: performance.now() - started,
    iterations: result.iterations,
    stopReason: result.stopReason,
    seed,
  };
}
