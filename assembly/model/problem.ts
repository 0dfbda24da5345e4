// Problem data shared by every module of the core: the flat arrays written by the host once
// (declared and allocated in arrays.generated.ts, from src/core/coreProtocol.ts), read-only
// during the search, and what the core derives from them (sizes, feature flags, neighbours).
//
// Visits: jobs are visits 1..N-1 (visit 0 is unused); route r (= vehicle r) owns a start
// visit N+2r and an end visit N+2r+1; reload visits (facility stops) are a pool of P visits
// from N+2R on. Locations index every matrix; matrices are M×M and concatenated in `mats`.

import { NO_LIMIT } from '../protocol.generated';
import {
  allocArrays, mats, vFixed, vCost, vDur, vDist, vTwStart, vTwEnd, vCap, vClass, vMaxTasks, vMaxTravel, vMaxDist, vMaxReloads,
  vFacMask, vRouteCap, vReturnEmpty, jLoc, jDel, jTwCount, jPrize, jRelease, jMiss, fTwCount, geoPts, geoRule,
} from '../arrays.generated';
export { NO_LIMIT };
// the problem arrays (declared and allocated from the protocol table)
export * from '../arrays.generated';

export const INF: i64 = 0x3fffffffffffffff;
/**
 * Cost of an arc without a road (NO_LIMIT in the cost matrix): above the price of leaving any
 * job unserved, so the search never prefers such an arc to dropping a job, and recreate refuses
 * positions that need one.
 */
export const UNREACHABLE_COST: i64 = <i64>1 << 52;

export let N: i32 = 0; // jobs + 1
export let R: i32 = 0; // vehicles
export let M: i32 = 0; // matrix size
export let D: i32 = 1; // capacity dimensions
export let F: i32 = 0; // facilities
export let P: i32 = 0; // reload visit slots
export let V: i32 = 0; // all visits
export let NC: i32 = 1; // vehicle classes (vehicles with identical attributes share one)
export let KN: i32 = 0; // neighbour list length

/** Problem features; the search skips the checks a problem does not need. */
export let HAS_TIME: bool = false; // time windows or working hours that can bind
export let HAS_LIMITS: bool = false; // max_tasks / max_travel_time / max_distance
export let SIMPLE_LOAD: bool = true; // pickups only and no reloads: a route's load is a sum
export let PICKUPS_ONLY: bool = true; // no job delivers: a trip's peak load is its total
export let HAS_OPTIONAL: bool = false; // some jobs may stay unserved
export let SAME_VEHICLES: bool = true; // one vehicle class
export let HAS_RELEASE: bool = false; // release dates: a trip leaves after its jobs are released
export let HAS_FIXED: bool = false; // some vehicle has a fixed cost: using fewer vehicles can pay

// Derived by the core (not written by the host):
/** The reload visit pinned before the end of a return-empty vehicle's route, else -1. */
export let pinnedOf: StaticArray<i32> = new StaticArray<i32>(0);
export let PN: i32 = 0; // free reload slots (the pinned ones follow them)
export let HAS_ROUTECAP: bool = false;
// breaks: vehicle r owns breaks vBreakFirst[r] .. +vBreakCount[r]-1, sorted by first window
export let NB: i32 = 0; // breaks in all
/** Granular neighbour lists: per job, the KN nearest other jobs. */
export let neigh: StaticArray<i32> = new StaticArray<i32>(0);
/**
 * The smallest price of leaving a mandatory job unserved (the host sets each job's price in
 * jMiss, above any route cost); INF when every job is optional.
 */
export let MISSING_PENALTY: i64 = INF;
/**
 * Distinct cost matrices of the fleet (vCost offsets) when there are 2..MAX_COST_PROFILES of
 * them, else 0: a solution then caches every route's cumulative cost under each (Sol.cumCostP),
 * so that a tail moving to a vehicle with other costs is priced in O(1) (2-opt*).
 */
export let NCP: i32 = 0;
export const MAX_COST_PROFILES: i32 = 4;
/** The vCost offset of each cost profile. */
export let cpOff: StaticArray<i32> = new StaticArray<i32>(MAX_COST_PROFILES);
/** Each vehicle's cost profile (with NCP > 0). */
export let vCostIdx: StaticArray<i32> = new StaticArray<i32>(0);
/**
 * Distinct duration matrices (vDur offsets) of a timed fleet of several vehicle classes, up to
 * MAX_COST_PROFILES, else 0: a solution then caches every route's cumulative work (travel,
 * setup and service) under each (Sol.cumWorkP), a lower bound on the time a tail takes on a
 * vehicle of another class (feasibility.ts#fitsTail).
 */
export let NDP: i32 = 0;
/** The vDur offset of each duration profile. */
export let dpOff: StaticArray<i32> = new StaticArray<i32>(MAX_COST_PROFILES);
/** Each vehicle's duration profile (with NDP > 0). */
export let vDurIdx: StaticArray<i32> = new StaticArray<i32>(0);

/** Some arc has no road (NO_LIMIT in a cost matrix). */
export let HAS_UNREACHABLE: bool = false;

/** Allocates every problem array. */
export function allocProblem(jobs: i32, vehicles: i32, m: i32, matrices: i32, dims: i32, facilities: i32, windows: i32, classes: i32, breaks: i32): void {
  NB = breaks;
  N = jobs + 1;
  R = vehicles;
  M = m;
  D = max(dims, 1);
  F = facilities;
  NC = max(classes, 1);
  allocArrays(matrices, m, R, N, D, NC, F, windows, breaks);
  pinnedOf = new StaticArray<i32>(R);
}

/** Derives the feature flags and the reload pool size once the host has written the data. */
/**
 * The distinct values of the vehicles' matrix offsets `offsets` (up to MAX_COST_PROFILES, listed in
 * `list`, each vehicle's index in `index`); -1 when there are more.
 */
function distinctOffsets(offsets: StaticArray<i32>, list: StaticArray<i32>, index: StaticArray<i32>): i32 {
  let n = 0;
  for (let r = 0; r < R; r++) {
    const off = unchecked(offsets[r]);
    let k = 0;
    while (k < n && unchecked(list[k]) != off) k++;
    if (k == n) {
      if (n == MAX_COST_PROFILES) return -1;
      unchecked((list[n++] = off));
    }
    unchecked((index[r] = k));
  }
  return n;
}

export function finishProblem(): void {
  HAS_TIME = false;
  HAS_LIMITS = false;
  HAS_OPTIONAL = false;
  HAS_RELEASE = false;
  MISSING_PENALTY = INF;
  let deliveries = false;
  for (let v = 1; v < N; v++) {
    if (unchecked(jTwCount[v]) > 0) HAS_TIME = true;
    if (unchecked(jPrize[v]) > 0) HAS_OPTIONAL = true;
    else MISSING_PENALTY = min(MISSING_PENALTY, unchecked(jMiss[v]));
    if (unchecked(jRelease[v]) > 0) HAS_RELEASE = true;
    for (let k = 0; k < D; k++) if (unchecked(jDel[v * D + k]) != 0) deliveries = true;
  }
  SAME_VEHICLES = true;
  HAS_FIXED = false;
  for (let r = 0; r < R; r++) {
    if (unchecked(vFixed[r]) > 0) HAS_FIXED = true;
    if (unchecked(vTwStart[r]) > 0 || unchecked(vTwEnd[r]) < NO_LIMIT) HAS_TIME = true;
    if (unchecked(vMaxTravel[r]) < NO_LIMIT) HAS_TIME = true;
    if (unchecked(vMaxTasks[r]) < NO_LIMIT || unchecked(vMaxTravel[r]) < NO_LIMIT || unchecked(vMaxDist[r]) < NO_LIMIT) HAS_LIMITS = true;
    if (unchecked(vClass[r]) != unchecked(vClass[0])) SAME_VEHICLES = false;
  }
  // cost profiles
  vCostIdx = new StaticArray<i32>(R);
  NCP = distinctOffsets(vCost, cpOff, vCostIdx);
  if (NCP < 2) NCP = 0;
  // duration profiles, the same way
  vDurIdx = new StaticArray<i32>(R);
  NDP = distinctOffsets(vDur, dpOff, vDurIdx);
  for (let f = 0; f < F; f++) if (unchecked(fTwCount[f]) > 0) HAS_TIME = true;
  if (NB > 0 || HAS_RELEASE) HAS_TIME = true;
  if (NDP < 1 || NC < 2 || !HAS_TIME) NDP = 0;
  let reloads = false;
  let pinned = 0;
  HAS_ROUTECAP = false;
  for (let r = 0; r < R; r++) {
    if (F > 0 && unchecked(vFacMask[r]) != 0 && unchecked(vMaxReloads[r]) > 0) reloads = true;
    if (unchecked(vReturnEmpty[r]) != 0) pinned++;
    for (let k = 0; k < D; k++) if (unchecked(vRouteCap[r * D + k]) < NO_LIMIT) HAS_ROUTECAP = true;
  }
  if (pinned > 0) reloads = true;
  SIMPLE_LOAD = !deliveries && !reloads;
  PICKUPS_ONLY = !deliveries;
  if (!reloads && HAS_ROUTECAP) {
    // one trip per route: the route limit is just a tighter capacity
    for (let i = 0; i < R * D; i++) unchecked((vCap[i] = min(vCap[i], vRouteCap[i])));
    HAS_ROUTECAP = false;
  }
  HAS_UNREACHABLE = false;
  for (let i = 0, n = mats.length; i < n; i++) {
    if (unchecked(mats[i]) == NO_LIMIT) {
      HAS_UNREACHABLE = true;
      break;
    }
  }
  // at most one reload between two jobs: N reload slots suffice
  PN = reloads ? N : 0;
  P = PN + pinned;
  V = N + 2 * R + P;
  let k = 0;
  for (let r = 0; r < R; r++) unchecked((pinnedOf[r] = unchecked(vReturnEmpty[r]) != 0 ? N + 2 * R + PN + k++ : -1));
}

/*
 * Arcs. The default build reads them from the M×M matrices in `mats` (vCost, vDur, vDist hold
 * each vehicle's matrix offset). The geo build (compiled with `--use GEO_ARCS=1`, for problems
 * too large for full matrices) computes them from points instead: vCost = vDur = vDist = the
 * vehicle's arc class g, and with e the straight (chord) distance between the two points,
 *   distance = ⌊e · detour + ½⌋, duration = ⌊distance · secondsPerMetre + ½⌋,
 *   cost = ⌊perHour · duration / 3600 + perKm · distance / 1000 + ½⌋,
 * the rule of src/model/geoArcs.ts (same IEEE operations in the same order, so both sides agree
 * to the unit). `isDefined(GEO_ARCS)` is resolved at compile time: neither build pays a branch.
 */

/** Geo build: the rounded road distance of arc class g from location a to b. */
// @ts-ignore: decorator
@inline function geoDistance(g: i32, a: i32, b: i32): f64 {
  const dx = unchecked(geoPts[3 * a]) - unchecked(geoPts[3 * b]);
  const dy = unchecked(geoPts[3 * a + 1]) - unchecked(geoPts[3 * b + 1]);
  const dz = unchecked(geoPts[3 * a + 2]) - unchecked(geoPts[3 * b + 2]);
  return Math.floor(Math.sqrt(dx * dx + dy * dy + dz * dz) * unchecked(geoRule[4 * g]) + 0.5);
}

/** Geo build: the duration of a road distance in arc class g. */
// @ts-ignore: decorator
@inline function geoDuration(g: i32, d: f64): f64 {
  return Math.floor(d * unchecked(geoRule[4 * g + 1]) + 0.5);
}

/** Travel cost of vehicle r from location a to location b (UNREACHABLE_COST without a road). */
// @ts-ignore: decorator
@inline export function cost(r: i32, a: i32, b: i32): i64 {
  return costAt(unchecked(vCost[r]), a, b);
}

/** Travel cost from location a to b in the cost matrix at offset `off` (see vCost; the arc class in the geo build). */
// @ts-ignore: decorator
@inline export function costAt(off: i32, a: i32, b: i32): i64 {
  if (isDefined(GEO_ARCS)) {
    const d = geoDistance(off, a, b);
    const t = geoDuration(off, d);
    return <i64>Math.floor((unchecked(geoRule[4 * off + 2]) * t) / 3600 + (unchecked(geoRule[4 * off + 3]) * d) / 1000 + 0.5);
  }
  const c = unchecked(mats[off + a * M + b]);
  return c == NO_LIMIT ? UNREACHABLE_COST : <i64>c;
}

/** True when a cost (or a sum of costs with at most a few thousand arcs) uses an arc without a road. */
// @ts-ignore: decorator
@inline export function isUnreachableCost(c: i64): bool {
  return c >= (UNREACHABLE_COST >> 1);
}

/** Travel time of vehicle r (speed factor applied by the host). */
// @ts-ignore: decorator
@inline export function dur(r: i32, a: i32, b: i32): i64 {
  return durAt(unchecked(vDur[r]), a, b);
}

/** Travel time from location a to b in the duration matrix at offset `off` (a vDur value). */
// @ts-ignore: decorator
@inline export function durAt(off: i32, a: i32, b: i32): i64 {
  if (isDefined(GEO_ARCS)) return <i64>geoDuration(off, geoDistance(off, a, b));
  return <i64>unchecked(mats[off + a * M + b]);
}

/** Distance driven by vehicle r. */
// @ts-ignore: decorator
@inline export function dist(r: i32, a: i32, b: i32): i64 {
  if (isDefined(GEO_ARCS)) return <i64>geoDistance(unchecked(vDist[r]), a, b);
  return <i64>unchecked(mats[unchecked(vDist[r]) + a * M + b]);
}

/** Closeness of two jobs for the neighbour lists: the class-0 cost both ways. */
// @ts-ignore: decorator
@inline function closeness(i: i32, j: i32): i64 {
  const o = unchecked(vCost[0]);
  const a = unchecked(jLoc[i]);
  const b = unchecked(jLoc[j]);
  if (isDefined(GEO_ARCS)) return costAt(o, a, b) + costAt(o, b, a);
  return <i64>unchecked(mats[o + a * M + b]) + <i64>unchecked(mats[o + b * M + a]);
}

/** Builds the granular neighbour lists: the KN nearest other jobs of every job. */
export function buildNeighbours(maxK: i32): void {
  const n = N;
  KN = min(maxK, n - 2);
  if (KN < 0) KN = 0;
  neigh = new StaticArray<i32>(n * max(KN, 1));
  if (KN == 0) return;
  const keys = new StaticArray<i64>(KN);
  for (let i = 1; i < n; i++) {
    // partial selection of the KN smallest keys by insertion into a sorted prefix
    let cnt = 0;
    for (let j = 1; j < n; j++) {
      if (j == i) continue;
      // index as tie-break keeps the order deterministic
      const key: i64 = (closeness(i, j) << 20) | <i64>j;
      if (cnt == KN && key >= unchecked(keys[KN - 1])) continue;
      let p = cnt < KN ? cnt : KN - 1;
      while (p > 0 && unchecked(keys[p - 1]) > key) {
        unchecked((keys[p] = keys[p - 1]));
        p--;
      }
      unchecked((keys[p] = key));
      if (cnt < KN) cnt++;
    }
    for (let k = 0; k < KN; k++) unchecked((neigh[i * KN + k] = <i32>(keys[k] & 0xfffff)));
  }
}
