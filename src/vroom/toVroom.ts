import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import type { ScheduledStep } from '../model/RouteSchedule.js';
import type { VroomCoordinates, VroomOutput, VroomRoute, VroomStep } from './types.js';

function stepOut(
  problem: RoutingProblem,
  coords: Map<number, VroomCoordinates>,
  vehicle: number,
  s: ScheduledStep,
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
    violations: [],
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
 * Formats a solution as VROOM's solution JSON. Nothing is computed again: each route's
 * schedule (arrival, waiting, setup, service, cumulative travel time and distance, load after
 * each step) and cost are the solver's, and every unserved job carries the solver's `reason`.
 * `summary.cost` is the sum of the route costs, as in VROOM; `summary.objective` adds the
 * prizes of unserved optional jobs. `violations` are always empty: the solver only returns
 * feasible routes (the library checks this before answering).
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
    const sched = r.schedule;
    const v = problem.vehicles[r.vehicle];
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
      violations: [],
      steps: sched.steps.map((s) => stepOut(problem, coords, r.vehicle, s)),
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
  }

  if (solution.reasons.length !== solution.unassigned.length) throw new Error('toVroom: solution.reasons must explain every unassigned job');
  const unassigned = solution.reasons.map((d) => {
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
