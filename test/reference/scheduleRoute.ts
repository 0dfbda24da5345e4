// An independent reference simulator of a route's schedule, written from docs/format.md
// ("Schedules") apart from the solver's engine (assembly/model/feasibility.ts). The property
// tests replay every route the solver returns through it and require the same arrivals,
// service starts, departures, loads and running totals. Its cost is VROOM's (rounded per
// route), not the solver's, and it lists every violation rather than the first.
import type { RoutingProblem, RoutingStep, TimeWindow } from '../../src/model/RoutingProblem.js';
import type { RouteSchedule as LibRouteSchedule, ScheduledStep } from '../../src/model/RouteSchedule.js';
import { travelTime, UNREACHABLE } from './travelTime.js';

/** A constraint a route breaks (docs/format.md, "Schedules"). */
export type ViolationKind =
  /** A job, reload or break starts after the end of its last window. */
  | 'time_window'
  /** The vehicle reaches its end (or finishes its last stop) after its working hours. */
  | 'vehicle_time_window'
  /** A load exceeds the capacity at some step (loads reset at reloads). */
  | 'capacity'
  /** The load exceeds a break's `max_load` when the break starts. */
  | 'max_load'
  /** A job needs a skill the vehicle lacks. */
  | 'skills'
  | 'max_tasks'
  | 'max_travel_time'
  | 'max_distance'
  /** A break of the vehicle is not in a used route. */
  | 'missing_break'
  /** A break appears more than once. */
  | 'duplicate_break'
  | 'max_reloads'
  /** More collected over the whole route than the vehicle's `routeCapacity`. */
  | 'route_capacity'
  /** A return-empty vehicle's last stop before its end is not a reload. */
  | 'return_empty'
  /** A reload at a facility the vehicle may not use. */
  | 'facility'
  /** An arc of the route has no road (matrix value {@link UNREACHABLE}). */
  | 'unreachable';

/** One violated constraint. */
export interface RouteViolation {
  kind: ViolationKind;
  /** Index into {@link RouteSchedule.steps}, or -1 for the route as a whole. */
  step: number;
  /** Human-readable explanation naming the ids involved. */
  message: string;
  /** For time violations: seconds late. */
  lateness?: number;
}

/**
 * The timed route of one vehicle: the library's schedule shape (types only are shared), plus
 * what this reference adds — whether the route is used, and the constraints it breaks.
 */
export interface RouteSchedule extends LibRouteSchedule {
  /** True when the route has at least one job or reload (an unused vehicle costs nothing). */
  used: boolean;
  violations: RouteViolation[];
  feasible: boolean;
}

/** Options of {@link scheduleRoute}. */
export interface ScheduleOptions {
  /**
   * `latest` (default, VROOM's rule): leave as late as possible without arriving at the end
   * any later than the earliest possible end, which removes avoidable waiting.
   * `earliest`: leave at the start of the working hours (cheaper; same feasibility).
   */
  departure?: 'latest' | 'earliest' | number;
}

/**
 * VROOM's route cost: `fixed + round(per_hour · duration / 3600 + per_km · distance / 1000)`,
 * or `fixed + Σ arc costs` when the profile has a custom `costs` matrix.
 *
 * @example
 * ```ts
 * routeCost({ fixed: 1000, perHour: 3600, perKm: 500 }, 1800, 12_345); // 1000 + round(1800 + 6172.5) = 8973
 * ```
 */
export function routeCost(
  costs: { fixed: number; perHour: number; perKm: number },
  duration: number,
  distance: number,
  arcCostSum?: number,
): number {
  if (arcCostSum !== undefined) return costs.fixed + arcCostSum;
  return costs.fixed + Math.round((duration * costs.perHour) / 3600 + (distance * costs.perKm) / 1000);
}

/** First window whose end is ≥ t; undefined = too late for all. Empty list = always open. */
function openWindow(tws: TimeWindow[], t: number): TimeWindow | undefined {
  if (tws.length === 0) return [t, t];
  for (const w of tws) if (w[1] >= t) return w;
  return undefined;
}

interface Simulation {
  steps: ScheduledStep[];
  violations: RouteViolation[];
  timingViolated: boolean;
  endArrival: number;
  duration: number;
  distance: number;
  setup: number;
  service: number;
  waitingTime: number;
  arcCost: number;
  jobs: number;
  reloads: number;
  pickup: number[];
  delivery: number[];
  priority: number;
}

function checkSteps(problem: RoutingProblem, vehicle: number, middle: RoutingStep[]): void {
  const v = problem.vehicles[vehicle];
  if (!v) throw new RangeError(`scheduleRoute: vehicle index ${vehicle} out of range`);
  const seenJobs = new Set<number>();
  for (const s of middle) {
    const limit =
      s.type === 'job' ? problem.jobs.length : s.type === 'reload' ? problem.facilities.length : v.breaks.length;
    if (!Number.isInteger(s.index) || s.index < 0 || s.index >= limit) {
      throw new RangeError(`scheduleRoute: ${s.type} index ${s.index} out of range (vehicle ${v.id})`);
    }
    if (s.type === 'job') {
      if (seenJobs.has(s.index)) throw new RangeError(`scheduleRoute: job index ${s.index} twice in one route`);
      seenJobs.add(s.index);
    }
  }
}

function simulate(problem: RoutingProblem, vehicle: number, middle: RoutingStep[], t0: number): Simulation {
  const v = problem.vehicles[vehicle];
  const m = problem.size;
  const mat = problem.matrices[v.profile];
  const dims = problem.dims;
  const violations: RouteViolation[] = [];
  let timingViolated = false;

  // Deliveries of each trip (trips are separated by reloads) are loaded at its beginning.
  // A trip leaves its start or reload only once all its jobs are released (release dates).
  const tripDeliveries: number[][] = [new Array<number>(dims).fill(0)];
  const tripRelease: number[] = [0];
  for (const s of middle) {
    if (s.type === 'reload') {
      tripDeliveries.push(new Array<number>(dims).fill(0));
      tripRelease.push(0);
    } else if (s.type === 'job') {
      const cur = tripDeliveries[tripDeliveries.length - 1];
      const del = problem.jobs[s.index].delivery;
      for (let d = 0; d < dims; d++) cur[d] += del[d];
      const r = problem.jobs[s.index].release ?? 0;
      if (r > tripRelease[tripRelease.length - 1]) tripRelease[tripRelease.length - 1] = r;
    }
  }
  let trip = 0;
  let load = tripDeliveries[0].slice();
  const overCapacity = (l: number[]): boolean => l.some((x, d) => x > v.capacity[d]);

  const firstLocated = middle.find((s) => s.type !== 'break');
  const firstLoc =
    firstLocated === undefined
      ? (v.end ?? 0)
      : firstLocated.type === 'job'
        ? problem.jobs[firstLocated.index].location
        : problem.facilities[firstLocated.index].location;
  let prev: number | undefined = v.start;
  let here = v.start ?? firstLoc;
  let t = Math.max(t0, tripRelease[0]);
  let duration = 0;
  let distance = 0;
  let arcCost = 0;
  let setupSum = 0;
  let serviceSum = 0;
  let waitingSum = 0;
  let jobs = 0;
  let reloads = 0;
  let priority = 0;
  const pickupSum = new Array<number>(dims).fill(0);
  const deliverySum = new Array<number>(dims).fill(0);

  const steps: ScheduledStep[] = [
    {
      type: 'start',
      index: -1,
      location: here,
      arrival: t0,
      waitingTime: 0,
      start: t0,
      setup: 0,
      service: 0,
      departure: t,
      duration: 0,
      distance: 0,
      load: load.slice(),
    },
  ];
  if (overCapacity(load)) {
    violations.push({ kind: 'capacity', step: 0, message: `vehicle ${v.id}: deliveries of the first trip ${JSON.stringify(load)} exceed capacity ${JSON.stringify(v.capacity)}` });
  }

  const travel = (to: number, stepNo: number, what: string): number => {
    if (prev === undefined) return 0;
    const tt = travelTime(problem, v, prev, to);
    const dd = mat.distances[prev * m + to];
    if (tt >= UNREACHABLE || dd >= UNREACHABLE) {
      violations.push({ kind: 'unreachable', step: stepNo, message: `vehicle ${v.id}: no road from location ${prev} to ${what} (location ${to})` });
    }
    duration += tt;
    distance += dd;
    if (mat.costs) arcCost += mat.costs[prev * m + to];
    return tt;
  };

  const seenBreaks = new Set<number>();
  middle.forEach((s, k) => {
    const stepNo = k + 1;
    if (s.type === 'break') {
      const b = v.breaks[s.index];
      const what = `break ${b.id} of vehicle ${v.id}`;
      if (seenBreaks.has(s.index)) violations.push({ kind: 'duplicate_break', step: stepNo, message: `${what} appears twice` });
      seenBreaks.add(s.index);
      const arrival = t;
      const w = openWindow(b.timeWindows, arrival);
      let start = arrival;
      if (w) start = Math.max(arrival, w[0]);
      else {
        const late = arrival - b.timeWindows[b.timeWindows.length - 1][1];
        violations.push({ kind: 'time_window', step: stepNo, message: `${what} starts at ${arrival}, ${late} s after its last window`, lateness: late });
        timingViolated = true;
      }
      if (b.maxLoad && load.some((x, d) => x > b.maxLoad![d])) {
        violations.push({ kind: 'max_load', step: stepNo, message: `${what}: load ${JSON.stringify(load)} exceeds max_load ${JSON.stringify(b.maxLoad)}` });
      }
      t = start + b.service;
      waitingSum += start - arrival;
      serviceSum += b.service;
      steps.push({ type: 'break', index: s.index, location: here, arrival, waitingTime: start - arrival, start, setup: 0, service: b.service, departure: t, duration, distance, load: load.slice() });
      return;
    }
    const isJob = s.type === 'job';
    const place = isJob ? problem.jobs[s.index] : problem.facilities[s.index];
    const what = isJob ? `job ${place.id}` : `facility ${place.id}`;
    const tt = travel(place.location, stepNo, what);
    const arrival = t + tt;
    const w = openWindow(place.timeWindows, arrival);
    let start = arrival;
    if (w) start = Math.max(arrival, w[0]);
    else {
      const late = arrival - place.timeWindows[place.timeWindows.length - 1][1];
      violations.push({ kind: 'time_window', step: stepNo, message: `${what} reached at ${arrival}, ${late} s after its last window`, lateness: late });
      timingViolated = true;
    }
    const setup = prev === place.location ? 0 : place.setup;
    t = start + setup + place.service;
    waitingSum += start - arrival;
    setupSum += setup;
    serviceSum += place.service;
    const stepDuration = duration;
    const stepDistance = distance;
    prev = place.location;
    here = place.location;
    if (isJob) {
      const job = problem.jobs[s.index];
      jobs++;
      priority += job.priority;
      for (let d = 0; d < dims; d++) {
        load[d] += job.pickup[d] - job.delivery[d];
        pickupSum[d] += job.pickup[d];
        deliverySum[d] += job.delivery[d];
      }
      const missing = job.skills.filter((sk) => !v.skills.includes(sk));
      if (missing.length) violations.push({ kind: 'skills', step: stepNo, message: `${what} needs skill(s) ${missing.join(', ')} that vehicle ${v.id} lacks` });
      if (overCapacity(load)) violations.push({ kind: 'capacity', step: stepNo, message: `load ${JSON.stringify(load)} after ${what} exceeds capacity ${JSON.stringify(v.capacity)} of vehicle ${v.id}` });
    } else {
      reloads++;
      trip++;
      t = Math.max(t, tripRelease[trip]);
      load = tripDeliveries[trip].slice();
      if (!v.facilities.includes(s.index)) violations.push({ kind: 'facility', step: stepNo, message: `vehicle ${v.id} may not unload at ${what}` });
      if (overCapacity(load)) violations.push({ kind: 'capacity', step: stepNo, message: `deliveries ${JSON.stringify(load)} loaded at ${what} exceed capacity ${JSON.stringify(v.capacity)} of vehicle ${v.id}` });
    }
    steps.push({ type: s.type, index: s.index, location: place.location, arrival, waitingTime: start - arrival, start, setup, service: place.service, departure: t, duration: stepDuration, distance: stepDistance, load: load.slice() });
  });

  const endLoc = v.end ?? here;
  const stepNo = middle.length + 1;
  const endArrival = v.end === undefined ? t : t + travel(v.end, stepNo, `the end of vehicle ${v.id}`);
  if (endArrival > v.timeWindow[1]) {
    const late = endArrival - v.timeWindow[1];
    violations.push({ kind: 'vehicle_time_window', step: stepNo, message: `vehicle ${v.id} ends at ${endArrival}, ${late} s after its time window`, lateness: late });
    timingViolated = true;
  }
  steps.push({ type: 'end', index: -1, location: endLoc, arrival: endArrival, waitingTime: 0, start: endArrival, setup: 0, service: 0, departure: endArrival, duration, distance, load: load.slice() });

  return { steps, violations, timingViolated, endArrival, duration, distance, setup: setupSum, service: serviceSum, waitingTime: waitingSum, arcCost, jobs, reloads, pickup: pickupSum, delivery: deliverySum, priority };
}

/**
 * Times one vehicle's route and checks every constraint. `steps` lists the route's `job`,
 * `reload` and `break` steps in visit order (`start`/`end` steps may be included; they are
 * rebuilt). Service starts at the first window opening at or after the arrival (waiting is
 * allowed); setup is skipped when the previous stop (job, reload or the vehicle start) is at
 * the same location; a break happens where the vehicle is, right after the previous step;
 * a reload empties the collected load and loads the next trip's deliveries.
 * The rules are in docs/format.md ("Schedules").
 *
 * @throws RangeError when a step index is out of range or a job appears twice (a solver bug,
 *   not an input error).
 * @example
 * ```ts
 * const s = scheduleRoute(problem, 0, [{ type: 'job', index: 2 }, { type: 'reload', index: 0 }]);
 * s.feasible; // true when s.violations is empty
 * s.steps.map((x) => x.arrival);
 * ```
 */
export function scheduleRoute(
  problem: RoutingProblem,
  vehicle: number,
  steps: readonly RoutingStep[],
  options: ScheduleOptions = {},
): RouteSchedule {
  const middle = steps.filter((s) => s.type !== 'start' && s.type !== 'end');
  checkSteps(problem, vehicle, middle);
  const v = problem.vehicles[vehicle];
  const used = middle.some((s) => s.type !== 'break');
  let sim = simulate(problem, vehicle, middle, typeof options.departure === 'number' ? options.departure : v.timeWindow[0]);

  if (used && (options.departure === undefined || options.departure === 'latest') && !sim.timingViolated) {
    // Latest departure that still reaches the end at the earliest possible time. The end time
    // and the lateness never decrease when leaving later, so the set of good departures is
    // an interval starting at the working-hours start.
    const earliestEnd = sim.endArrival;
    let lo = v.timeWindow[0];
    let hi = Math.min(v.timeWindow[1], earliestEnd);
    while (lo < hi) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      const trial = simulate(problem, vehicle, middle, mid);
      if (!trial.timingViolated && trial.endArrival <= earliestEnd) lo = mid;
      else hi = mid - 1;
    }
    if (lo !== v.timeWindow[0]) sim = simulate(problem, vehicle, middle, lo);
  }

  const violations = sim.violations;
  if (used) {
    v.breaks.forEach((b, i) => {
      if (!middle.some((s) => s.type === 'break' && s.index === i)) {
        violations.push({ kind: 'missing_break', step: -1, message: `break ${b.id} of vehicle ${v.id} is not in the route` });
      }
    });
    if (v.maxTasks !== undefined && sim.jobs > v.maxTasks) {
      violations.push({ kind: 'max_tasks', step: -1, message: `vehicle ${v.id} serves ${sim.jobs} jobs, max_tasks is ${v.maxTasks}` });
    }
    if (v.maxTravelTime !== undefined && sim.duration > v.maxTravelTime) {
      violations.push({ kind: 'max_travel_time', step: -1, message: `vehicle ${v.id} travels ${sim.duration} s, max_travel_time is ${v.maxTravelTime}` });
    }
    if (v.maxDistance !== undefined && sim.distance > v.maxDistance) {
      violations.push({ kind: 'max_distance', step: -1, message: `vehicle ${v.id} drives ${sim.distance} m, max_distance is ${v.maxDistance}` });
    }
    if (v.maxReloads !== undefined && sim.reloads > v.maxReloads) {
      violations.push({ kind: 'max_reloads', step: -1, message: `vehicle ${v.id} reloads ${sim.reloads} times, max_reloads is ${v.maxReloads}` });
    }
    if (v.routeCapacity && sim.pickup.some((p, d) => p > v.routeCapacity![d])) {
      violations.push({ kind: 'route_capacity', step: -1, message: `vehicle ${v.id} collects ${JSON.stringify(sim.pickup)} over its route, route_capacity is ${JSON.stringify(v.routeCapacity)}` });
    }
    const lastStop = [...middle].reverse().find((s) => s.type !== 'break');
    if (v.returnEmpty && lastStop?.type !== 'reload') {
      violations.push({ kind: 'return_empty', step: -1, message: `vehicle ${v.id} must unload at a facility right before its end` });
    }
  }

  const hasCostMatrix = problem.matrices[v.profile].costs !== undefined;
  return {
    vehicle,
    steps: sim.steps,
    used,
    jobs: sim.jobs,
    reloads: sim.reloads,
    duration: sim.duration,
    distance: sim.distance,
    setup: sim.setup,
    service: sim.service,
    waitingTime: sim.waitingTime,
    pickup: sim.pickup,
    delivery: sim.delivery,
    priority: sim.priority,
    cost: used ? routeCost(v.costs, sim.duration, sim.distance, hasCostMatrix ? sim.arcCost : undefined) : 0,
    violations,
    feasible: violations.length === 0,
  };
}
