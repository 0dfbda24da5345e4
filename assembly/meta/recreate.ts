// Greedy insertion with blinks (SISR): the jobs to insert are sorted (random, largest
// amount, farthest from or closest to the first vehicle's start) and each goes to its
// cheapest feasible position, each position being skipped with a small probability.
// Candidate positions are those next to the job's nearest routed neighbours, plus one empty
// vehicle per class; a full scan runs only when none of those fits. An optional job stays
// out when its cheapest insertion costs more than its price (jMiss). Positions that need an
// arc without a road are never taken. When a vehicle may unload at
// facilities, a job that no longer fits a trip is tried with a reload stop next to it.

import {
  N, R, D, KN, NC, F, P, PN, INF, HAS_TIME, HAS_LIMITS, SIMPLE_LOAD, neigh, jPick, jPrize, vClass, vFixed, vStart, vFacMask,
  vMaxReloads, cost, fLoc, jLoc, isUnreachableCost,
} from '../model/problem';
import { Sol, startOf, endOf, missCostOf, countRoutes } from '../model/Sol';
import { fitsBetween, insertLoadsFit, seqStart, seqVisit, seqFits, twoVisitsTimeFit, reloadInsertCheck, resumeFits, DEBUG_CHECKS, failCode, RELOAD_NO, RELOAD_FITS, RELOAD_RESUME } from '../model/feasibility';
import { rngFloat, rngInt } from '../common/rng';
import { removed, nRemoved, touch, bannedRoute } from './ruin';
import { penOn, insertPenalty } from '../model/loadPenalty';
import { twOn, warpCost, routeWarpCost, betweenWarp } from '../model/timePenalty';

const BLINK: f64 = 0.01;
/** Neighbours whose positions are tried before falling back to a full scan. */
export let K_INSERT: i32 = 40;
/**
 * Above this many jobs, a job that fits next to none of its routed neighbours is tried at every
 * position of the routes of its KN nearest neighbours only, not of every route (O(n) trials,
 * each up to a route walk with reload stops): on 10,000 stops with thousands of jobs beyond the
 * fleet's reach the full scan took the whole budget.
 */
const FULL_SCAN_MAX_JOBS: i32 = 2000;
/** Routes marked for the narrowed scan (scanMark[r] == scanStamp). */
let scanMark: StaticArray<i32> = new StaticArray<i32>(0);
let scanStamp: i32 = 0;
let sortKey: StaticArray<i64> = new StaticArray<i64>(0);
// vehicles of each class, for finding an empty one
let classStart: StaticArray<i32> = new StaticArray<i32>(0);
let classVehicles: StaticArray<i32> = new StaticArray<i32>(0);
// best candidate of the current insertion
let bestCost: i64 = INF;
let bestA: i32 = -1;
let bestR: i32 = -1;
let bestFac: i32 = -1; // facility of a reload to add, -1 for none
let bestReloadFirst: bool = false; // reload before the job (else after it)
/**
 * Most vehicles the solution may use (fleet minimisation; otherwise no limit): an empty vehicle
 * is opened only while fewer are in use.
 */
let fleetLimit: i32 = 0x7fffffff;
/** Vehicles in use during the current recreate (counted only under a fleet limit). */
let usedVehicles: i32 = 0;

export function setFleetLimit(limit: i32): void {
  fleetLimit = limit;
}

export function recreateAlloc(): void {
  sortKey = new StaticArray<i64>(N);
  scanMark = new StaticArray<i32>(max(R, 1));
  scanStamp = 0;
  classStart = new StaticArray<i32>(NC + 1);
  classVehicles = new StaticArray<i32>(max(R, 1));
  for (let r = 0; r < R; r++) unchecked((classStart[vClass[r] + 1] += 1));
  for (let c = 0; c < NC; c++) unchecked((classStart[c + 1] += classStart[c]));
  const fill = new StaticArray<i32>(NC);
  for (let r = 0; r < R; r++) {
    const c = unchecked(vClass[r]);
    unchecked((classVehicles[classStart[c] + fill[c]] = r));
    unchecked((fill[c] += 1));
  }
}

/** Orders the jobs to insert by one of the SISR criteria (weights 4 random, 4 amount, 2 far, 1 close). */
function orderRemoved(): void {
  const cnt = nRemoved;
  for (let i = cnt - 1; i > 0; i--) {
    const j = rngInt(i + 1);
    const t = unchecked(removed[i]);
    unchecked((removed[i] = removed[j]));
    unchecked((removed[j] = t));
  }
  const w = rngInt(11);
  if (w < 4) return;
  const depot = unchecked(vStart[0]);
  for (let i = 0; i < cnt; i++) {
    const c = unchecked(removed[i]);
    let key: i64;
    if (w < 8) {
      let a: i64 = 0;
      for (let k = 0; k < D; k++) a += <i64>unchecked(jPick[c * D + k]);
      key = -a;
    } else if (w < 10) key = -cost(0, depot, jobLoc(c));
    else key = cost(0, depot, jobLoc(c));
    unchecked((sortKey[i] = key));
  }
  for (let i = 1; i < cnt; i++) {
    const k = unchecked(sortKey[i]);
    const c = unchecked(removed[i]);
    let j = i - 1;
    while (j >= 0 && unchecked(sortKey[j]) > k) {
      unchecked((sortKey[j + 1] = sortKey[j]));
      unchecked((removed[j + 1] = removed[j]));
      j--;
    }
    unchecked((sortKey[j + 1] = k));
    unchecked((removed[j + 1] = c));
  }
}

// @ts-ignore: decorator
@inline function jobLoc(c: i32): i32 {
  return unchecked(jLoc[c]);
}

/** Considers job c between a and next(a) in route r. */
// @ts-ignore: decorator
@inline function tryPosition(sol: Sol, c: i32, r: i32, a: i32): void {
  if (rngFloat() < BLINK) return;
  const b = unchecked(sol.next[a]);
  const la = unchecked(sol.vloc[a]);
  const lb = unchecked(sol.vloc[b]);
  const lc = unchecked(sol.vloc[c]);
  let delta = cost(r, la, lc) + cost(r, lc, lb) - cost(r, la, lb);
  if (unchecked(sol.rSize[r]) == 0) delta += <i64>unchecked(vFixed[r]);
  // penalised capacity (CVRP-like problems, during the annealing): excess load is priced, and
  // the load is all fitsBetween would check there (one vehicle class: every skill fits)
  if (penOn) delta += insertPenalty(sol, r, c);
  // penalised time windows (VRPTW-like problems, during the annealing): the time warp the job
  // adds is priced; fitsBetween then checks the loads only
  if (twOn && delta < bestCost) delta += warpCost(betweenWarp(sol, r, a, c, c, false, b)) - routeWarpCost(sol, r);
  if (delta >= bestCost || isUnreachableCost(delta)) return;
  if (penOn || fitsBetween(sol, r, a, c, c, false, b)) {
    bestCost = delta;
    bestA = a;
    bestR = r;
    bestFac = -1;
  } else if (PN > 0) {
    tryWithReload(sol, c, r, a, la, lb, lc);
  }
}

/** Job c between a and b with a reload stop just before or after it. */
function tryWithReload(sol: Sol, c: i32, r: i32, a: i32, la: i32, lb: i32, lc: i32): void {
  const mask = unchecked(vFacMask[r]);
  if (mask == 0 || unchecked(sol.reloadsUpto[endOf(r)]) >= unchecked(vMaxReloads[r])) return;
  // a reload only helps when the load is what blocks the plain insertion
  if (insertLoadsFit(sol, r, a, c, unchecked(sol.next[a]))) return;
  const fixed: i64 = unchecked(sol.rSize[r]) == 0 ? <i64>unchecked(vFixed[r]) : 0;
  const base = fixed - cost(r, la, lb);
  for (let o = 0; o < 2; o++) {
    const first = o == 0;
    // a → f → c → b  or  a → c → f → b: try the two cheapest facilities, cheapest first
    let tried: i64 = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      let f = -1;
      let total: i64 = bestCost;
      for (let g = 0; g < F; g++) {
        if (((mask >> <i64>g) & 1) == 0 || ((tried >> <i64>g) & 1) != 0) continue;
        const lf = unchecked(fLoc[g]);
        const t = first
          ? base + cost(r, la, lf) + cost(r, lf, lc) + cost(r, lc, lb)
          : base + cost(r, la, lc) + cost(r, lc, lf) + cost(r, lf, lb);
        if (t < total && !isUnreachableCost(t)) {
          total = t;
          f = g;
        }
      }
      if (f < 0) break;
      tried |= <i64>1 << <i64>f;
      if (!reloadFits(sol, r, a, c, f, first)) continue;
      bestCost = total;
      bestA = a;
      bestR = r;
      bestFac = f;
      bestReloadFirst = first;
      break;
    }
  }
}

/** Full check of route r with c and a reload at facility f inserted after a. */
function reloadFits(sol: Sol, r: i32, a: i32, c: i32, f: i32, reloadFirst: bool): bool {
  // a free reload slot stands in for the new stop; its facility is set for the check only
  const slot = freeReloadSlot(sol);
  if (slot < 0) return false;
  unchecked((sol.fac[slot] = f));
  unchecked((sol.vloc[slot] = fLoc[f]));
  // the split trips' loads, then the time from a's departure: most positions fail on one of
  // them, and when every break is before a they decide the route without the walk
  const b = unchecked(sol.next[a]);
  const verdict = reloadInsertCheck(sol, r, a, c, slot, reloadFirst);
  if (verdict == RELOAD_NO || !(reloadFirst ? twoVisitsTimeFit(sol, r, a, slot, c, b) : twoVisitsTimeFit(sol, r, a, c, slot, b))) {
    unchecked((sol.fac[slot] = -1));
    return false;
  }
  if (verdict == RELOAD_FITS || verdict == RELOAD_RESUME) {
    let ok = true;
    if (verdict == RELOAD_RESUME) {
      seqStart(sol, r);
      seqVisit(reloadFirst ? slot : c);
      seqVisit(reloadFirst ? c : slot);
      ok = resumeFits(sol, r, a, b, true);
      if (DEBUG_CHECKS) assert(ok == walkWithReload(sol, r, a, c, slot, reloadFirst), 'resumeFits disagrees with the walk (reload)');
    } else if (DEBUG_CHECKS && !walkWithReload(sol, r, a, c, slot, reloadFirst)) {
      trace('reload exact verdict but walk fails', 4, <f64>failCode, <f64>(reloadFirst ? 1 : 0), <f64>unchecked(sol.pos[a]), <f64>(unchecked(sol.next[a]) >= N ? 1 : 0));
      assert(false, 'reloadInsertCheck disagrees with the walk');
    }
    unchecked((sol.fac[slot] = -1));
    return ok;
  }
  const ok = walkWithReload(sol, r, a, c, slot, reloadFirst);
  unchecked((sol.fac[slot] = -1));
  return ok;
}

/** Route r with c and the reload visit `slot` after a, walked in full. */
function walkWithReload(sol: Sol, r: i32, a: i32, c: i32, slot: i32, reloadFirst: bool): bool {
  seqStart(sol, r);
  const e = endOf(r);
  let x = startOf(r);
  while (true) {
    if (x == a) {
      seqVisit(reloadFirst ? slot : c);
      seqVisit(reloadFirst ? c : slot);
    }
    x = unchecked(sol.next[x]);
    if (x == e) break;
    seqVisit(x);
  }
  return seqFits(sol, r);
}

function freeReloadSlot(sol: Sol): i32 {
  const base = N + 2 * R;
  for (let i = 0; i < PN; i++) if (unchecked(sol.route[base + i]) < 0) return base + i;
  return -1;
}

/** Reinserts the listed jobs into `sol`; changed routes are recorded with touch(). */
export function recreate(sol: Sol): void {
  orderRemoved();
  if (fleetLimit < 0x7fffffff) usedVehicles = countRoutes(sol);
  insertRange(sol, 0, nRemoved);
}

/** Sorts the list of jobs to insert (once, before insertRange is called in parts). */
export function orderForInsertion(): void {
  orderRemoved();
}

/**
 * Inserts the listed jobs from..to-1 in order. Without schedules, trips or limits the routes'
 * caches are refreshed by the caller at the end (only route loads are needed meanwhile).
 */
export function insertRange(sol: Sol, from: i32, to: i32): void {
  const route = sol.route;
  const kIns = min(K_INSERT, KN);
  const lazy = SIMPLE_LOAD && !HAS_TIME && !HAS_LIMITS;
  for (let i = from; i < to; i++) {
    const c = unchecked(removed[i]);
    bestCost = INF;
    bestA = -1;
    bestR = -1;
    bestFac = -1;
    const base = c * KN;
    let near = false;
    for (let k = 0; k < kIns; k++) {
      const w = unchecked(neigh[base + k]);
      const r = unchecked(route[w]);
      if (r < 0) continue;
      near = true;
      tryPosition(sol, c, r, w);
      tryPosition(sol, c, r, unchecked(sol.prev[w]));
    }
    // every position of every route: when no neighbour is routed yet, or on small problems
    if (bestA < 0) {
      // large problems: only the routes of the job's KN nearest neighbours
      const wide = !near || N <= FULL_SCAN_MAX_JOBS;
      scanStamp++;
      if (!wide) {
        for (let k = 0; k < KN; k++) {
          const r = unchecked(route[unchecked(neigh[base + k])]);
          if (r >= 0) unchecked((scanMark[r] = scanStamp));
        }
      }
      for (let r = 0; r < R; r++) {
        if (unchecked(sol.rSize[r]) == 0 || (!wide && unchecked(scanMark[r]) != scanStamp)) continue;
        const e = endOf(r);
        let a = startOf(r);
        while (a != e) {
          tryPosition(sol, c, r, a);
          a = unchecked(sol.next[a]);
        }
      }
    }
    // one empty vehicle per class
    for (let cl = 0; cl < NC && usedVehicles < fleetLimit; cl++) {
      for (let t = unchecked(classStart[cl]); t < unchecked(classStart[cl + 1]); t++) {
        const r = unchecked(classVehicles[t]);
        if (unchecked(sol.rSize[r]) != 0 || r == bannedRoute) continue;
        tryPosition(sol, c, r, startOf(r));
        break;
      }
    }
    if (bestA < 0) continue; // no feasible position: stays unserved
    if (unchecked(jPrize[c]) > 0 && bestCost >= missCostOf(c)) continue; // not worth its detour
    const r = bestR;
    if (unchecked(sol.rSize[r]) == 0) usedVehicles++;
    if (bestFac < 0) sol.insertJob(c, bestA, r);
    else if (bestReloadFirst) {
      const rv = sol.insertReload(bestFac, bestA, r);
      sol.insertJob(c, rv, r);
    } else {
      sol.insertJob(c, bestA, r);
      sol.insertReload(bestFac, c, r);
    }
    touch(r);
    if (!lazy) sol.updateRoute(r);
  }
}
