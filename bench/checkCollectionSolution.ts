// An independent checker for solutions of the collection model, written from the problem
// definition in docs/format.md only: it shares no code with the solver (assembly/, src/core,
// src/codec) nor with the test reference simulator. It imports types only. Used by the tests,
// and by `binroute solve` to re-check every VROOM-input solution.
import type { RoutingProblem, RoutingSolution, RoutingStep } from '../src/model/RoutingProblem.js';

/** One broken rule, in words. */
export type Violation = string;

export interface CollectionCheck {
  violations: Violation[];
  /** Σ route costs (per-arc cost as the solver defines it) + prizes of unserved optional jobs. */
  objective: number;
}

/** A matrix entry meaning "no road" (VROOM null). */
const NO_ROAD = 2 ** 31 - 1;
/** Arcs without a road met by travel() since the last check. */
let unreachableArcs: string[] = [];

function travel(problem: RoutingProblem, vi: number, from: number | undefined, to: number | undefined): { t: number; d: number; c: number } {
  if (from === undefined || to === undefined) return { t: 0, d: 0, c: 0 };
  const v = problem.vehicles[vi];
  const m = problem.matrices[v.profile];
  if (m.geo) {
    // computed arcs (docs/format.md): straight chord × detour, rounded half up at each step
    const p = m.geo.points;
    const e = Math.sqrt((p[3 * from] - p[3 * to]) ** 2 + (p[3 * from + 1] - p[3 * to + 1]) ** 2 + (p[3 * from + 2] - p[3 * to + 2]) ** 2);
    const d = Math.floor(e * m.geo.detour + 0.5);
    const t = Math.floor(d * (m.geo.secondsPerMetre / v.speedFactor) + 0.5);
    return { t, d, c: Math.floor((v.costs.perHour * t) / 3600 + (v.costs.perKm * d) / 1000 + 0.5) };
  }
  const k = from * problem.size + to;
  const raw = m.durations[k];
  const t = v.speedFactor === 1 ? raw : Math.round(raw / v.speedFactor);
  const d = m.distances[k];
  const c = m.costs ? m.costs[k] : Math.round((v.costs.perHour * t) / 3600 + (v.costs.perKm * d) / 1000);
  if (raw >= NO_ROAD || d >= NO_ROAD) unreachableArcs.push(`${from}→${to}`);
  return { t, d, c };
}

/** First window that is still open at `t`; undefined when all are over. */
function window(list: [number, number][], t: number): [number, number] | undefined {
  if (list.length === 0) return [t, t];
  return list.find((w) => w[1] >= t);
}

/**
 * Re-checks a {@link RoutingSolution} against its problem: every job served once or listed as
 * unassigned, each vehicle at most once, and per route the schedule (waiting allowed, setup
 * unless the previous stop shares the location, breaks where the vehicle is, release dates per
 * trip), loads per trip and dimension (deliveries on board from the trip's start), route
 * capacity, skills, limits, reloads and return-empty. Returns the violations and the objective.
 *
 * @example
 * ```ts
 * const { violations, objective } = checkCollectionSolution(problem, await solveRouting(problem, { maxIterations: 100 }));
 * expect(violations).toEqual([]);
 * ```
 */
export function checkCollectionSolution(problem: RoutingProblem, solution: RoutingSolution): CollectionCheck {
  const out: Violation[] = [];
  unreachableArcs = [];
  const seen = new Array<number>(problem.jobs.length).fill(0);
  const vehiclesUsed = new Set<number>();
  let objective = 0;
  for (const route of solution.routes) {
    const vi = route.vehicle;
    const v = problem.vehicles[vi];
    if (!v) {
      out.push(`route of unknown vehicle index ${vi}`);
      continue;
    }
    if (vehiclesUsed.has(vi)) out.push(`vehicle ${v.id} has two routes`);
    vehiclesUsed.add(vi);
    const steps = route.steps;
    if (steps[0]?.type !== 'start' || steps[steps.length - 1]?.type !== 'end') out.push(`vehicle ${v.id}: route must go from start to end`);
    const middle = steps.filter((s) => s.type !== 'start' && s.type !== 'end');
    if (middle.some((s) => s.type === 'start' || s.type === 'end')) out.push(`vehicle ${v.id}: start/end inside the route`);
    objective += checkRoute(problem, vi, middle, seen, out);
  }
  const unassigned = new Set<number>();
  for (const j of solution.unassigned) {
    if (unassigned.has(j)) out.push(`job index ${j} unassigned twice`);
    unassigned.add(j);
    seen[j] = (seen[j] ?? 0) + 1;
    objective += problem.jobs[j]?.prize ?? 0;
  }
  seen.forEach((n, j) => {
    if (n !== 1) out.push(`job ${problem.jobs[j].id} appears ${n} times (routes + unassigned)`);
  });
  if (Math.abs(objective - solution.cost) > 1e-6) out.push(`reported cost ${solution.cost}, recomputed ${objective}`);
  for (const arc of unreachableArcs) out.push(`arc ${arc} has no road (unreachable)`);
  return { violations: out, objective };
}

function checkRoute(problem: RoutingProblem, vi: number, middle: RoutingStep[], seen: number[], out: Violation[]): number {
  const v = problem.vehicles[vi];
  const name = `vehicle ${v.id}`;
  const dims = problem.dims;
  const jobsIn = middle.filter((s) => s.type === 'job');
  if (jobsIn.length === 0 && !middle.some((s) => s.type === 'reload')) {
    if (middle.length > 0) out.push(`${name}: breaks without a route`);
    return 0;
  }
  // trips: deliveries and latest release per trip
  const tripDel: number[][] = [new Array(dims).fill(0)];
  const tripRel: number[] = [0];
  for (const s of middle) {
    if (s.type === 'reload') {
      tripDel.push(new Array(dims).fill(0));
      tripRel.push(0);
    } else if (s.type === 'job') {
      const j = problem.jobs[s.index];
      for (let k = 0; k < dims; k++) tripDel[tripDel.length - 1][k] += j.delivery[k];
      tripRel[tripRel.length - 1] = Math.max(tripRel[tripRel.length - 1], j.release ?? 0);
    }
  }
  let trip = 0;
  let load = tripDel[0].slice();
  const collected = new Array(dims).fill(0);
  const over = (l: number[], cap: number[]) => l.some((x, k) => x > cap[k]);
  if (over(load, v.capacity)) out.push(`${name}: first trip's deliveries exceed the capacity`);
  let t = Math.max(v.timeWindow[0], tripRel[0]);
  let loc = v.start;
  let cost = v.costs.fixed;
  let travelT = 0;
  let dist = 0;
  let reloads = 0;
  const breaksSeen = new Set<number>();
  for (const s of middle) {
    if (s.type === 'break') {
      const b = v.breaks[s.index];
      if (!b) {
        out.push(`${name}: unknown break ${s.index}`);
        continue;
      }
      if (breaksSeen.has(s.index)) out.push(`${name}: break ${b.id} twice`);
      breaksSeen.add(s.index);
      const w = window(b.timeWindows, t);
      if (!w) out.push(`${name}: break ${b.id} at ${t} after its windows`);
      else t = Math.max(t, w[0]);
      if (b.maxLoad && over(load, b.maxLoad)) out.push(`${name}: load over max_load at break ${b.id}`);
      t += b.service;
      continue;
    }
    const place = s.type === 'job' ? problem.jobs[s.index] : problem.facilities[s.index];
    if (!place) {
      out.push(`${name}: unknown ${s.type} ${s.index}`);
      continue;
    }
    const leg = travel(problem, vi, loc, place.location);
    travelT += leg.t;
    dist += leg.d;
    cost += leg.c;
    const arrival = t + leg.t;
    const w = window(place.timeWindows, arrival);
    if (!w) out.push(`${name}: ${s.type} ${place.id} reached at ${arrival}, after its windows`);
    const start = w ? Math.max(arrival, w[0]) : arrival;
    t = start + (loc === place.location ? 0 : place.setup) + place.service;
    loc = place.location;
    if (s.type === 'job') {
      const j = problem.jobs[s.index];
      seen[s.index] = (seen[s.index] ?? 0) + 1;
      if (!j.skills.every((sk) => v.skills.includes(sk))) out.push(`${name}: lacks a skill of job ${j.id}`);
      for (let k = 0; k < dims; k++) {
        load[k] += j.pickup[k] - j.delivery[k];
        collected[k] += j.pickup[k];
      }
      if (over(load, v.capacity)) out.push(`${name}: over capacity after job ${j.id}`);
    } else {
      reloads++;
      if (!v.facilities.includes(s.index)) out.push(`${name}: may not unload at facility ${place.id}`);
      trip++;
      load = tripDel[trip].slice();
      if (over(load, v.capacity)) out.push(`${name}: trip ${trip} deliveries exceed the capacity`);
      t = Math.max(t, tripRel[trip]);
    }
  }
  const back = travel(problem, vi, loc, v.end);
  travelT += back.t;
  dist += back.d;
  cost += back.c;
  t += back.t;
  if (t > v.timeWindow[1]) out.push(`${name}: returns at ${t}, after ${v.timeWindow[1]}`);
  v.breaks.forEach((b, i) => {
    if (!breaksSeen.has(i)) out.push(`${name}: break ${b.id} missing`);
  });
  if (v.maxTasks !== undefined && jobsIn.length > v.maxTasks) out.push(`${name}: ${jobsIn.length} jobs > max_tasks`);
  if (v.maxTravelTime !== undefined && travelT > v.maxTravelTime) out.push(`${name}: travel ${travelT} > max_travel_time`);
  if (v.maxDistance !== undefined && dist > v.maxDistance) out.push(`${name}: distance ${dist} > max_distance`);
  if (v.maxReloads !== undefined && reloads > v.maxReloads) out.push(`${name}: ${reloads} reloads > max_reloads`);
  if (v.routeCapacity && over(collected, v.routeCapacity)) out.push(`${name}: collects more than its route capacity`);
  const last = [...middle].reverse().find((s) => s.type !== 'break');
  if (v.returnEmpty && last?.type !== 'reload') out.push(`${name}: must unload before its end`);
  return cost;
}
