import type { RoutingProblem, RoutingSolution } from './model/RoutingProblem.js';
import type { SolveOptions } from './types.js';
import { checkSolveOptions, resolveBudget } from './solveOptions.js';
import { encodeRouting } from './codec/encodeRouting.js';
import { decodeRouting } from './codec/decodeRouting.js';
import { explainUnassigned } from './codec/explainUnassigned.js';
import { checkRoutingProblem } from './codec/checkRoutingProblem.js';
import { runCore } from './core/runCore.js';
import { readCoreOutput } from './core/readCoreOutput.js';
import { guardCoreRun } from './core/guardCoreRun.js';
import type { CoreInput } from './core/coreInput.js';

/**
 * Solves the collection model: time windows, several capacity dimensions, a mixed fleet,
 * optional jobs with prizes, priorities and reloads at facilities. The flow is encode → run
 * the core → decode: the routes come back with the schedule the core computed (arrivals,
 * waiting, loads, breaks) and every unserved job with its reason; `toVroom(problem, solution)`
 * formats them as VROOM's output.
 *
 * @example
 * ```ts
 * const problem = fromVroom(json);
 * const solution = await solveRouting(problem, { maxIterations: 2000, seed: 1 });
 * solution.routes[0].schedule.steps[1].arrival;
 * const output = toVroom(problem, solution);
 * ```
 */
export async function solveRouting(problem: RoutingProblem, options: SolveOptions = {}): Promise<RoutingSolution> {
  const started = performance.now();
  checkSolveOptions(options);
  checkRoutingProblem(problem);
  return solveEncodedRouting(problem, encodeRouting(problem), options, started);
}

/**
 * The core-side half of {@link solveRouting}, on an already encoded problem: run, decode,
 * explain, with a failure of the core surfaced as an `InternalError` with the input's
 * fingerprint (`guardCoreRun`). Not exported from the package: the trap-recovery tests feed it
 * a deliberately corrupted input.
 *
 * @example
 * ```ts
 * const solution = await solveEncodedRouting(problem, encodeRouting(problem), { maxIterations: 100 }, performance.now());
 * ```
 */
export async function solveEncodedRouting(problem: RoutingProblem, input: CoreInput, options: SolveOptions, started: number): Promise<RoutingSolution> {
  const budget = resolveBudget(options, problem.jobs.length, started);
  return guardCoreRun(input, async () => {
    const run = await runCore(input, budget);
    const out = readCoreOutput(run.core, input.dims);
    const { routes, unassigned } = decodeRouting(problem, out);
    const reasons = explainUnassigned(run.core, problem, unassigned, new Set(routes.map((r) => r.vehicle)));
    return {
      routes,
      unassigned,
      reasons,
      cost: out.routeCost + out.prizes,
      elapsedMs: performance.now() - started,
      iterations: run.iterations,
      stopReason: run.stopReason,
      seed: budget.seed,
    };
  });
}
