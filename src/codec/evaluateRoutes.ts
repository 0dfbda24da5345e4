import type { RoutingProblem, RoutingSolution, RoutingStep } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';
import { instantiateCore } from '../core/loadCore.js';
import { writeCoreInput } from '../core/writeCoreInput.js';
import { readCoreOutput } from '../core/readCoreOutput.js';
import { FAIL_CODES } from '../core/coreProtocol.js';
import { encodeRouting } from './encodeRouting.js';
import { checkRoutingProblem } from './checkRoutingProblem.js';
import { decodeRouting } from './decodeRouting.js';
import { explainUnassigned, REASON_OF_FAIL } from './explainUnassigned.js';

/** Routes to evaluate: per vehicle, its job and reload steps in order (start, end and breaks are ignored). */
export type GivenRoutes = readonly { vehicle: number; steps: readonly RoutingStep[] }[];

/**
 * Evaluates routes given by the user (a plan edited by hand, or one from another tool) with the
 * solver's own engine: the routes are loaded into a fresh core, which checks them, places the
 * breaks, schedules every stop and prices each route; the jobs left out get their reasons.
 * The answer has the shape of {@link solveRouting}'s (no search is run).
 *
 * @throws InputError naming the route when an index is out of range, a job appears twice, or
 *   a route breaks a constraint (with the constraint).
 * @example
 * ```ts
 * const plan = await evaluateRoutes(problem, [{ vehicle: 0, steps: [{ type: 'job', index: 2 }] }]);
 * plan.routes[0].schedule.steps[1].arrival;
 * plan.reasons; // why every other job is out
 * ```
 */
export async function evaluateRoutes(problem: RoutingProblem, routes: GivenRoutes): Promise<RoutingSolution> {
  const started = performance.now();
  checkRoutingProblem(problem);
  const input = encodeRouting(problem);
  const core = await instantiateCore(input.geo ? 'geo' : 'matrix');
  writeCoreInput(core, input);
  const data: number[] = [routes.length];
  const vehicles = new Set<number>();
  routes.forEach((r, i) => {
    if (!Number.isInteger(r.vehicle) || r.vehicle < 0 || r.vehicle >= problem.vehicles.length) {
      throw new InputError(`routes[${i}].vehicle: no vehicle index ${String(r.vehicle)}`, { code: 'E1016', field: `routes[${i}].vehicle` });
    }
    if (vehicles.has(r.vehicle)) throw new InputError(`routes[${i}].vehicle: vehicle index ${r.vehicle} has two routes`, { code: 'E1016', field: `routes[${i}].vehicle` });
    vehicles.add(r.vehicle);
    const steps = r.steps.filter((s) => s.type === 'job' || s.type === 'reload');
    data.push(r.vehicle, steps.length, ...steps.map((s) => (s.type === 'job' ? s.index : -(s.index + 1))));
  });
  new Int32Array(core.memory.buffer, core.routesBuffer(data.length), data.length).set(data);
  if (core.loadRoutes() !== 1) {
    throw new InputError('routes: a job appears twice, or a job or facility index is out of range', { code: 'E1016', field: 'routes' });
  }
  const out = readCoreOutput(core, input.dims);
  for (const r of out.routes) {
    if (r.feasible) continue;
    const code = core.trialInsert(-1, r.vehicle, 0, 0);
    const why = Object.entries(FAIL_CODES).find(([, c]) => c === code)?.[0].toLowerCase() ?? String(code);
    throw new InputError(`routes: the route of vehicle ${problem.vehicles[r.vehicle].id} is not feasible (${why}; reason ${REASON_OF_FAIL[code] ?? 'unknown'})`, { code: 'E1016', field: 'routes' });
  }
  const decoded = decodeRouting(problem, out);
  const reasons = explainUnassigned(core, problem, decoded.unassigned, new Set(decoded.routes.map((r) => r.vehicle)));
  return {
    ...decoded,
    reasons,
    cost: out.routeCost + out.prizes,
    elapsedMs: performance.now() - started,
    iterations: 0,
    stopReason: 'iterations',
    seed: 0,
  };
}
