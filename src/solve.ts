import type { CvrpProblem, Solution, SolveOptions } from './types.js';
import type { RoutingProblem, RoutingSolution } from './model/RoutingProblem.js';
import type { VroomInput } from './vroom/types.js';
import { checkSolveOptions, resolveBudget } from './solveOptions.js';
import { encodeCvrp } from './codec/encodeCvrp.js';
import { runCore } from './core/runCore.js';
import { readCoreOutput } from './core/readCoreOutput.js';
import { solveRouting } from './solveRouting.js';
import { InternalError } from './errors.js';
import { guardCoreRun } from './core/guardCoreRun.js';
import { fingerprintCoreInput } from './core/fingerprintCoreInput.js';
import { fromVroom } from './vroom/fromVroom.js';

/**
 * Solves a CVRP, the collection model (a {@link RoutingProblem}), or a VROOM JSON problem
 * (which it reads with `fromVroom` first): construction, granular local search, then SISR-style
 * ruin and recreate with simulated annealing, run in chunks so that progress, abort and the
 * time limit are honoured. With a seed and `maxIterations`, the result depends on nothing else.
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
export async function solve(problem: RoutingProblem | VroomInput, options?: SolveOptions): Promise<RoutingSolution>;
export async function solve(problem: CvrpProblem | RoutingProblem | VroomInput, options: SolveOptions = {}): Promise<Solution | RoutingSolution> {
  if (isVroomJson(problem)) return solveRouting(fromVroom(problem), options);
  if (isRoutingProblem(problem)) return solveRouting(problem, options);
  return solveCvrp(problem as CvrpProblem, options);
}

/** True for the collection model: jobs and vehicles, with the normalised `dims` and `size`. */
function isRoutingProblem(p: unknown): p is RoutingProblem {
  return hasJobsAndVehicles(p) && 'dims' in p && 'size' in p;
}

/** True for VROOM's JSON: jobs (or shipments) and vehicles, without the normalised fields. */
function isVroomJson(p: unknown): p is VroomInput {
  return hasJobsAndVehicles(p) && !('dims' in p) && !('size' in p);
}

function hasJobsAndVehicles(p: unknown): p is { jobs: unknown[]; vehicles: unknown[] } {
  return p !== null && typeof p === 'object' && Array.isArray((p as { vehicles?: unknown }).vehicles) && ('jobs' in p || 'shipments' in p);
}

async function solveCvrp(problem: CvrpProblem, options: SolveOptions): Promise<Solution> {
  const started = performance.now();
  checkSolveOptions(options);
  const input = encodeCvrp(problem);
  const budget = resolveBudget(options, input.jobs, started);
  const { run, out } = await guardCoreRun(input, async () => {
    const run = await runCore(input, budget);
    return { run, out: readCoreOutput(run.core, 1) };
  });
  const routes = out.routes.map((r) => r.steps.filter((s) => s.kind === 'job').map((s) => s.index + 1));
  // a CVRP has no optional customer: every one must come back in exactly one route
  const seen = new Uint8Array(input.jobs + 1);
  for (const c of routes.flat()) {
    if (!(c >= 1 && c <= input.jobs)) throw new InternalError(`customer index ${c} is out of range`, { fingerprint: fingerprintCoreInput(input) });
    seen[c]++;
  }
  const wrong = seen.findIndex((x, c) => c > 0 && x !== 1);
  if (wrong > 0 || out.unserved.length > 0) {
    throw new InternalError(`customer ${wrong > 0 ? wrong : out.unserved[0] + 1} is not in exactly one route`, { fingerprint: fingerprintCoreInput(input) });
  }
  const routeCosts = out.routes.map((r) => r.cost);
  return {
    routes,
    routeCosts,
    cost: out.routeCost,
    elapsedMs: performance.now() - started,
    iterations: run.iterations,
    stopReason: run.stopReason,
    seed: budget.seed,
  };
}
