// Feasibility of a changed route, checked from the cached data of the current solution.
//
// fitsBetween: route r becomes [start..a] + S + [b..end], S a path of jobs (any route, or
//   one unrouted job), a before b in r. Loads, time and limits in O(|S|·D).
// fitsTail:   route r becomes [start..a] + [b..end of b's route] (2-opt*). O(D) when both
//   vehicles share a class, else a full walk (after an O(1) lower bound on the end time from
//   the tail's work under r's durations, Sol.cumWorkP, which refuses most tails that cannot fit).
// spliceFits: route r becomes [start..a] + S + [b..end], S any visits of jobs whose skills and
//   loads the caller has checked (a reordering inside r, or SWAP*'s exchange): the times from
//   a's cached departure against b's cached latest start (resumeFits with breaks after a:
//   with one break to come, first against the latest starts that leave room for it, Sol.late1,
//   which refuses most moves that cannot fit without the walk). O(|S|); answers SPLICE_WALK
//   where only the full walk can tell.
// seqFits:    any route described with seqStart/seqPath/seqVisit, walked in full (what the
//   checks above cannot decide: deliveries in a reordered route, vehicles of different
//   classes, release dates, route limits on a tail of another class). The one definition of
//   a feasible route: with recording on it also writes the route's schedule for the output
//   (output/writeSolution.ts), and its failure codes (FAIL_* from the protocol) explain
//   unserved jobs (output/trialInsert.ts).
//
// Loads use trip segments: for a part X of a trip, D_X (deliveries), P_X (pickups) and
// peak_X (largest load after a visit of X, counted from the part's start); concatenation is
// peak(X+Y) = max(peak_X + D_Y, P_X + peak_Y), and the trip is feasible when its peak ≤ Q.

import {
  N, R, D, NC, NB, INF, NO_LIMIT, SIMPLE_LOAD, PICKUPS_ONLY, HAS_TIME, HAS_LIMITS, P,
  vCap, vClass, vTwEnd, vTwStart, vMaxTasks, vMaxTravel, vMaxDist, vMaxReloads, vFacMask, vStart, vEnd,
  compat, dur, dist, cost, vBreakFirst, vBreakCount, bService, bMaxLoad, HAS_RELEASE, jRelease, HAS_ROUTECAP, vRouteCap, vReturnEmpty,
  HAS_UNREACHABLE, isUnreachableCost, bTwFirst, bTwCount, tw, NDP, dpOff, vDurIdx, durAt,
} from './problem';
import {
  FAIL_OK, FAIL_SKILLS, FAIL_FACILITY, FAIL_MAX_RELOADS, FAIL_MAX_TASKS, FAIL_RETURN_EMPTY, FAIL_ROUTE_CAPACITY,
  FAIL_TRIP_DELIVERIES, FAIL_CAPACITY, FAIL_BREAK_WINDOW, FAIL_BREAK_BEFORE_STOP, FAIL_BREAK_MAX_LOAD,
  FAIL_VEHICLE_TIME_WINDOW, FAIL_TIME_WINDOW, FAIL_MISSING_BREAK, FAIL_MAX_TRAVEL_TIME, FAIL_MAX_DISTANCE, FAIL_UNREACHABLE,
} from '../protocol.generated';
import { Sol, startOf, endOf, isBoundary, isReloadVisit, isEndVisit } from './Sol';
import { pickOf, delOf, earliestStart, latestStart, serviceOf, setupOf, breakStart } from './visit';
import { twOn } from './timePenalty';

// per-dimension scratch (no allocation in the search)
let segD: StaticArray<i32> = new StaticArray<i32>(1);
let segP: StaticArray<i32> = new StaticArray<i32>(1);
let segPeak: StaticArray<i32> = new StaticArray<i32>(1);
let seq: StaticArray<i32> = new StaticArray<i32>(1);
let seqLen: i32 = 0;
let posLoad: StaticArray<i32> = new StaticArray<i32>(1); // load after each sequence position, ×D
let posRelease: StaticArray<i32> = new StaticArray<i32>(1); // at a trip's opening position: its latest release
/** Where the last walked route takes its breaks: break i after sequence position breakAt[i] (-1 = at the start). */
export let breakAt: StaticArray<i32> = new StaticArray<i32>(1);

// The schedule of the last recorded walk (seqSchedule with `record`, for the output). Index p
// is sequence position p - 1 (0 = the start, n + 1 = the end).
/** Time the last recorded walk left the start (before waiting for release dates). */
export let walkStart: i64 = 0;
/** Arrival at the end of the last walk that got that far. */
export let walkEnd: i64 = 0;
export let posArrive: StaticArray<i64> = new StaticArray<i64>(1);
export let posBegin: StaticArray<i64> = new StaticArray<i64>(1);
export let posSetup: StaticArray<i64> = new StaticArray<i64>(1);
export let posDep: StaticArray<i64> = new StaticArray<i64>(1);
export let posTravel: StaticArray<i64> = new StaticArray<i64>(1);
export let posDist: StaticArray<i64> = new StaticArray<i64>(1);
export let breakArrive: StaticArray<i64> = new StaticArray<i64>(1);
export let breakBegin: StaticArray<i64> = new StaticArray<i64>(1);
export let breakTravel: StaticArray<i64> = new StaticArray<i64>(1);
export let breakDist: StaticArray<i64> = new StaticArray<i64>(1);

export function feasibilityAlloc(): void {
  segD = new StaticArray<i32>(D);
  segP = new StaticArray<i32>(D);
  segPeak = new StaticArray<i32>(D);
  seq = new StaticArray<i32>(N + 2 * R + P + 4);
  posLoad = new StaticArray<i32>((N + 2 * R + P + 5) * D);
  posRelease = new StaticArray<i32>(N + 2 * R + P + 5);
  let most = 1;
  for (let r = 0; r < R; r++) most = max(most, unchecked(vBreakCount[r]));
  breakAt = new StaticArray<i32>(most);
  const len = N + 2 * R + P + 5;
  posArrive = new StaticArray<i64>(len);
  posBegin = new StaticArray<i64>(len);
  posSetup = new StaticArray<i64>(len);
  posDep = new StaticArray<i64>(len);
  posTravel = new StaticArray<i64>(len);
  posDist = new StaticArray<i64>(len);
  breakArrive = new StaticArray<i64>(most);
  breakBegin = new StaticArray<i64>(most);
  breakTravel = new StaticArray<i64>(most);
  breakDist = new StaticArray<i64>(most);
  BREAK_LOADS = false;
  for (let i = 0; i < NB * D; i++) if (unchecked(bMaxLoad[i]) < NO_LIMIT) BREAK_LOADS = true;
}

/** bStep of a route whose break decisions are not cached: no prefix holds them all. */
const NO_BREAK_PREFIX: i32 = 0x7fffffff;

/**
 * Caches where route r's breaks fall, for the checks that would otherwise walk the whole
 * route: walks it once (the one walk, recording) and keeps each visit's departure with the
 * breaks (bdep) and the first position p such that every break decision was made while driving
 * to a visit at a position ≤ p (bStep). A decision before driving to the visit at position q
 * depends only on the route up to that visit, so a change after a visit at position ≥ bStep
 * leaves the schedule up to its departure, breaks included, as cached; the rest of the route
 * then has no break, and the break-free caches (late) are exact for it. Release dates keep
 * the full walk (bStep = NO_BREAK_PREFIX).
 */
export function cacheBreaks(sol: Sol, r: i32): void {
  unchecked((sol.bStep[r] = NO_BREAK_PREFIX));
  if (HAS_RELEASE || unchecked(vBreakCount[r]) == 0) return;
  const st = startOf(r);
  const en = endOf(r);
  unchecked((sol.bTaken[st] = -1));
  seqStart(sol, r);
  seqPath(sol, unchecked(sol.next[st]), unchecked(sol.prev[en]), false, unchecked(sol.next[st]) != en);
  if (!walk(sol, r, true, -1)) return;
  const n = seqLen;
  unchecked((sol.bdep[st] = posDep[0]));
  unchecked((sol.bTaken[st] = 0));
  for (let i = 0; i < n; i++) unchecked((sol.bdep[seq[i]] = posDep[i + 1]));
  let last = -1;
  const nb = unchecked(vBreakCount[r]);
  for (let k = 0; k < nb; k++) last = max(last, unchecked(breakAt[k]));
  // breaks taken before leaving each visit (breakAt is non-decreasing: breaks go in order)
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k < nb && unchecked(breakAt[k]) < i) k++;
    unchecked((sol.bTaken[seq[i]] = k));
  }
  // the break after sequence position q is decided driving to position q + 2 (q = -1: the start)
  unchecked((sol.bStep[r] = last + 2));
}

/**
 * True when every break of route r is decided before its route leaves visit a: then the route
 * up to a's departure (bdep) is as cached whatever follows a, and no break follows.
 */
// @ts-ignore: decorator
@inline function breaksBefore(sol: Sol, r: i32, a: i32): bool {
  return unchecked(sol.pos[a]) >= unchecked(sol.bStep[r]);
}

/**
 * Time relaxation of route r = [start..a] + x1 + x2 + [b..end] (two new visits, e.g. a job and
 * a reload stop): their schedule from a's cached departure against b's cached latest start.
 * Breaks and release dates only delay a route and the caches leave them out, so false means
 * the full walk would fail too; true decides nothing.
 */
export function twoVisitsTimeFit(sol: Sol, r: i32, a: i32, x1: i32, x2: i32, b: i32): bool {
  if (!HAS_TIME) return true;
  let t = unchecked(vBreakCount[r]) > 0 && breaksBefore(sol, r, a) ? unchecked(sol.bdep[a]) : unchecked(sol.dep[a]);
  let prevLoc = unchecked(sol.vloc[a]);
  for (let i = 0; i < 2; i++) {
    const x = i == 0 ? x1 : x2;
    const l = unchecked(sol.vloc[x]);
    const fac = unchecked(sol.fac[x]);
    const st = earliestStart(x, fac, t + dur(r, prevLoc, l));
    if (st < 0) return false;
    t = st + (l != prevLoc ? setupOf(x, fac) : 0) + serviceOf(x, fac);
    prevLoc = l;
  }
  return t + dur(r, prevLoc, unchecked(sol.vloc[b])) <= unchecked(sol.late[b]);
}

/** Route r becomes [start..a] + path + [b..end], walked in full (vehicles with breaks). */
function walkBetween(sol: Sol, r: i32, a: i32, s: i32, e: i32, rev: bool, b: i32): bool {
  assert(unchecked(sol.route[a]) == r && unchecked(sol.route[b]) == r, 'walkBetween: a or b not in route');
  seqStart(sol, r);
  const st = startOf(r);
  const en = endOf(r);
  seqPath(sol, unchecked(sol.next[st]), a, false, a != st);
  seqPath(sol, rev ? e : s, rev ? s : e, rev, true);
  seqPath(sol, b, unchecked(sol.prev[en]), false, b != en);
  return seqFits(sol, r);
}

/** Vehicle r may serve job x (skills). */
// @ts-ignore: decorator
@inline export function compatible(r: i32, x: i32): bool {
  return unchecked(compat[x * NC + unchecked(vClass[r])]) != 0;
}

/** Route r becomes [start..a] + path(s..e, reversed?) + [b..end]; true when feasible. */
export function fitsBetween(sol: Sol, r: i32, a: i32, s: i32, e: i32, rev: bool, b: i32): bool {
  // nothing may follow the final unload of a return-empty vehicle
  if (b == endOf(r) && unchecked(vReturnEmpty[r]) != 0) return false;
  // breaks and release dates only delay a route, and the caches ignore them: the checks below
  // are then a relaxation that prunes cheaply before the full walk at the end
  let needWalk = HAS_RELEASE || unchecked(vBreakCount[r]) > 0;
  // every break before a: the cached departure with breaks is exact, and nothing after a has one
  const exactFromA = needWalk && !HAS_RELEASE && HAS_TIME && breaksBefore(sol, r, a);
  if (exactFromA) needWalk = false;
  const next = sol.next;
  const prev = sol.prev;
  // skills and the segment's own loads
  for (let k = 0; k < D; k++) {
    unchecked((segD[k] = 0));
    unchecked((segP[k] = 0));
    unchecked((segPeak[k] = 0));
  }
  let nJobs = 0;
  let x = rev ? e : s;
  const last = rev ? s : e;
  while (true) {
    if (!compatible(r, x)) return false;
    nJobs++;
    if (!SIMPLE_LOAD) {
      for (let k = 0; k < D; k++) {
        const pk = pickOf(x, k);
        const dk = delOf(x, k);
        unchecked((segPeak[k] = max(segPeak[k] + dk, segP[k] + pk)));
        unchecked((segD[k] += dk));
        unchecked((segP[k] += pk));
      }
    } else {
      for (let k = 0; k < D; k++) unchecked((segP[k] += pickOf(x, k)));
    }
    if (x == last) break;
    x = rev ? unchecked(prev[x]) : unchecked(next[x]);
  }
  if (!loadsFit(sol, r, a, b, r)) return false;
  // penalised time windows (timePenalty.ts): the caller prices the time warp; nothing else to check
  if (twOn) return true;
  if (!HAS_TIME && !HAS_LIMITS) return !needWalk || walkBetween(sol, r, a, s, e, rev, b);
  // schedule through the segment, then the cached latest start of b
  let t = exactFromA ? unchecked(sol.bdep[a]) : unchecked(sol.dep[a]);
  let prevLoc = unchecked(sol.vloc[a]);
  let travel: i64 = 0;
  let distance: i64 = 0;
  x = rev ? e : s;
  while (true) {
    const l = unchecked(sol.vloc[x]);
    const tr = dur(r, prevLoc, l);
    travel += tr;
    if (HAS_LIMITS) distance += dist(r, prevLoc, l);
    if (HAS_TIME) {
      const st = earliestStart(x, -1, t + tr);
      if (st < 0) return false;
      t = st + (l != prevLoc ? setupOf(x, -1) : 0) + serviceOf(x, -1);
    }
    prevLoc = l;
    if (x == last) break;
    x = rev ? unchecked(prev[x]) : unchecked(next[x]);
  }
  const lb = unchecked(sol.vloc[b]);
  const trB = dur(r, prevLoc, lb);
  if (HAS_TIME && t + trB > unchecked(sol.late[b])) return false;
  if (HAS_LIMITS && !limitsFit(sol, r, a, b, r, nJobs, travel + trB, distance + dist(r, prevLoc, lb))) return false;
  if (!needWalk) return true;
  if (canResume(sol, r)) {
    seqStart(sol, r);
    seqPath(sol, rev ? e : s, rev ? s : e, rev, true);
    const fast = resumeFits(sol, r, a, b, true);
    if (DEBUG_CHECKS) assert(fast == walkBetween(sol, r, a, s, e, rev, b), 'resumeFits disagrees with the walk (between)');
    return fast;
  }
  return walkBetween(sol, r, a, s, e, rev, b);
}

/**
 * Loads of route r = [start..a] + segment (in segD/segP/segPeak) + [b..end of route rb]:
 * the route total against route_capacity, and the trip joining a, the segment and b against
 * the capacity (a sum with pickups only, the trip-segment concatenation otherwise).
 */
function loadsFit(sol: Sol, r: i32, a: i32, b: i32, rb: i32): bool {
  const pb = unchecked(sol.prev[b]);
  if (HAS_ROUTECAP) {
    const eb = endOf(rb);
    for (let k = 0; k < D; k++) {
      const tot = unchecked(sol.pTot[a * D + k]) + unchecked(segP[k]) + unchecked(sol.pTot[eb * D + k]) - unchecked(sol.pTot[pb * D + k]);
      if (tot > unchecked(vRouteCap[r * D + k])) return false;
    }
  }
  if (SIMPLE_LOAD) {
    for (let k = 0; k < D; k++) {
      const load = unchecked(sol.pUpto[a * D + k]) + unchecked(segP[k]) + unchecked(sol.rLoad[rb * D + k]) - unchecked(sol.pUpto[pb * D + k]);
      if (load > unchecked(vCap[r * D + k])) return false;
    }
    return true;
  }
  const bEmpty = isBoundary(b); // b starts a new trip (reload) or ends the route: nothing of its trip follows
  for (let k = 0; k < D; k++) {
    const peakA = headPeak(sol, a, k);
    const pA = headPickups(sol, a, k);
    const dB = bEmpty ? 0 : tailDeliveries(sol, b, k);
    const peakB = bEmpty ? 0 : tailPeak(sol, b, k);
    const peak = max(max(peakA + unchecked(segD[k]) + dB, pA + unchecked(segPeak[k]) + dB), pA + unchecked(segP[k]) + peakB);
    if (peak > unchecked(vCap[r * D + k])) return false;
  }
  return true;
}

/**
 * Route limits of route r = [start..a] + S + [b..end of route rb] (rb of r's class, so its
 * cumulative caches hold under r's matrices), where S holds `nJobs` jobs and the legs from a
 * through S to b take `travel` and `distance`: max tasks, max travel time and max distance
 * from the caches, the same sums as the walk. O(1).
 */
// @ts-ignore: decorator
@inline function limitsFit(sol: Sol, r: i32, a: i32, b: i32, rb: i32, nJobs: i32, travel: i64, distance: i64): bool {
  const eb = endOf(rb);
  const maxTasks = unchecked(vMaxTasks[r]);
  if (maxTasks < NO_LIMIT && unchecked(sol.jobsUpto[a]) + nJobs + unchecked(sol.rSize[rb]) - unchecked(sol.jobsUpto[unchecked(sol.prev[b])]) > maxTasks) return false;
  const maxTravel = unchecked(vMaxTravel[r]);
  if (maxTravel < NO_LIMIT && unchecked(sol.cumTravel[a]) + travel + unchecked(sol.cumTravel[eb]) - unchecked(sol.cumTravel[b]) > <i64>maxTravel) return false;
  const maxDist = unchecked(vMaxDist[r]);
  if (maxDist < NO_LIMIT && unchecked(sol.cumDist[a]) + distance + unchecked(sol.cumDist[eb]) - unchecked(sol.cumDist[b]) > <i64>maxDist) return false;
  return true;
}

// The parts of a trip, from the trip caches of the route (dimension k): the head is the trip
// up to and including a, the tail the trip from b on (b inside a trip, not a boundary).

/** Largest load over the head, counting only the head's own deliveries. */
// @ts-ignore: decorator
@inline function headPeak(sol: Sol, a: i32, k: i32): i32 {
  return unchecked(sol.prefMax[a * D + k]) - unchecked(sol.dAfter[a * D + k]);
}

/** Pickups of the head. */
// @ts-ignore: decorator
@inline function headPickups(sol: Sol, a: i32, k: i32): i32 {
  return unchecked(sol.pUpto[a * D + k]);
}

/** Deliveries of the tail. */
// @ts-ignore: decorator
@inline function tailDeliveries(sol: Sol, b: i32, k: i32): i32 {
  return unchecked(sol.dAfter[b * D + k]) + delOf(b, k);
}

/** Largest load over the tail, counted from the tail's start. */
// @ts-ignore: decorator
@inline function tailPeak(sol: Sol, b: i32, k: i32): i32 {
  return unchecked(sol.sufMax[b * D + k]) - unchecked(sol.pUpto[b * D + k]) + pickOf(b, k);
}

/** Would job c between a and b of route r respect the loads (trip capacity, route capacity)? */
export function insertLoadsFit(sol: Sol, r: i32, a: i32, c: i32, b: i32): bool {
  for (let k = 0; k < D; k++) {
    const p = pickOf(c, k);
    const d = delOf(c, k);
    unchecked((segD[k] = d));
    unchecked((segP[k] = p));
    unchecked((segPeak[k] = max(d, p)));
  }
  return loadsFit(sol, r, a, b, r);
}

/** Verdicts of `reloadInsertCheck`. */
export const RELOAD_NO: i32 = 0;
export const RELOAD_FITS: i32 = 1;
export const RELOAD_RESUME: i32 = 2;
export const RELOAD_WALK: i32 = 3;

/**
 * Job c and the reload stop `slot` (its facility and location set) inserted between a and
 * b = next(a) of route r (the reload first, or c first): the loads of the two trips the reload
 * splits a's trip into, the route limits, and whether the cached checks decide the whole route.
 * Returns RELOAD_NO when the loads or limits do not fit (the walk would fail on them too),
 * RELOAD_FITS when the route fits for certain — every break before a, no release dates,
 * skills and return-empty respected, and the caller's
 * `twoVisitsTimeFit` (exact from a's departure with breaks) passed — RELOAD_RESUME when only the
 * times with breaks after a are left (`resumeFits`), and RELOAD_WALK when only the full walk
 * can tell.
 */
export function reloadInsertCheck(sol: Sol, r: i32, a: i32, c: i32, slot: i32, reloadFirst: bool): i32 {
  const b = unchecked(sol.next[a]);
  const bEmpty = isBoundary(b);
  for (let k = 0; k < D; k++) {
    const cap = unchecked(vCap[r * D + k]);
    const p = pickOf(c, k);
    const d = delOf(c, k);
    const sPeak = max(d, p);
    if (reloadFirst) {
      // new trip: c, then the rest of a's trip from b
      const dB = bEmpty ? 0 : tailDeliveries(sol, b, k);
      const peakB = bEmpty ? 0 : tailPeak(sol, b, k);
      if (max(sPeak + dB, p + peakB) > cap) return RELOAD_NO;
    } else {
      // a's trip up to a, then c
      if (max(headPeak(sol, a, k) + d, headPickups(sol, a, k) + sPeak) > cap) return RELOAD_NO;
    }
    if (HAS_ROUTECAP && unchecked(sol.pTot[endOf(r) * D + k]) + p > unchecked(vRouteCap[r * D + k])) return RELOAD_NO;
  }
  if (HAS_RELEASE || HAS_UNREACHABLE || !compatible(r, c)) return RELOAD_WALK;
  if (b == endOf(r) && unchecked(vReturnEmpty[r]) != 0) return RELOAD_NO;
  if (HAS_LIMITS) {
    // the legs a → x1 → x2 → b in place of a → b, and one job more
    const x1 = reloadFirst ? slot : c;
    const x2 = reloadFirst ? c : slot;
    const la = unchecked(sol.vloc[a]);
    const l1 = unchecked(sol.vloc[x1]);
    const l2 = unchecked(sol.vloc[x2]);
    const lb = unchecked(sol.vloc[b]);
    const travel = dur(r, la, l1) + dur(r, l1, l2) + dur(r, l2, lb);
    const distance = dist(r, la, l1) + dist(r, l1, l2) + dist(r, l2, lb);
    if (!limitsFit(sol, r, a, b, r, 1, travel, distance)) return RELOAD_NO;
  }
  if (unchecked(vBreakCount[r]) > 0 && !(HAS_TIME && breaksBefore(sol, r, a))) return canResume(sol, r) ? RELOAD_RESUME : RELOAD_WALK;
  return RELOAD_FITS;
}

/** Route r becomes [start..a] + [b..end of b's route] (b may be that route's end visit). */
export function fitsTail(sol: Sol, r: i32, a: i32, b: i32): bool {
  const rb = unchecked(sol.route[b]);
  const pb = unchecked(sol.prev[b]);
  const eb = endOf(rb);
  // return-empty, loads and reloads depend on the jobs only, whatever the vehicle class
  if (unchecked(vReturnEmpty[r]) != 0 && (b == eb || !isReloadVisit(unchecked(sol.prev[eb])))) return false;
  for (let k = 0; k < D; k++) {
    unchecked((segD[k] = 0));
    unchecked((segP[k] = 0));
    unchecked((segPeak[k] = 0));
  }
  if (!loadsFit(sol, r, a, b, rb)) return false;
  if (P > 0) {
    const reloads = unchecked(sol.reloadsUpto[a]) + unchecked(sol.reloadsUpto[eb]) - unchecked(sol.reloadsUpto[pb]);
    if (reloads > unchecked(vMaxReloads[r])) return false;
  }
  // the cached times of b's route are its own vehicle's: another class needs the walk
  if (unchecked(vClass[rb]) != unchecked(vClass[r])) {
    if (NDP > 0 && !tailTimeMayFit(sol, r, a, b, rb)) {
      if (DEBUG_CHECKS) assert(!walkTail(sol, r, a, b, rb), 'tailTimeMayFit said no but the walk fits');
      return false;
    }
    if (HAS_LIMITS || !canResume(sol, r)) return walkTail(sol, r, a, b, rb);
    // skills and facilities of the tail for r; the times from a on, through the whole tail
    seqStart(sol, r);
    seqPath(sol, b, unchecked(sol.prev[eb]), false, b != eb);
    const fast = tailAllowed(sol, r) && resumeFits(sol, r, a, -1, false);
    if (DEBUG_CHECKS) assert(fast == walkTail(sol, r, a, b, rb), 'resumeFits disagrees with the walk (tail of another class)');
    return fast;
  }
  if ((!HAS_TIME || twOn) && !HAS_LIMITS) return true;
  const la = unchecked(sol.vloc[a]);
  const lb = unchecked(sol.vloc[b]);
  const tr = dur(r, la, lb);
  const exactFromA = !HAS_RELEASE && HAS_TIME && unchecked(vBreakCount[r]) > 0 && breaksBefore(sol, r, a);
  if (HAS_TIME && (exactFromA ? unchecked(sol.bdep[a]) : unchecked(sol.dep[a])) + tr > unchecked(sol.late[b])) return false;
  if (HAS_LIMITS && !limitsFit(sol, r, a, b, rb, 0, tr, dist(r, la, lb))) return false;
  // as in fitsBetween, the checks above relax breaks and release dates (exact when every break is before a)
  if (!((HAS_RELEASE || unchecked(vBreakCount[r]) > 0) && !exactFromA)) return true;
  if (canResume(sol, r)) {
    // same class: b's caches hold for r, so the walk may stop once every break is taken
    seqStart(sol, r);
    const fast = resumeFits(sol, r, a, b, true);
    if (DEBUG_CHECKS) assert(fast == walkTail(sol, r, a, b, rb), 'resumeFits disagrees with the walk (tail)');
    return fast;
  }
  return walkTail(sol, r, a, b, rb);
}

/**
 * A lower bound on when route r = [start..a] + [b..end of rb] (rb of another class) ends: a's
 * cached departure (with the breaks taken by then, when cached), the breaks still to take, and
 * the work of the tail under r's durations from the cumulative caches (waiting left out). False
 * when even that is past r's working hours: the walk would fail too. O(1).
 */
function tailTimeMayFit(sol: Sol, r: i32, a: i32, b: i32, rb: i32): bool {
  const nb = unchecked(vBreakCount[r]);
  let t: i64 = unchecked(sol.dep[a]);
  if (nb > 0 && !HAS_RELEASE && unchecked(sol.bTaken[startOf(r)]) >= 0) {
    // cached breaks: the departure with those taken by a, then the lengths of the others
    t = unchecked(sol.bdep[a]);
    const b0 = unchecked(vBreakFirst[r]);
    for (let k = unchecked(sol.bTaken[a]); k < nb; k++) t += <i64>unchecked(bService[b0 + k]);
  }
  const p = unchecked(vDurIdx[r]);
  const off = unchecked(dpOff[p]);
  const eb = endOf(rb);
  const la = unchecked(sol.vloc[a]);
  const le = unchecked(vEnd[r]);
  if (b == eb) return t + durAt(off, la, le) <= <i64>unchecked(vTwEnd[r]);
  const last = unchecked(sol.prev[eb]);
  const lb = unchecked(sol.vloc[b]);
  // the tail's work: arcs and own times after b (cumWorkP), and b's service
  const work = unchecked(sol.cumWorkP[last * NDP + p]) - unchecked(sol.cumWorkP[b * NDP + p]) + serviceOf(b, unchecked(sol.fac[b]));
  return t + durAt(off, la, lb) + work + durAt(off, unchecked(sol.vloc[last]), le) <= <i64>unchecked(vTwEnd[r]);
}

/** Skills, facilities and trip loads of the described sequence (a tail from another class's route) for vehicle r. */
function tailAllowed(sol: Sol, r: i32): bool {
  const fmask = unchecked(vFacMask[r]);
  for (let i = 0; i < seqLen; i++) {
    const x = unchecked(seq[i]);
    if (x < N) {
      if (!compatible(r, x)) return false;
    } else if (isReloadVisit(x) && ((fmask >> <i64>unchecked(sol.fac[x])) & 1) == 0) return false;
  }
  // the tail's later trips against r's capacity (its first trip, joined to a's, was checked
  // whole by loadsFit; here it counts from empty, which is weaker)
  return seqLoadsFit(r);
}

/** Route r becomes [start..a] + [b..end of rb], walked in full. */
function walkTail(sol: Sol, r: i32, a: i32, b: i32, rb: i32): bool {
  seqStart(sol, r);
  seqPath(sol, unchecked(sol.next[startOf(r)]), a, false, true);
  seqPath(sol, b, unchecked(sol.prev[endOf(rb)]), false, b != endOf(rb));
  return seqFits(sol, r);
}

/** Starts describing a new version of route r as a visit sequence (its start visit first). */
export function seqStart(sol: Sol, r: i32): void {
  seqLen = 0;
}

/** Appends the path first..last (following next, or prev when reversed); no-op when !nonEmpty. */
export function seqPath(sol: Sol, first: i32, last: i32, rev: bool, nonEmpty: bool): void {
  if (!nonEmpty) return;
  let x = first;
  while (true) {
    unchecked((seq[seqLen++] = x));
    if (x == last) break;
    x = rev ? unchecked(sol.prev[x]) : unchecked(sol.next[x]);
  }
}

/** Length of the sequence being described. */
export function seqLength(): i32 {
  return seqLen;
}

/** Visit at position i of the sequence. */
export function seqAt(i: i32): i32 {
  return unchecked(seq[i]);
}

/** Load in dimension d after sequence position row - 1 of the last walk (row 0: leaving the start). */
export function posLoadAt(row: i32, d: i32): i32 {
  return unchecked(posLoad[row * D + d]);
}

/** Appends one visit. */
export function seqVisit(v: i32): void {
  unchecked((seq[seqLen++] = v));
}

/** Walks the sequence built with seqPath/seqVisit as route r: every constraint, O(length·D). */
export function seqFits(sol: Sol, r: i32): bool {
  return walk(sol, r, false, -1);
}

/**
 * The same walk for the output: leaving the start at `departure` (-1: at the start of the
 * working hours), and with `record` writing the schedule (pos*, break* arrays, walkStart).
 */
export function seqSchedule(sol: Sol, r: i32, departure: i64, record: bool): bool {
  return record ? walk(sol, r, true, departure) : walk(sol, r, false, departure);
}

/**
 * The loads of the described sequence as route r, trip by trip (a trip starts with its
 * deliveries on board); writes the load after each position (posLoad) and sets failCode.
 */
// @ts-ignore: decorator
@inline function seqLoadsFit(r: i32): bool {
  const n = seqLen;
  for (let k = 0; k < D; k++) {
    const cap = unchecked(vCap[r * D + k]);
    let i = 0;
    let startPos = -1; // position of the trip's opening visit (start or reload)
    while (i <= n) {
      // deliveries of the trip starting after startPos
      let dTrip = 0;
      let j = i;
      while (j < n && !isReloadVisit(unchecked(seq[j]))) {
        dTrip += delOf(unchecked(seq[j]), k);
        j++;
      }
      if (dTrip > cap) { failCode = FAIL_TRIP_DELIVERIES; return false; }
      unchecked((posLoad[(startPos + 1) * D + k] = dTrip));
      let load = dTrip;
      for (let q = i; q < j; q++) {
        const x = unchecked(seq[q]);
        load += pickOf(x, k) - delOf(x, k);
        if (load > cap) { failCode = FAIL_CAPACITY; return false; }
        unchecked((posLoad[(q + 1) * D + k] = load));
      }
      startPos = j;
      i = j + 1;
    }
  }
  return true;
}

/** breakRule: the break waits for a later stop. */
const BREAK_LATER: i64 = -1;
/** breakRule: no window of the break is open now or later (FAIL_BREAK_WINDOW). */
const BREAK_NO_WINDOW: i64 = -2;
/** breakRule: the next stop's windows are closed after the wait (FAIL_BREAK_BEFORE_STOP). */
const BREAK_BLOCKS_STOP: i64 = -3;

/**
 * The break rule, one definition for the walk and for `resumeFits`. The vehicle is ready to
 * leave at time t and would drive tr to visit x at location l (x = -1: to the end). Break b is
 * taken now, where the vehicle is, when a window of it is open now, at the end of the route, or
 * when waiting until after x would miss every window; the answer is then its start (≥ 0), else
 * BREAK_LATER, or a failure (BREAK_NO_WINDOW, BREAK_BLOCKS_STOP).
 */
// @ts-ignore: decorator
@inline function breakRule(sol: Sol, b: i32, t: i64, tr: i64, x: i32, l: i32, prevLoc: i32): i64 {
  const bs = breakStart(b, t);
  if (bs < 0) return BREAK_NO_WINDOW;
  if (bs == t || x < 0) return bs;
  const fac = unchecked(sol.fac[x]);
  const st = earliestStart(x, fac, t + tr);
  if (st < 0) return BREAK_BLOCKS_STOP;
  const depNext = st + (l != prevLoc ? setupOf(x, fac) : 0) + serviceOf(x, fac);
  return breakStart(b, depNext) < 0 ? bs : BREAK_LATER;
}

/** Verdicts of `spliceFits`. */
export const SPLICE_NO: i32 = 0;
export const SPLICE_FITS: i32 = 1;
export const SPLICE_WALK: i32 = 2;

/**
 * Loads of a reordering inside one route need no check when no job delivers and no reload stop
 * moves: every trip keeps its jobs, and a trip's peak is then its total.
 */
// @ts-ignore: decorator
@inline export function reorderKeepsLoads(): bool {
  return PICKUPS_ONLY;
}

/**
 * Route r = [start..a] + the described sequence + [b..end of r] (b after a in r, the sequence
 * jobs only, all of them allowed on r with loads that fit: a reordering of r's own visits
 * between a and b when `reorderKeepsLoads()`, or an exchange whose loads the caller checked).
 * Nothing before a changes, so a's cached departure (with its breaks when every break is taken
 * by then) is exact; the sequence is walked from there and meets b's cached latest start, or
 * `resumeFits` takes the route on to where the breaks are done. Returns SPLICE_FITS or
 * SPLICE_NO, with the full walk's verdict, or SPLICE_WALK when release dates, break load
 * limits, a reload stop in the sequence or return-empty at the end leave it to the walk (route
 * limits and the route capacity come from the cumulative caches). O(|S|·D), O(visits up to the
 * last break) with a break after a.
 */
export function spliceFits(sol: Sol, r: i32, a: i32, b: i32): i32 {
  if (HAS_RELEASE || BREAK_LOADS) return SPLICE_WALK;
  if (b == endOf(r) && unchecked(vReturnEmpty[r]) != 0) return SPLICE_WALK;
  const n = seqLen;
  for (let i = 0; i < n; i++) if (unchecked(seq[i]) >= N) return SPLICE_WALK;
  if (HAS_ROUTECAP) {
    // the route's total: its pickups outside (a, b) and the sequence's
    const pb = unchecked(sol.prev[b]);
    const e = endOf(r);
    for (let k = 0; k < D; k++) {
      let tot = unchecked(sol.pTot[a * D + k]) + unchecked(sol.pTot[e * D + k]) - unchecked(sol.pTot[pb * D + k]);
      for (let i = 0; i < n; i++) tot += pickOf(unchecked(seq[i]), k);
      if (tot > unchecked(vRouteCap[r * D + k])) return SPLICE_NO;
    }
  }
  if (HAS_LIMITS) {
    // the n jobs of the sequence stand for those between a and b; the legs a → … → b
    let travel: i64 = 0;
    let distance: i64 = 0;
    let prevLoc = unchecked(sol.vloc[a]);
    for (let i = 0; i <= n; i++) {
      const l = unchecked(sol.vloc[i < n ? unchecked(seq[i]) : b]);
      travel += dur(r, prevLoc, l);
      distance += dist(r, prevLoc, l);
      prevLoc = l;
    }
    if (!limitsFit(sol, r, a, b, r, n, travel, distance)) return SPLICE_NO;
  }
  const nb = unchecked(vBreakCount[r]);
  let t: i64 = unchecked(sol.dep[a]);
  if (nb > 0) {
    if (!HAS_TIME) return SPLICE_WALK;
    if (!breaksBefore(sol, r, a)) {
      if (!canResume(sol, r)) return SPLICE_WALK;
      return resumeFits(sol, r, a, b, true) ? SPLICE_FITS : SPLICE_NO;
    }
    t = unchecked(sol.bdep[a]);
  }
  let prevLoc = unchecked(sol.vloc[a]);
  for (let i = 0; i <= n; i++) {
    const x = i < n ? unchecked(seq[i]) : b;
    const l = unchecked(sol.vloc[x]);
    const tr = dur(r, prevLoc, l);
    if (HAS_UNREACHABLE && (isUnreachableCost(cost(r, prevLoc, l)) || tr >= <i64>NO_LIMIT || dist(r, prevLoc, l) >= <i64>NO_LIMIT)) return SPLICE_NO;
    if (!HAS_TIME) {
      prevLoc = l;
      continue;
    }
    if (i == n) return t + tr <= unchecked(sol.late[b]) ? SPLICE_FITS : SPLICE_NO;
    const fac = unchecked(sol.fac[x]);
    const st = earliestStart(x, fac, t + tr);
    if (st < 0) return SPLICE_NO;
    t = st + (l != prevLoc ? setupOf(x, fac) : 0) + serviceOf(x, fac);
    prevLoc = l;
  }
  return SPLICE_FITS;
}

/** Debug builds (the tests) check every shortcut of the walk against the walk itself. */
export const DEBUG_CHECKS: bool = !isDefined(ASC_NO_ASSERT) || !ASC_NO_ASSERT;

/** Some break has a maximum load: `resumeFits` does not follow loads, so those routes take the walk. */
let BREAK_LOADS: bool = false;

/**
 * True when `resumeFits` may decide route r: its breaks are cached (bdep, bTaken), no break
 * has a load limit and no release date applies.
 */
// @ts-ignore: decorator
@inline export function canResume(sol: Sol, r: i32): bool {
  return !HAS_RELEASE && !BREAK_LOADS && HAS_TIME && unchecked(vBreakCount[r]) > 0 && unchecked(sol.bTaken[startOf(r)]) >= 0;
}

/** Visits `resumeFits` has walked so far, wrapping (for callers that bound their work). */
export let resumeSteps: i32 = 0;

/**
 * Times and breaks of route r = [start..a] + the described sequence + [b..end of b's route]
 * (b = -1: the sequence ends the route), walked from a's cached departure and breaks (bdep,
 * bTaken) instead of from the start: the route up to a is r's own, and every break decision
 * before a depends only on it. The caller has checked everything else exactly (skills, loads,
 * reloads, limits) and `canResume(sol, r)`. With `suffixCached` (b in a route of r's class),
 * the walk stops at the first visit of [b..] it reaches with every break taken: from there the
 * break-free latest start (late) is exact. Same verdict as the full walk, O(visits up to that point).
 */
export function resumeFits(sol: Sol, r: i32, a: i32, b: i32, suffixCached: bool): bool {
  // one break still to take: most moves that cannot fit are refused in O(|sequence|)
  if (unchecked(vBreakCount[r]) == 1 && unchecked(sol.bTaken[a]) == 0 && suffixCached && b >= 0 && !breakMayFit(sol, r, a, b)) {
    if (DEBUG_CHECKS) assert(!resumeWalk(sol, r, a, b, suffixCached), 'breakMayFit said no but the walk fits');
    return false;
  }
  return resumeWalk(sol, r, a, b, suffixCached);
}

/**
 * Route r's one break is still to take after a, and the described sequence goes between a and
 * b (b's caches hold for r). Relaxes the break rule to "in any gap": the earliest schedule with
 * the break still to take (t0) and with it taken in some gap so far (t1) against b's latest
 * starts with (late1) and without (late) the break to come. False when neither fits: then no
 * placement of the break fits, so the walk would fail too. O(|sequence|).
 */
function breakMayFit(sol: Sol, r: i32, a: i32, b: i32): bool {
  const rb = unchecked(sol.route[b]);
  const atEnd = isEndVisit(b);
  // b's late1 assumes its own vehicle's break: the same break as r's, or b ends the route
  if (!atEnd && rb != r && !sameBreak(r, rb)) return true;
  const brk = unchecked(vBreakFirst[r]);
  const len = <i64>unchecked(bService[brk]);
  let t0 = unchecked(sol.bdep[a]);
  let t1: i64 = INF;
  let prevLoc = unchecked(sol.vloc[a]);
  const n = seqLen;
  for (let i = 0; i <= n; i++) {
    const x = i < n ? unchecked(seq[i]) : b;
    const l = atEnd && i == n ? unchecked(vEnd[r]) : unchecked(sol.vloc[x]);
    const tr = dur(r, prevLoc, l);
    // the break in this gap
    if (t0 < INF) {
      const bs = breakStart(brk, t0);
      if (bs >= 0) t1 = min(t1, bs + len);
    }
    if (i == n) {
      if (atEnd) return t1 < INF && t1 + tr <= <i64>unchecked(vTwEnd[r]);
      return (t0 < INF && t0 + tr <= unchecked(sol.late1[b])) || (t1 < INF && t1 + tr <= unchecked(sol.late[b]));
    }
    const fac = unchecked(sol.fac[x]);
    const own = (l != prevLoc ? setupOf(x, fac) : 0) + serviceOf(x, fac);
    if (t0 < INF) {
      const st = earliestStart(x, fac, t0 + tr);
      t0 = st < 0 ? INF : st + own;
    }
    if (t1 < INF) {
      const st = earliestStart(x, fac, t1 + tr);
      t1 = st < 0 ? INF : st + own;
    }
    if (t0 == INF && t1 == INF) return false;
    prevLoc = l;
  }
  return true;
}

/** Vehicles r and q have one break each, with the same windows and length. */
function sameBreak(r: i32, q: i32): bool {
  if (unchecked(vBreakCount[q]) != 1) return false;
  const x = unchecked(vBreakFirst[r]);
  const y = unchecked(vBreakFirst[q]);
  if (x == y) return true;
  if (unchecked(bService[x]) != unchecked(bService[y])) return false;
  const c = unchecked(bTwCount[x]);
  if (unchecked(bTwCount[y]) != c) return false;
  const fx = unchecked(bTwFirst[x]);
  const fy = unchecked(bTwFirst[y]);
  for (let i = 0; i < 2 * c; i++) if (unchecked(tw[2 * fx + i]) != unchecked(tw[2 * fy + i])) return false;
  return true;
}

/** resumeFits' walk from a's cached departure and breaks. */
function resumeWalk(sol: Sol, r: i32, a: i32, b: i32, suffixCached: bool): bool {
  const n = seqLen;
  const nb = unchecked(vBreakCount[r]);
  const b0 = unchecked(vBreakFirst[r]);
  let t = unchecked(sol.bdep[a]);
  let pending = unchecked(sol.bTaken[a]);
  let prevLoc = unchecked(sol.vloc[a]);
  let i = 0;
  let inSuffix = n == 0;
  let x = n > 0 ? unchecked(seq[0]) : b >= 0 ? b : endOf(r);
  while (true) {
    const atEnd = isEndVisit(x);
    const l = atEnd ? unchecked(vEnd[r]) : unchecked(sol.vloc[x]);
    const tr = dur(r, prevLoc, l);
    if (HAS_UNREACHABLE && (isUnreachableCost(cost(r, prevLoc, l)) || tr >= <i64>NO_LIMIT || dist(r, prevLoc, l) >= <i64>NO_LIMIT)) return false;
    while (pending < nb) {
      const bb = b0 + pending;
      const bs = breakRule(sol, bb, t, tr, atEnd ? -1 : x, l, prevLoc);
      if (bs == BREAK_LATER) break;
      if (bs < 0) return false;
      t = bs + <i64>unchecked(bService[bb]);
      pending++;
    }
    resumeSteps++;
    if (atEnd) return pending == nb && t + tr <= <i64>unchecked(vTwEnd[r]);
    if (inSuffix && suffixCached && pending == nb) return t + tr <= unchecked(sol.late[x]);
    const fac = unchecked(sol.fac[x]);
    const st = earliestStart(x, fac, t + tr);
    if (st < 0) return false;
    t = st + (l != prevLoc ? setupOf(x, fac) : 0) + serviceOf(x, fac);
    prevLoc = l;
    if (inSuffix) {
      x = unchecked(sol.next[x]);
    } else if (++i < n) {
      x = unchecked(seq[i]);
    } else {
      inSuffix = true;
      x = b >= 0 ? b : endOf(r);
    }
  }
  return false;
}

/**
 * The one route walk. Inlined into seqFits and seqSchedule with constant `record`, so the
 * search's walk carries no recording code.
 */
// @ts-ignore: decorator
@inline function walk(sol: Sol, r: i32, record: bool, departure: i64): bool {
  const n = seqLen;
  // skills, tasks, reloads
  let jobs = 0;
  let reloads = 0;
  const fmask = unchecked(vFacMask[r]);
  for (let i = 0; i < n; i++) {
    const x = unchecked(seq[i]);
    if (x < N) {
      if (!compatible(r, x)) { failCode = FAIL_SKILLS; return false; }
      jobs++;
    } else if (isReloadVisit(x)) {
      reloads++;
      if (((fmask >> <i64>unchecked(sol.fac[x])) & 1) == 0) { failCode = FAIL_FACILITY; return false; }
    }
  }
  if (reloads > 0 && reloads > unchecked(vMaxReloads[r])) { failCode = FAIL_MAX_RELOADS; return false; }
  if (jobs > unchecked(vMaxTasks[r])) { failCode = FAIL_MAX_TASKS; return false; }
  if (unchecked(vReturnEmpty[r]) != 0 && n > 0 && !isReloadVisit(unchecked(seq[n - 1]))) { failCode = FAIL_RETURN_EMPTY; return false; }
  if (HAS_ROUTECAP) {
    for (let k = 0; k < D; k++) {
      let tot = 0;
      for (let i = 0; i < n; i++) tot += pickOf(unchecked(seq[i]), k);
      if (tot > unchecked(vRouteCap[r * D + k])) { failCode = FAIL_ROUTE_CAPACITY; return false; }
    }
  }
  if (!seqLoadsFit(r)) return false;
  if (!HAS_TIME && !HAS_LIMITS && !HAS_UNREACHABLE && !record) {
    failCode = FAIL_OK;
    return true;
  }
  if (HAS_RELEASE) {
    // latest release of each trip, stored at the trip's opening position (-1 = route start)
    let rel = 0;
    for (let i = n - 1; i >= -1; i--) {
      const x = i >= 0 ? unchecked(seq[i]) : -1;
      if (i < 0 || isReloadVisit(x)) {
        unchecked((posRelease[i + 1] = rel));
        rel = 0;
      } else if (x < N) rel = max(rel, unchecked(jRelease[x]));
    }
  }
  let prevLoc = unchecked(vStart[r]);
  let t: i64 = departure >= 0 ? departure : <i64>unchecked(vTwStart[r]);
  let travel: i64 = 0;
  let distance: i64 = 0;
  const nb = unchecked(vBreakCount[r]);
  const b0 = unchecked(vBreakFirst[r]);
  let pending = 0;
  if (record) {
    walkStart = t;
    unchecked((posDep[0] = t));
  }
  for (let i = 0; i <= n; i++) {
    const x = i < n ? unchecked(seq[i]) : -1;
    const l = i < n ? unchecked(sol.vloc[x]) : unchecked(vEnd[r]);
    const tr = dur(r, prevLoc, l);
    if (HAS_UNREACHABLE && (isUnreachableCost(cost(r, prevLoc, l)) || tr >= <i64>NO_LIMIT || dist(r, prevLoc, l) >= <i64>NO_LIMIT)) {
      failCode = FAIL_UNREACHABLE;
      return false;
    }
    // a trip leaves its opening stop only once all its jobs are released
    if (HAS_RELEASE && (i == 0 || isReloadVisit(unchecked(seq[i - 1])))) t = max(t, <i64>unchecked(posRelease[i]));
    if (record && i == 0) unchecked((posDep[0] = t));
    // breaks happen where the vehicle is, before it drives on: as soon as a window is open,
    // or when waiting longer would miss it, and always before the end
    while (pending < nb) {
      const b = b0 + pending;
      const bs = breakRule(sol, b, t, tr, x, l, prevLoc);
      if (bs == BREAK_LATER) break;
      if (bs == BREAK_NO_WINDOW) { failCode = FAIL_BREAK_WINDOW; return false; }
      if (bs == BREAK_BLOCKS_STOP) { failCode = FAIL_BREAK_BEFORE_STOP; return false; }
      for (let k = 0; k < D; k++) {
        if (unchecked(posLoad[i * D + k]) > unchecked(bMaxLoad[b * D + k])) { failCode = FAIL_BREAK_MAX_LOAD; return false; }
      }
      unchecked((breakAt[pending] = i - 1));
      if (record) {
        unchecked((breakArrive[pending] = t));
        unchecked((breakBegin[pending] = bs));
        unchecked((breakTravel[pending] = travel));
        unchecked((breakDist[pending] = distance));
      }
      t = bs + <i64>unchecked(bService[b]);
      pending++;
    }
    travel += tr;
    distance += dist(r, prevLoc, l);
    if (i == n) {
      t += tr;
      if (record) {
        unchecked((posArrive[n + 1] = t));
        unchecked((posTravel[n + 1] = travel));
        unchecked((posDist[n + 1] = distance));
      }
      walkEnd = t;
      if (t > <i64>unchecked(vTwEnd[r])) { failCode = FAIL_VEHICLE_TIME_WINDOW; return false; }
      break;
    }
    const fac = unchecked(sol.fac[x]);
    const st = earliestStart(x, fac, t + tr);
    if (st < 0) { failCode = FAIL_TIME_WINDOW; return false; }
    const setup = l != prevLoc ? setupOf(x, fac) : 0;
    if (record) {
      unchecked((posArrive[i + 1] = t + tr));
      unchecked((posBegin[i + 1] = st));
      unchecked((posSetup[i + 1] = setup));
      unchecked((posTravel[i + 1] = travel));
      unchecked((posDist[i + 1] = distance));
    }
    t = st + setup + serviceOf(x, fac);
    if (record) unchecked((posDep[i + 1] = t));
    prevLoc = l;
  }
  if (pending < nb) { failCode = FAIL_MISSING_BREAK; return false; }
  if (travel > <i64>unchecked(vMaxTravel[r])) { failCode = FAIL_MAX_TRAVEL_TIME; return false; }
  if (distance > <i64>unchecked(vMaxDist[r])) { failCode = FAIL_MAX_DISTANCE; return false; }
  failCode = FAIL_OK;
  return true;
}

/** Describes route r as it stands (for the output), walking it once to place its breaks. */
export function walkCurrent(sol: Sol, r: i32): i32 {
  seqStart(sol, r);
  const st = startOf(r);
  const en = endOf(r);
  seqPath(sol, unchecked(sol.next[st]), unchecked(sol.prev[en]), false, unchecked(sol.next[st]) != en);
  lastWalkOk = seqFits(sol, r);
  return seqLen;
}

/** Which test of seqFits failed last (FAIL_* in protocol.generated.ts; FAIL_OK after a pass). */
export let failCode: i32 = 0;

/** Whether the route walked by the last walkCurrent is feasible. */
export let lastWalkOk: bool = true;

export { INF, latestStart };
