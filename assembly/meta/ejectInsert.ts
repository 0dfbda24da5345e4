// Insertion with ejections, after the route-minimisation heuristic of Nagata & Bräysy (2009,
// "A powerful route minimization heuristic for the vehicle routing problem with time windows",
// Operations Research Letters 37(5), §2.3): a job that fits nowhere on a closed fleet goes in
// anyway, and up to EJECT_MAX jobs of the same route leave to make it feasible. Among all the
// ways to do so, the one whose ejected jobs have been left out least often so far (the smallest
// sum of their absences) wins, so the jobs that are hard to place stay in and the easy ones
// move on. Ties go to fewer ejected jobs, then to the shorter detour.
//
// The search is bounded for long routes: the jobs tried for ejection are the EJECT_WINDOW visits
// on either side of the insertion point, and positions are only tried next to one of the job's
// EJECT_NEIGHBOURS nearest neighbours (every position of a route of up to EJECT_ALL_POSITIONS
// jobs). A candidate changes the route only between the first and the last visit it touches:
// on routes of jobs only without deliveries, the loads are a sum and that part is checked from
// the cached schedule (`spliceFits`, O(part)); otherwise, or when spliceFits cannot tell, the
// route is walked in full (`seqFits`), so breaks, reloads, skills and multiple windows are
// honoured as everywhere else.

import { R, D, KN, neigh, jPrize, vCap, cost } from '../model/problem';
import { Sol, startOf, endOf, locOf } from '../model/Sol';
import { isJob, isPinned, pickOf } from '../model/visit';
import { seqStart, seqVisit, seqFits, spliceFits, compatible, reorderKeepsLoads, resumeSteps, SPLICE_WALK, SPLICE_FITS, DEBUG_CHECKS } from '../model/feasibility';
import { rngInt } from '../common/rng';
import { touch } from './ruin';

/** Most jobs ejected for one insertion (Nagata & Bräysy use 5 with a faster, incremental check). */
const EJECT_MAX: i32 = 3;
/** Jobs on either side of the insertion point that may be ejected. */
const EJECT_WINDOW: i32 = 4;
/** Neighbours of the job next to which positions are tried. */
const EJECT_NEIGHBOURS: i32 = 20;
/** Routes with at most this many visits are tried at every position. */
const EJECT_ALL_POSITIONS: i32 = 12;
/**
 * Work per call, at most, counted in visits checked: the search stops there and keeps its best.
 * A visit checked from the cache (spliceFits) counts 1; a visit of a full walk, or of the walk
 * spliceFits resumes up to a break after the change, counts WALK_WEIGHT, since the walk also
 * follows every load dimension, the breaks and the limits.
 * On Kim's routes of 100-300 stops (a lunch break, and a stop limit that then sent every
 * candidate to the full walk) the uncapped search made fleet steps 3× slower, and a cap of
 * 200,000 walked visits still 20-30 % slower.
 */
const EJECT_WORK: i32 = 200000;
const WALK_WEIGHT: i32 = 4;

/** The inner visits of the route being searched, in order. */
let vis: StaticArray<i32> = new StaticArray<i32>(0);
/** Per visit of `vis`: 1 when it is ejected in the candidate being walked. */
let out: StaticArray<i32> = new StaticArray<i32>(0);
/** Indices into `vis` of the jobs that may be ejected at the current position. */
let cand: StaticArray<i32> = new StaticArray<i32>(0);
/** Per visit of `vis`: the reload stops up to it, itself included (its trip's number). */
let tripOf: StaticArray<i32> = new StaticArray<i32>(0);
/** Per trip and dimension: the trip's load (the sum of its pickups), when no job delivers. */
let tripLoad: StaticArray<i32> = new StaticArray<i32>(0);
/** Marks of the job's neighbours (nearMark[x] == nearStamp). */
let nearMark: StaticArray<i32> = new StaticArray<i32>(0);
let nearStamp: i32 = 0;
/** Routes already searched in this call (routeMark[r] == routeStamp). */
let routeMark: StaticArray<i32> = new StaticArray<i32>(0);
let routeStamp: i32 = 0;
/** Visits walked or spliced so far in this call. */
let work: i32 = 0;
/** The ejected jobs of the last successful `ejectInsert`. */
export let ejected: StaticArray<i32> = new StaticArray<i32>(EJECT_MAX);
export let nEjected: i32 = 0;

// the best candidate so far
let bestSum: i64 = 0;
let bestCount: i32 = 0;
let bestDetour: i64 = 0;
let bestTies: i32 = 0;
let bestR: i32 = -1;
let bestPos: i32 = -1;
let bestSet: StaticArray<i32> = new StaticArray<i32>(EJECT_MAX);

/** Allocates the work arrays for `visits` visits (jobs, route ends and reload stops). */
export function ejectAlloc(visits: i32): void {
  vis = new StaticArray<i32>(visits);
  out = new StaticArray<i32>(visits);
  cand = new StaticArray<i32>(2 * EJECT_WINDOW);
  tripOf = new StaticArray<i32>(visits);
  tripLoad = new StaticArray<i32>((visits + 1) * max(D, 1));
  nearMark = new StaticArray<i32>(visits);
  nearStamp = 0;
  routeMark = new StaticArray<i32>(max(R, 1));
  routeStamp = 0;
}

/**
 * Puts unserved job `v` into a route of `sol`, ejecting at most EJECT_MAX jobs of that route so
 * that it stays feasible, choosing the ejections with the smallest sum of `weight` (then the
 * fewest, then the shortest detour; remaining ties at random). Only choices whose weight sum is
 * below `bound` are taken. Returns false (and changes nothing) when there is none; otherwise the
 * ejected jobs are in `ejected[0..nEjected)`, unserved, and the route is touched (its caches
 * are refreshed).
 *
 * @example
 * // fleet minimisation: job v has been left out 7 times; eject jobs left out less often
 * if (ejectInsert(trial, v, absences, 7)) for (let i = 0; i < nEjected; i++) addToInsert(ejected[i]);
 */
export function ejectInsert(sol: Sol, v: i32, weight: StaticArray<i32>, bound: i64): bool {
  nEjected = 0;
  bestR = -1;
  bestSum = bound;
  bestCount = EJECT_MAX + 1;
  bestDetour = 0;
  bestTies = 0;
  nearStamp++;
  const kNear = min(EJECT_NEIGHBOURS, KN);
  for (let k = 0; k < kNear; k++) unchecked((nearMark[unchecked(neigh[v * KN + k])] = nearStamp));
  work = 0;
  if (kNear == 0) {
    for (let r = 0; r < R; r++) if (unchecked(sol.rSize[r]) > 0 && compatible(r, v)) searchRoute(sol, r, v, weight);
  } else {
    // the routes of v's neighbours, nearest first, each once (the work cap favours them)
    routeStamp++;
    for (let k = 0; k < kNear && work < EJECT_WORK; k++) {
      const r = unchecked(sol.route[unchecked(neigh[v * KN + k])]);
      if (r < 0 || unchecked(routeMark[r]) == routeStamp) continue;
      unchecked((routeMark[r] = routeStamp));
      if (compatible(r, v)) searchRoute(sol, r, v, weight);
    }
  }
  if (bestR < 0) return false;
  // apply: the ejections, then v before the visit at bestPos (at the end when bestPos == m)
  const r = bestR;
  let a = startOf(r);
  for (let i = 0; i < bestPos; i++) a = unchecked(sol.next[a]);
  while (isEjected(a)) a = unchecked(sol.prev[a]);
  for (let i = 0; i < bestCount; i++) {
    const x = unchecked(bestSet[i]);
    sol.removeJob(x);
    unchecked((ejected[nEjected++] = x));
  }
  sol.insertJob(v, a, r);
  sol.updateRoute(r);
  touch(r);
  return true;
}

function isEjected(x: i32): bool {
  for (let i = 0; i < bestCount; i++) if (unchecked(bestSet[i]) == x) return true;
  return false;
}

/** Tries every allowed position of route r for v, with every allowed set of ejections. */
function searchRoute(sol: Sol, r: i32, v: i32, weight: StaticArray<i32>): void {
  const e = endOf(r);
  let m = 0;
  let x = unchecked(sol.next[startOf(r)]);
  while (x != e) {
    unchecked((vis[m] = x));
    unchecked((out[m] = 0));
    m++;
    x = unchecked(sol.next[x]);
  }
  if (reorderKeepsLoads()) {
    let t = 0;
    for (let k = 0; k < D; k++) unchecked((tripLoad[k] = 0));
    for (let i = 0; i < m; i++) {
      const y = unchecked(vis[i]);
      if (!isJob(y)) {
        t++;
        for (let k = 0; k < D; k++) unchecked((tripLoad[t * D + k] = 0));
      } else {
        for (let k = 0; k < D; k++) unchecked((tripLoad[t * D + k] += pickOf(y, k)));
      }
      unchecked((tripOf[i] = t));
    }
  }
  const everywhere = m <= EJECT_ALL_POSITIONS || KN == 0;
  for (let p = 0; p <= m && work < EJECT_WORK; p++) {
    if (!everywhere) {
      const before = p > 0 && unchecked(nearMark[unchecked(vis[p - 1])]) == nearStamp;
      const after = p < m && unchecked(nearMark[unchecked(vis[p])]) == nearStamp;
      if (!before && !after) continue;
    }
    // the jobs around p that may leave
    let nc = 0;
    for (let i = max(0, p - EJECT_WINDOW); i < min(m, p + EJECT_WINDOW); i++) {
      const y = unchecked(vis[i]);
      if (isJob(y) && !isPinned(y)) unchecked((cand[nc++] = i));
    }
    const detour = detourAt(sol, r, v, p, m);
    trySets(sol, r, v, p, m, nc, 0, 0, 0, weight, detour);
  }
}

/** Cost of putting v before position p (after the start when p == 0, before the end when p == m). */
function detourAt(sol: Sol, r: i32, v: i32, p: i32, m: i32): i64 {
  const a = p == 0 ? startOf(r) : unchecked(vis[p - 1]);
  const b = p == m ? endOf(r) : unchecked(vis[p]);
  const la = locOf(sol, a);
  const lb = locOf(sol, b);
  const lv = locOf(sol, v);
  return cost(r, la, lv) + cost(r, lv, lb) - cost(r, la, lb);
}

/**
 * Depth-first over the sets of candidates cand[from..nc) added to the `count` chosen so far
 * (weight sum `sum`): each set that could beat the best is walked as route r with v at p.
 */
function trySets(sol: Sol, r: i32, v: i32, p: i32, m: i32, nc: i32, from: i32, count: i32, sum: i64, weight: StaticArray<i32>, detour: i64): void {
  if (work >= EJECT_WORK) return;
  if (beats(sum, count, detour) >= 0 && candidateFits(sol, r, v, p, m)) record(sum, count, detour, r, p, m);
  if (count == EJECT_MAX) return;
  for (let i = from; i < nc; i++) {
    const idx = unchecked(cand[i]);
    const y = unchecked(vis[idx]);
    const s = sum + (unchecked(jPrize[y]) == 0 ? <i64>unchecked(weight[y]) : 0);
    if (s > bestSum) continue; // weights are ≥ 0: adding more cannot help
    unchecked((out[idx] = 1));
    trySets(sol, r, v, p, m, nc, i + 1, count + 1, s, weight, detour);
    unchecked((out[idx] = 0));
  }
}

/**
 * Compares a candidate (weight sum, ejected count, detour) with the best: 1 when better, 0
 * when tied, -1 when worse. The first candidate must be strictly below the bound.
 */
function beats(sum: i64, count: i32, detour: i64): i32 {
  if (bestR < 0) return sum < bestSum ? 1 : -1;
  if (sum != bestSum) return sum < bestSum ? 1 : -1;
  if (count != bestCount) return count < bestCount ? 1 : -1;
  if (detour != bestDetour) return detour < bestDetour ? 1 : -1;
  return 0;
}

function record(sum: i64, count: i32, detour: i64, r: i32, p: i32, m: i32): void {
  if (beats(sum, count, detour) > 0) bestTies = 1;
  else {
    bestTies++;
    if (rngInt(bestTies) != 0) return;
  }
  bestSum = sum;
  bestCount = count;
  bestDetour = detour;
  bestR = r;
  bestPos = p;
  let k = 0;
  for (let i = 0; i < m; i++) if (unchecked(out[i]) != 0) unchecked((bestSet[k++] = unchecked(vis[i])));
}

/**
 * Is route r feasible as its visits without the ejected ones (out[i] != 0), with v before
 * position p? From the cached schedule when no job delivers (see the file comment), else
 * by a full walk.
 */
function candidateFits(sol: Sol, r: i32, v: i32, p: i32, m: i32): bool {
  // the changed part: visits lo..hi of the route (v goes in before p), all in v's trip
  let lo = p;
  let hi = p - 1;
  const from = max(0, p - EJECT_WINDOW);
  const to = min(m, p + EJECT_WINDOW);
  for (let i = from; i < to; i++) {
    if (unchecked(out[i]) == 0) continue;
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  const trip = p > 0 ? unchecked(tripOf[p - 1]) : 0;
  if (reorderKeepsLoads() && (hi < lo || (isJob(unchecked(vis[lo])) && unchecked(tripOf[hi]) == trip))) {
    for (let k = 0; k < D; k++) {
      let load = unchecked(tripLoad[trip * D + k]) + pickOf(v, k);
      for (let i = lo; i <= hi; i++) if (unchecked(out[i]) != 0) load -= pickOf(unchecked(vis[i]), k);
      if (load > unchecked(vCap[r * D + k])) return false;
    }
    describePart(sol, r, v, p, lo, hi);
    const a = lo == 0 ? startOf(r) : unchecked(vis[lo - 1]);
    const b = hi + 1 == m ? endOf(r) : unchecked(vis[hi + 1]);
    const walked = resumeSteps;
    const verdict = spliceFits(sol, r, a, b);
    // the part, and the visits walked up to the breaks when the check resumed the walk there
    work += hi - lo + 2 + (resumeSteps - walked) * WALK_WEIGHT;
    if (verdict != SPLICE_WALK) {
      if (DEBUG_CHECKS) assert((verdict == SPLICE_FITS) == walkCandidate(sol, r, v, p, m), 'spliceFits disagrees with the walk (ejectInsert)');
      return verdict == SPLICE_FITS;
    }
  }
  work += (m + 1) * WALK_WEIGHT;
  return walkCandidate(sol, r, v, p, m);
}

/** Walks route r as its visits without the ejected ones, with v before position p. */
function walkCandidate(sol: Sol, r: i32, v: i32, p: i32, m: i32): bool {
  describePart(sol, r, v, p, 0, m - 1);
  return seqFits(sol, r);
}

/**
 * Describes visits lo..hi of the route being searched without the ejected ones, with v before
 * position p (after hi when p == hi + 1): the changed part for `spliceFits`, or, from 0 to
 * m - 1, the whole route for the walk.
 */
function describePart(sol: Sol, r: i32, v: i32, p: i32, lo: i32, hi: i32): void {
  seqStart(sol, r);
  for (let i = lo; i <= hi; i++) {
    if (i == p) seqVisit(v);
    if (unchecked(out[i]) == 0) seqVisit(unchecked(vis[i]));
  }
  if (p > hi) seqVisit(v);
}
