import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import { scheduleRoute, type RouteViolation, type ScheduledStep } from '../schedule/scheduleRoute.js';
import { unassignedReasons } from '../schedule/unassignedReason.js';
import type { VroomCoordinates, VroomOutput, VroomRoute, VroomStep, VroomViolation } from './types.js';

/** binroute violation kind → VROOM violation cause (ours keep their own name). */
function cause(v: RouteViolation): VroomViolation {
  switch (v.kind) {
    case 'time_window':
    case 'vehicle_time_window':
      return { cause: 'delay', duration: v.lateness };
    case 'capacity':
      return { cause: 'load' };
    case 'missing_break':
      return { cause: 'missing_break' };
    default:
      return { cause: v.kind };
  }
}

function stepOut(
  problem: RoutingProblem,
  coords: Map<number, VroomCoordinates>,
  vehicle: number,
  s: ScheduledStep,
  violations: VroomViolation[],
): VroomStep {
  const v = problem.vehicles[vehicle];
  let id: number | undefined;
  let description: string | undefined;
  let location: VroomCoordinates | undefined;
  if (s.type === 'job') {
    const j = problem.jobs[s.index];
    ({ id, description } = j);
    location = j.coordinates;
  } else if (s.type === 'reload') {
    const f = problem.facilities[s.index];
    ({ id, description } = f);
    location = f.coordinates;
  } else if (s.type === 'break') {
    ({ id, description } = v.breaks[s.index]);
  }
  if (location === undefined) location = coords.get(s.location);
  const out: VroomStep = {
    type: s.type,
    location_index: s.location,
    arrival: s.arrival,
    duration: s.duration,
    setup: s.setup,
    service: s.service,
    waiting_time: s.waitingTime,
    load: s.load,
    distance: s.distance,
    violations,
  };
  if (id !== undefined) out.id = id;
  if (description !== undefined) out.description = description;
  if (location !== undefined) out.location = location;
  return out;
}

/** Coordinates per matrix location, from whichever input object at that location had them. */
function locationCoordinates(problem: RoutingProblem): Map<number, VroomCoordinates> {
  const map = new Map<number, VroomCoordinates>();
  const add = (loc: number | undefined, c: VroomCoordinates | undefined): void => {
    if (loc !== undefined && c !== undefined && !map.has(loc)) map.set(loc, c);
  };
  for (const j of problem.jobs) add(j.location, j.coordinates);
  for (const f of problem.facilities) add(f.location, f.coordinates);
  for (const v of problem.vehicles) {
    add(v.start, v.startCoordinates);
    add(v.end, v.endCoordinates);
  }
  return map;
}

/**
 * Builds VROOM's solution JSON from binroute's step sequences: every route is timed with
 * `scheduleRoute` (arrival, waiting, setup, service, cumulative travel time and distance,
 * load after each step, VROOM route cost), routes without jobs or reloads are left out, and
 * every unserved job gets a `reason` from `unassignedReasons`. `summary.cost` is the sum of
 * the route costs, as in VROOM; `summary.objective` adds the prizes of unserved optional jobs.
 * Constraint violations (never expected from the solver) are reported in `violations`.
 *
 * @throws Error when the solution is malformed (an index out of range, a job served twice,
 *   a job both served and unassigned, or a job neither served nor unassigned).
 * @example
 * ```ts
 * const problem = fromVroom(JSON.parse(text));
 * const out = toVroom(problem, solution);
 * out.summary.cost === out.routes.reduce((s, r) => s + r.cost, 0); // true
 * ```
 */
export function toVroom(problem: RoutingProblem, solution: RoutingSolution): VroomOutput {
  const served = new Set<number>();
  const vehiclesSeen = new Set<number>();
  for (const r of solution.routes) {
    if (!problem.vehicles[r.vehicle]) throw new Error(`toVroom: vehicle index ${r.vehicle} out of range`);
    if (vehiclesSeen.has(r.vehicle)) throw new Error(`toVroom: vehicle index ${r.vehicle} has two routes`);
    vehiclesSeen.add(r.vehicle);
    for (const s of r.steps) {
      if (s.type !== 'job') continue;
      if (served.has(s.index)) throw new Error(`toVroom: job index ${s.index} is served twice`);
      served.add(s.index);
    }
  }
  for (const j of solution.unassigned) {
    if (!problem.jobs[j]) throw new Error(`toVroom: unassigned job index ${j} out of range`);
    if (served.has(j)) throw new Error(`toVroom: job index ${j} is both served and unassigned`);
  }
  const unassignedSet = new Set(solution.unassigned);
  for (let j = 0; j < problem.jobs.length; j++) {
    if (!served.has(j) && !unassignedSet.has(j)) throw new Error(`toVroom: job index ${j} is neither served nor unassigned`);
  }

  const coords = locationCoordinates(problem);
  const zeros = (): number[] => new Array<number>(problem.dims).fill(0);
  const summary: VroomOutput['summary'] = {
    cost: 0,
    routes: 0,
    unassigned: solution.unassigned.length,
    setup: 0,
    service: 0,
    duration: 0,
    waiting_time: 0,
    priority: 0,
    distance: 0,
    delivery: zeros(),
    pickup: zeros(),
    violations: [],
    unserved_prize: 0,
    objective: 0,
    computing_times: { solving: Math.round(solution.elapsedMs) },
  };

  const routes: VroomRoute[] = [];
  const ordered = [...solution.routes].sort((a, b) => a.vehicle - b.vehicle);
  for (const r of ordered) {
    const sched = scheduleRoute(problem, r.vehicle, r.steps);
    if (!sched.used) continue;
    const v = problem.vehicles[r.vehicle];
    const stepViolations: VroomViolation[][] = sched.steps.map(() => []);
    const routeViolations: VroomViolation[] = [];
    for (const x of sched.violations) {
      const c = cause(x);
      routeViolations.push(c);
      if (x.step >= 0) stepViolations[x.step].push(c);
    }
    const route: VroomRoute = {
      vehicle: v.id,
      cost: sched.cost,
      setup: sched.setup,
      service: sched.service,
      duration: sched.duration,
      waiting_time: sched.waitingTime,
      priority: sched.priority,
      distance: sched.distance,
      delivery: sched.delivery,
      pickup: sched.pickup,
      violations: routeViolations,
      steps: sched.steps.map((s, k) => stepOut(problem, coords, r.vehicle, s, stepViolations[k])),
    };
    if (v.description !== undefined) route.description = v.description;
    routes.push(route);
    summary.routes++;
    summary.cost += route.cost;
    summary.setup += route.setup;
    summary.service += route.service;
    summary.duration += route.duration;
    summary.waiting_time += route.waiting_time;
    summary.priority += route.priority;
    summary.distance += route.distance;
    for (let d = 0; d < problem.dims; d++) {
      summary.delivery[d] += route.delivery[d];
      summary.pickup[d] += route.pickup[d];
    }
    for (const c of routeViolations) if (!summary.violations.some((x) => x.cause === c.cause)) summary.violations.push({ cause: c.cause });
  }

  const unassigned = unassignedReasons(problem, solution).map((d) => {
    const j = problem.jobs[d.job];
    summary.unserved_prize += j.prize ?? 0;
    const u: VroomOutput['unassigned'][number] = {
      id: j.id,
      type: 'job' as const,
      location_index: j.location,
      reason: d.reason,
      detail: d.detail,
    };
    if (j.description !== undefined) u.description = j.description;
    const location = j.coordinates ?? coords.get(j.location);
    if (location) u.location = location;
    return u;
  });
  summary.objective = summary.cost + summary.unserved_prize;

  return { code: 0, summary, unassigned, routes };
}
