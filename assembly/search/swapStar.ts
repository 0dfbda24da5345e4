// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and
// SWAP* neighborhood"): exchange u of route A with v of route B, each reinserted at its best
// position in the other route, not necessarily in the other's place. The three cheapest
// insertion positions of every customer in the other route are kept, so each pair is
// evaluated in O(1) after an O(|A|·|B|) preprocessing.

import { N, D, NC, SIMPLE_LOAD, PICKUPS_ONLY, HAS_ROUTECAP, vCap, vRouteCap, vClass, vCost, compat, costAt } from '../model/problem';
import { Sol, startOf, endOf } from '../model/Sol';
import { pickOf } from '../model/visit';
import { seqStart, seqVisit, seqFits, spliceFits, SPLICE_WALK, SPLICE_FITS, SPLICE_NO, DEBUG_CHECKS } from '../model/feasibility';
import { emitPath } from './emitPath';
import { routeChanged } from './lsState';
import { intraNeedsCheck } from './moveCost';
import { recordMove } from './appliedMove';
import { penOn, exchangePenalty } from '../model/loadPenalty';
import { twOn, warpCost, routeWarpCost, seqWarp } from '../model/timePenalty';

const BIG: i64 = 0x3fffffffffffffff;
/**
 * SWAP* is skipped between two routes with more than this many (u, v) pairs (60 × 60): its
 * O(|A|·|B|) scan is re-run whenever either route changes, and on long routes (a Seongdong day
 * has 80–300 stops per route) it took most of the search time while the node moves find the
 * same improvements. CVRPLIB X routes hold at most about 30 customers.
 */
const SWAP_STAR_MAX_PAIRS: i32 = 3600;
/**
 * Above LARGE_PROBLEM jobs the limit is SWAP_STAR_MAX_PAIRS_LARGE (30 × 30): with a hundred
 * routes and more, every change re-runs the scan against each neighbouring route, and on the
 * 10,000-bin day SWAP* took 71 % of the first local search (construction 13–40 s of a 50 s
 * budget; 9–14 s with this limit).
 */
const LARGE_PROBLEM: i32 = 2000;
const SWAP_STAR_MAX_PAIRS_LARGE: i32 = 900;
// per customer: the three best (cost, after-visit) insertion positions in the other route
let insCost: StaticArray<i64> = new StaticArray<i64>(0);
let insAfter: StaticArray<i32> = new StaticArray<i32>(0);
// route pairs already tested, direct-mapped: key and the move stamp at test time
const PAIR_SLOTS: i32 = 8192;
const pairKey = new StaticArray<i32>(PAIR_SLOTS);
const pairStamp = new StaticArray<i64>(PAIR_SLOTS);

export function swapStarAlloc(n: i32): void {
  insCost = new StaticArray<i64>(3 * n);
  insAfter = new StaticArray<i32>(3 * n);
  for (let i = 0; i < PAIR_SLOTS; i++) unchecked((pairKey[i] = -1));
}

/** Fills the top-3 insertion positions of every customer of route `from` into route `into`. */
function preprocess(sol: Sol, from: i32, into: i32): void {
  const next = sol.next;
  const eF = endOf(from);
  const sI = startOf(into);
  const eI = endOf(into);
  let u = unchecked(next[startOf(from)]);
  const vloc = sol.vloc;
  const oi = unchecked(vCost[into]);
  while (u != eF) {
    if (u >= N) {
      // reload stops stay where they are
      u = unchecked(next[u]);
      continue;
    }
    const b = 3 * u;
    const lu = unchecked(vloc[u]);
    let c0 = BIG, c1 = BIG, c2 = BIG;
    let a0 = -1, a1 = -1, a2 = -1;
    let a = sI;
    while (a != eI) {
      const nb = unchecked(next[a]);
      const la = unchecked(vloc[a]);
      const lb = unchecked(vloc[nb]);
      const c = costAt(oi, la, lu) + costAt(oi, lu, lb) - costAt(oi, la, lb);
      if (c < c2) {
        if (c < c1) {
          c2 = c1; a2 = a1;
          if (c < c0) {
            c1 = c0; a1 = a0;
            c0 = c; a0 = a;
          } else {
            c1 = c; a1 = a;
          }
        } else {
          c2 = c; a2 = a;
        }
      }
      a = nb;
    }
    unchecked((insCost[b] = c0));
    unchecked((insCost[b + 1] = c1));
    unchecked((insCost[b + 2] = c2));
    unchecked((insAfter[b] = a0));
    unchecked((insAfter[b + 1] = a1));
    unchecked((insAfter[b + 2] = a2));
    u = unchecked(next[u]);
  }
}

// best insertion of u into the other route once v has left it; writes the position to bestAfter
let bestAfter: i32 = -1;
// @ts-ignore: decorator
@inline function insertWithout(sol: Sol, u: i32, v: i32, into: i32): i64 {
  const b = 3 * u;
  const nv = unchecked(sol.next[v]);
  const pv = unchecked(sol.prev[v]);
  // in v's place
  const lpv = unchecked(sol.vloc[pv]);
  const lnv = unchecked(sol.vloc[nv]);
  const lu = unchecked(sol.vloc[u]);
  const oi = unchecked(vCost[into]);
  let best = costAt(oi, lpv, lu) + costAt(oi, lu, lnv) - costAt(oi, lpv, lnv);
  bestAfter = pv;
  for (let i = 0; i < 3; i++) {
    const a = unchecked(insAfter[b + i]);
    if (a < 0) break;
    if (a == v || a == pv) continue; // positions touching v
    const c = unchecked(insCost[b + i]);
    if (c < best) {
      best = c;
      bestAfter = a;
    }
    break; // positions are sorted: the first one not touching v is the best
  }
  return best;
}

/** Tries the best SWAP* move between routes ra and rb; true if an improving one was applied. */
export function swapStarBetween(sol: Sol, ra: i32, rb: i32): bool {
  // skip when this pair was tested after both routes last changed
  const r1 = min(ra, rb);
  const r2 = max(ra, rb);
  const key = r1 * N + r2;
  const slot = <i32>((<u32>key * 2654435761) >> 19) & (PAIR_SLOTS - 1);
  const changed = max(unchecked(sol.rStamp[r1]), unchecked(sol.rStamp[r2]));
  if (unchecked(pairKey[slot]) == key && unchecked(pairStamp[slot]) >= changed) return false;
  unchecked((pairKey[slot] = key));
  unchecked((pairStamp[slot] = changed));
  const pairs = unchecked(sol.rSize[r1]) * unchecked(sol.rSize[r2]);
  if (pairs == 0 || pairs > (N > LARGE_PROBLEM ? SWAP_STAR_MAX_PAIRS_LARGE : SWAP_STAR_MAX_PAIRS)) return false;

  preprocess(sol, r1, r2);
  preprocess(sol, r2, r1);
  const next = sol.next;
  const prev = sol.prev;
  const vloc = sol.vloc;
  const e1 = endOf(r1);
  const e2 = endOf(r2);
  const c1 = unchecked(vClass[r1]);
  const c2 = unchecked(vClass[r2]);
  const check = intraNeedsCheck();
  const o1 = unchecked(vCost[r1]);
  const o2 = unchecked(vCost[r2]);
  let best: i64 = 0;
  let bu = -1, bv = -1, bua = -1, bva = -1;
  // penalised time windows: the price of both routes' time warp now, a bound on what a move can save
  const warpNow: i64 = twOn ? routeWarpCost(sol, r1) + routeWarpCost(sol, r2) : 0;
  let u = unchecked(next[startOf(r1)]);
  while (u != e1) {
    if (u >= N || unchecked(compat[u * NC + c2]) == 0) {
      u = unchecked(next[u]);
      continue;
    }
    const lu = unchecked(vloc[u]);
    const lpu = unchecked(vloc[unchecked(prev[u])]);
    const lnu = unchecked(vloc[unchecked(next[u])]);
    const remU = costAt(o1, lpu, lnu) - costAt(o1, lpu, lu) - costAt(o1, lu, lnu);
    let v = unchecked(next[startOf(r2)]);
    while (v != e2) {
      if (v < N && unchecked(compat[v * NC + c1]) != 0 && (!SIMPLE_LOAD || penOn || loadsFit(sol, r1, r2, u, v))) {
        const lv = unchecked(vloc[v]);
        const lpv = unchecked(vloc[unchecked(prev[v])]);
        const lnv = unchecked(vloc[unchecked(next[v])]);
        const remV = costAt(o2, lpv, lnv) - costAt(o2, lpv, lv) - costAt(o2, lv, lnv);
        // penalised capacity: the load excess the exchange adds or removes is part of its cost;
        // as in HGS, a pair is evaluated only when the removals and the excess change gain
        // (the reinsertions cost ≥ 0 under the triangle inequality)
        let pen: i64 = 0;
        if (penOn) {
          pen = exchangePenalty(sol, r1, r2, u, v);
          if (remU + remV + pen >= best) {
            v = unchecked(next[v]);
            continue;
          }
        }
        const cu = insertWithout(sol, u, v, r2);
        const au = bestAfter;
        const cv = insertWithout(sol, v, u, r1);
        const av = bestAfter;
        let delta = remU + remV + cu + cv + pen;
        if (twOn) {
          // the time warp is part of the cost (loads: loadsFit above; one vehicle class)
          if (delta - warpNow < best) {
            delta += warpCost(swapWarp(sol, r1, u, v, av)) - warpNow;
            if (delta < best) delta += warpCost(swapWarp(sol, r2, v, u, au));
            if (delta < best) {
              best = delta;
              bu = u; bv = v; bua = au; bva = av;
            }
          }
        } else if (delta < best && (!check || swapFits(sol, r1, u, v, av) && swapFits(sol, r2, v, u, au))) {
          best = delta;
          bu = u; bv = v; bua = au; bva = av;
        }
      }
      v = unchecked(next[v]);
    }
    u = unchecked(next[u]);
  }
  if (bu < 0) return false;
  recordMove(best);
  sol.movePaths(bu, bu, bua, bv, bv, bva);
  routeChanged(sol, r1);
  routeChanged(sol, r2);
  return true;
}

/** Route loads after u (route r1) and v (route r2) change places, pickups only. */
function loadsFit(sol: Sol, r1: i32, r2: i32, u: i32, v: i32): bool {
  for (let k = 0; k < D; k++) {
    const du = pickOf(u, k);
    const dv = pickOf(v, k);
    if (unchecked(sol.rLoad[r1 * D + k]) - du + dv > unchecked(vCap[r1 * D + k])) return false;
    if (unchecked(sol.rLoad[r2 * D + k]) - dv + du > unchecked(vCap[r2 * D + k])) return false;
  }
  return true;
}

/**
 * Is route r feasible without `out` and with `inV` placed after visit `after` (after ≠ out)?
 * With pickups only, only the part between the two changes is described (spliceFits). Without
 * reloads the caller has checked the loads; with reloads, a described part without a reload
 * stop means `out` and `inV` share a trip, whose total then changes by their difference.
 * Otherwise, or when spliceFits cannot tell, the whole route is walked.
 */
function swapFits(sol: Sol, r: i32, out: i32, inV: i32, after: i32): bool {
  if (PICKUPS_ONLY) {
    describeExchangedPart(sol, r, out, inV, after);
    let verdict = spliceFits(sol, r, partBefore, partAfter);
    if (verdict != SPLICE_WALK) {
      if (!SIMPLE_LOAD && verdict == SPLICE_FITS && !sharedTripFits(sol, r, out, inV)) verdict = SPLICE_NO;
      if (DEBUG_CHECKS) assert((verdict == SPLICE_FITS) == walkSwapped(sol, r, out, inV, after), 'spliceFits disagrees with the walk (SWAP*)');
      return verdict == SPLICE_FITS;
    }
  }
  return walkSwapped(sol, r, out, inV, after);
}

/** Penalised time windows: time warp of route r without `out` and with `inV` placed after visit `after`. */
function swapWarp(sol: Sol, r: i32, out: i32, inV: i32, after: i32): i64 {
  describeExchangedPart(sol, r, out, inV, after);
  return seqWarp(sol, r, partBefore, partAfter);
}

/** The unchanged visits around the part `describeExchangedPart` described. */
let partBefore: i32 = -1;
let partAfter: i32 = -1;

/**
 * Describes only the changed part of route r without `out` and with `inV` placed after visit
 * `after` (after ≠ out); partBefore and partAfter are the unchanged visits around it.
 */
function describeExchangedPart(sol: Sol, r: i32, out: i32, inV: i32, after: i32): void {
  const p = unchecked(sol.prev[out]);
  const nx = unchecked(sol.next[out]);
  seqStart(sol, r);
  partBefore = after;
  partAfter = nx;
  if (after == p) {
    seqVisit(inV);
  } else if (unchecked(sol.pos[after]) < unchecked(sol.pos[out])) {
    // after inV next(after) .. p | nx
    seqVisit(inV);
    emitPath(sol, unchecked(sol.next[after]), p, false);
  } else {
    // p | nx .. after inV | next(after)
    emitPath(sol, nx, after, false);
    seqVisit(inV);
    partBefore = p;
    partAfter = unchecked(sol.next[after]);
  }
}

/**
 * Pickups only: does the trip of `out` in route r hold `inV` instead of `out`, and the route
 * its route capacity? (sufMax of a visit is then its trip's total.)
 */
function sharedTripFits(sol: Sol, r: i32, out: i32, inV: i32): bool {
  for (let k = 0; k < D; k++) {
    const change = pickOf(inV, k) - pickOf(out, k);
    if (unchecked(sol.sufMax[out * D + k]) + change > unchecked(vCap[r * D + k])) return false;
    if (HAS_ROUTECAP && unchecked(sol.pTot[endOf(r) * D + k]) + change > unchecked(vRouteCap[r * D + k])) return false;
  }
  return true;
}

/** Route r without `out` and with `inV` placed after visit `after`, walked in full. */
function walkSwapped(sol: Sol, r: i32, out: i32, inV: i32, after: i32): bool {
  seqStart(sol, r);
  const end = endOf(r);
  let x = startOf(r);
  while (true) {
    if (x == after) seqVisit(inV);
    x = unchecked(sol.next[x]);
    if (x == end) break;
    if (x != out) seqVisit(x);
  }
  return seqFits(sol, r);
}
