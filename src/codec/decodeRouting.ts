import type { PlannedRoute, RoutingProblem } from '../model/RoutingProblem.js';
import type { RouteSchedule, ScheduledStep } from '../model/RouteSchedule.js';
import type { CoreOutput, CoreRoute } from '../core/readCoreOutput.js';
import { breakOrder } from './encodeRouting.js';
import { InternalError } from '../errors.js';


/**
 * Turns one route of the core's answer into a planned route: the break indices back to the
 * input's order, the core's "anywhere" location of an open start or end replaced by the
 * nearest real stop, waiting times and totals summed from the schedule. Nothing is simulated
 * again: times, loads and the cost are the core's.
 */
function decodeRoute(problem: RoutingProblem, route: CoreRoute): PlannedRoute {
  const v = problem.vehicles[route.vehicle];
  const order = breakOrder(v);
  const dims = problem.dims;
  const steps: ScheduledStep[] = route.steps.map((s) => ({
    type: s.kind,
    index: s.kind === 'break' ? order[s.index] : s.index,
    location: s.location,
    arrival: s.arrival,
    waitingTime: s.start - s.arrival,
    start: s.start,
    setup: s.setup,
    service: s.service,
    departure: s.departure,
    duration: s.travel,
    distance: s.distance,
    load: s.load,
  }));
  // open ends: the core's extra location stands for "wherever the vehicle is"
  const real = (loc: number) => loc < problem.size;
  const firstReal = steps.find((s) => real(s.location))?.location ?? 0;
  let here = firstReal;
  for (const s of steps) {
    if (real(s.location)) here = s.location;
    else s.location = here;
  }
  const schedule: RouteSchedule = {
    vehicle: route.vehicle,
    steps,
    jobs: 0,
    reloads: 0,
    duration: steps[steps.length - 1].duration,
    distance: steps[steps.length - 1].distance,
    setup: 0,
    service: 0,
    waitingTime: 0,
    pickup: new Array<number>(dims).fill(0),
    delivery: new Array<number>(dims).fill(0),
    priority: 0,
    cost: route.cost,
  };
  for (const s of steps) {
    schedule.setup += s.setup;
    schedule.service += s.service;
    schedule.waitingTime += s.waitingTime;
    if (s.type === 'reload') schedule.reloads++;
    if (s.type !== 'job') continue;
    const job = problem.jobs[s.index];
    schedule.jobs++;
    schedule.priority += job.priority;
    for (let d = 0; d < dims; d++) {
      schedule.pickup[d] += job.pickup[d];
      schedule.delivery[d] += job.delivery[d];
    }
  }
  return { vehicle: route.vehicle, steps: steps.map((s) => ({ type: s.type, index: s.index })), schedule };
}

/**
 * Decodes the core's answer for a {@link RoutingProblem} and checks the library's invariants:
 * every route passed the core's own final walk, and every job comes back exactly once, routed
 * or unserved. A violation is an {@link InternalError}.
 *
 * @example
 * ```ts
 * const run = await runCore(encodeRouting(problem), budget);
 * const { routes, unassigned } = decodeRouting(problem, readCoreOutput(run.core, problem.dims));
 * ```
 */
export function decodeRouting(problem: RoutingProblem, out: CoreOutput): { routes: PlannedRoute[]; unassigned: number[] } {
  const seen = new Uint8Array(problem.jobs.length);
  const mark = (j: number, where: string) => {
    if (!(j >= 0 && j < seen.length)) throw new InternalError(`job index ${j} ${where} is out of range`);
    if (seen[j]++) throw new InternalError(`job ${problem.jobs[j].id} comes back twice (${where})`);
  };
  for (const r of out.routes) {
    const v = problem.vehicles[r.vehicle];
    if (!v) throw new InternalError(`route of vehicle index ${r.vehicle}, which does not exist`);
    if (!r.feasible) throw new InternalError(`the route of vehicle ${v.id} fails the core's final check`);
    for (const s of r.steps) if (s.kind === 'job') mark(s.index, `in the route of vehicle ${v.id}`);
  }
  for (const j of out.unserved) mark(j, 'among the unassigned');
  const lost = seen.findIndex((x) => x === 0);
  if (lost >= 0) throw new InternalError(`job ${problem.jobs[lost].id} is neither routed nor unassigned`);
  return { routes: out.routes.map((r) => decodeRoute(problem, r)), unassigned: out.unserved };
}
