// SISR-style ruin (Christiaens & Vanden Berghe 2020, "Slack induction by string removals
// for vehicle routing problems", Transportation Science 54(2)): around a random seed job,
// remove one string of consecutive jobs (or a split string that keeps a block in its
// middle) from each of the next few routes met in the seed's neighbour list.

import { N, R, KN, neigh, vReturnEmpty, jPrize, MISSING_PENALTY, HAS_FIXED } from '../model/problem';
import { Sol, isBoundary, isReloadVisit, isPinned, startOf, endOf } from '../model/Sol';
import { rngFloat, rngInt } from '../common/rng';
import { clearMarks } from '../model/linkMarks';

/** Average number of removed jobs (c̄) and maximum string length (L_max). */
export let AVG_REMOVED: f64 = 10;
export let MAX_STRING: f64 = 10;
/** Probability of a split string, and the chance to stop growing the kept block. */
const SPLIT_RATE: f64 = 0.5;
const SPLIT_DEPTH: f64 = 0.01;
/** Random jobs looked at per step for unserved ones to retry. */
const RETRY_SAMPLES: i32 = 8;
/**
 * Most unserved mandatory jobs offered again per step (from a random place in the job list):
 * with thousands of them (10,000 bins beyond the fleet) offering all made each step take a
 * second.
 */
export const MAX_MANDATORY_RETRIES: i32 = 64;
/**
 * Route removal (vehicles with a fixed cost): the share of steps that empty the smaller of two
 * random routes and ban its vehicle from the recreate that follows, so that the step keeps
 * every job served only by fitting them into the other routes (after the route-elimination
 * idea of Nagata & Bräysy 2009; here judged by the annealing like any other step).
 */
const ROUTE_REMOVAL_RATE: f64 = 0.05;
/** The vehicle the current recreate may not use (-1: none). */
export let bannedRoute: i32 = -1;

export let removed: StaticArray<i32> = new StaticArray<i32>(0);
export let nRemoved: i32 = 0;
/** Routes changed by the last ruin and recreate, as a list and as per-route marks. */
export let touched: StaticArray<i32> = new StaticArray<i32>(0);
export let nTouched: i32 = 0;
let touchMark: StaticArray<i32> = new StaticArray<i32>(0);
let listMark: StaticArray<i32> = new StaticArray<i32>(0);
let epoch: i32 = 0;
/** Marks of the jobs listed for (re)insertion (listMark[c] == listEpoch). */
let listEpoch: i32 = 0;

export function ruinAlloc(jobs: i32, routes: i32): void {
  removed = new StaticArray<i32>(jobs);
  listMark = new StaticArray<i32>(jobs);
  touched = new StaticArray<i32>(routes);
  touchMark = new StaticArray<i32>(routes);
  epoch = 0;
  listEpoch = 0;
}

export function setRuinSize(avgRemoved: f64, maxString: f64): void {
  AVG_REMOVED = avgRemoved;
  MAX_STRING = maxString;
}

/** Starts a new ruin-and-recreate step: no route is marked as touched. */
export function beginStep(): void {
  clearMarks();
  bannedRoute = -1;
  epoch++;
  nTouched = 0;
  beginInsertList();
}

/** Starts a new, empty list of jobs to insert; the step's touched routes stay marked. */
export function beginInsertList(): void {
  listEpoch++;
  nRemoved = 0;
}

// @ts-ignore: decorator
@inline export function isTouched(r: i32): bool {
  return unchecked(touchMark[r]) == epoch;
}

export function touch(r: i32): void {
  if (unchecked(touchMark[r]) == epoch) return;
  unchecked((touchMark[r] = epoch));
  unchecked((touched[nTouched++] = r));
}

/** Adds an unserved job to the list of jobs to (re)insert, once. */
export function addToInsert(c: i32): void {
  if (unchecked(listMark[c]) == listEpoch) return;
  unchecked((listMark[c] = listEpoch));
  unchecked((removed[nRemoved++] = c));
}

// @ts-ignore: decorator
@inline function removeOne(sol: Sol, c: i32): void {
  sol.removeJob(c);
  addToInsert(c);
}

/**
 * Removes strings around a random seed job; touched routes get fresh caches afterwards. With
 * `routeRemoval` (and vehicles with a fixed cost) a share of the steps empty a whole route.
 * The strings are removed around `seedJob` when given, else around a random job; at most
 * `retries` unserved mandatory jobs from elsewhere are offered again.
 */
export function ruin(sol: Sol, nonEmptyRoutes: i32, routeRemoval: bool = true, seedJob: i32 = -1, retries: i32 = MAX_MANDATORY_RETRIES): void {
  bannedRoute = -1;
  if (routeRemoval && HAS_FIXED && nonEmptyRoutes > 1 && rngFloat() < ROUTE_REMOVAL_RATE) {
    removeRoute(sol);
    return;
  }
  const avgSize: f64 = <f64>(N - 1) / <f64>max(nonEmptyRoutes, 1);
  const lsMax: f64 = min(MAX_STRING, avgSize);
  const ksMax: f64 = (4.0 * AVG_REMOVED) / (1.0 + lsMax) - 1.0;
  const ks: i32 = <i32>(rngFloat() * max(ksMax, 1.0)) + 1;
  const seed = seedJob > 0 ? seedJob : 1 + rngInt(N - 1);
  const missingBefore = sol.miss; // unserved jobs before this ruin (removals below add to miss)
  let ruined = 0;
  for (let k = -1; k < KN && ruined < ks; k++) {
    const c = k < 0 ? seed : unchecked(neigh[seed * KN + k]);
    const r = unchecked(sol.route[c]);
    if (r < 0) {
      addToInsert(c); // unserved jobs near the seed get another chance
      continue;
    }
    if (isTouched(r)) continue;
    const size = unchecked(sol.rSize[r]);
    const lMax: f64 = min(<f64>size, lsMax);
    const l: i32 = min(<i32>(rngFloat() * lMax) + 1, size);
    if (rngFloat() < SPLIT_RATE && l < size) removeSplitString(sol, r, c, l);
    else removeString(sol, r, c, l);
    touch(r);
    ruined++;
  }
  // unserved jobs get another chance: every mandatory one (leaving it out costs more than any
  // route), and a few random optional ones (routes around them may have changed)
  retryUnserved(sol, missingBefore, retries);
  for (let t = 0; t < nTouched; t++) {
    const r = unchecked(touched[t]);
    dropIdleReloads(sol, r);
    sol.updateRoute(r);
  }
}

/**
 * Unserved jobs get another chance: mandatory ones (leaving one out costs more than any
 * route), at most MAX_MANDATORY_RETRIES of them from a random place in the list, and a few
 * random optional ones (routes around them may have changed).
 */
function retryUnserved(sol: Sol, missingBefore: i64, cap: i32): void {
  if (missingBefore >= MISSING_PENALTY) {
    let count = 0;
    for (let c = 1; c < N; c++) if (unchecked(sol.route[c]) < 0 && unchecked(jPrize[c]) == 0) count++;
    const from = count > cap ? 1 + rngInt(N - 1) : 1;
    let added = 0;
    for (let i = 0; i < N - 1 && added < cap; i++) {
      const c = 1 + ((from - 1 + i) % (N - 1));
      if (unchecked(sol.route[c]) < 0 && unchecked(jPrize[c]) == 0) {
        addToInsert(c);
        added++;
      }
    }
  }
  if (missingBefore > 0) {
    for (let i = 0; i < RETRY_SAMPLES; i++) {
      const c = 1 + rngInt(N - 1);
      if (unchecked(sol.route[c]) < 0) addToInsert(c);
    }
  }
}

/**
 * Empties route r: its jobs become unserved (and are not queued for reinsertion), its reload
 * stops go. Used by fleet minimisation to give up a vehicle.
 */
export function emptyRoute(sol: Sol, r: i32): void {
  const e = endOf(r);
  let v = unchecked(sol.next[startOf(r)]);
  while (v != e) {
    const nx = unchecked(sol.next[v]);
    if (v < N) sol.removeJob(v);
    v = nx;
  }
  dropIdleReloads(sol, r);
  sol.updateRoute(r);
}

/** Route removal: empties the smaller of two random used routes and bans its vehicle from this step's recreate. */
function removeRoute(sol: Sol): void {
  const missingBefore = sol.miss;
  let r = -1;
  for (let pick = 0; pick < 2; pick++) {
    // a random used route: the first used one from a random vehicle on
    const from = rngInt(R);
    let q = -1;
    for (let i = 0; i < R; i++) {
      const x = (from + i) % R;
      if (unchecked(sol.rSize[x]) > 0) {
        q = x;
        break;
      }
    }
    if (q >= 0 && (r < 0 || unchecked(sol.rSize[q]) < unchecked(sol.rSize[r]))) r = q;
  }
  if (r < 0) return;
  const e = endOf(r);
  let v = unchecked(sol.next[startOf(r)]);
  while (v != e) {
    const nx = unchecked(sol.next[v]);
    if (v < N) removeOne(sol, v);
    v = nx;
  }
  touch(r);
  bannedRoute = r;
  retryUnserved(sol, missingBefore, MAX_MANDATORY_RETRIES);
  dropIdleReloads(sol, r);
  sol.updateRoute(r);
}

/**
 * Removes reload visits that unload nothing (the trip before them is empty), and a last
 * reload before the end of a vehicle that need not return empty.
 */
export function dropIdleReloads(sol: Sol, r: i32): bool {
  let v = unchecked(sol.next[startOf(r)]);
  const e = endOf(r);
  const mustEndEmpty = unchecked(vReturnEmpty[r]) != 0;
  let changed = false;
  while (v != e) {
    const nx = unchecked(sol.next[v]);
    if (isReloadVisit(v) && !isPinned(v) && (isBoundary(unchecked(sol.prev[v])) || (nx == e && !mustEndEmpty))) {
      sol.removeReload(v);
      changed = true;
    }
    v = nx;
  }
  return changed;
}

/** Walks back from job c so that a string of `len` jobs containing c fits in route r. */
function stringStart(sol: Sol, r: i32, c: i32, len: i32): i32 {
  // jobs before c in the route, counted by walking (reload visits are not jobs)
  let before = 0;
  let w = unchecked(sol.prev[c]);
  while (!isBoundary(w) || isReloadVisit(w)) {
    if (!isBoundary(w)) before++;
    w = unchecked(sol.prev[w]);
  }
  const size = unchecked(sol.rSize[r]);
  const pc = before + 1;
  const lo = max(1, pc - len + 1);
  const hi = min(pc, size - len + 1);
  const st = lo + rngInt(hi - lo + 1);
  let v = c;
  let steps = pc - st;
  while (steps > 0) {
    v = unchecked(sol.prev[v]);
    if (!isBoundary(v)) steps--;
  }
  return v;
}

function removeString(sol: Sol, r: i32, c: i32, l: i32): void {
  let v = stringStart(sol, r, c, l);
  let left = l;
  while (left > 0) {
    const nx = unchecked(sol.next[v]);
    if (!isBoundary(v)) {
      removeOne(sol, v);
      left--;
    } else if (!isReloadVisit(v)) break;
    v = nx;
  }
}

function removeSplitString(sol: Sol, r: i32, c: i32, l: i32): void {
  const size = unchecked(sol.rSize[r]);
  let m = 1;
  while (l + m < size && rngFloat() >= SPLIT_DEPTH) m++;
  const total = l + m;
  let v = stringStart(sol, r, c, total);
  const keepFrom = rngInt(l + 1); // offset of the kept block inside the string
  let i = 0;
  while (i < total) {
    const nx = unchecked(sol.next[v]);
    if (!isBoundary(v)) {
      if (i < keepFrom || i >= keepFrom + m) removeOne(sol, v);
      i++;
    } else if (!isReloadVisit(v)) break;
    v = nx;
  }
}
