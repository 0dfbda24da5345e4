// Swap: exchange a string of 1–2 jobs starting at u with a string of 1–2 jobs starting
// at v (the (1,1), (2,1), (1,2) and (2,2) exchanges).

import { D, SIMPLE_LOAD, costAt, vCap, vCost } from '../model/problem';
import { Sol, isBoundary, startOf, endOf } from '../model/Sol';
import { fitsBetween, seqStart, seqVisit, seqFits, spliceFits, reorderKeepsLoads, SPLICE_WALK, SPLICE_FITS, DEBUG_CHECKS } from '../model/feasibility';
import { routeChanged } from './lsState';
import { intraNeedsCheck, pathCost } from './moveCost';
import { emitPath } from './emitPath';
import { recordMove } from './appliedMove';
import { penOn, swapPenalty } from '../model/loadPenalty';
import { twOn, warpCost, routeWarpCost, betweenWarp, seqWarp } from '../model/timePenalty';

/** Applies the best improving string exchange between u and v; true if one was applied. */
export function swap(sol: Sol, u: i32, v: i32): bool {
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  const same = ru == rv;
  const p1 = unchecked(sol.prev[u]);
  const p2 = unchecked(sol.prev[v]);
  const lp1 = unchecked(sol.vloc[p1]);
  const lp2 = unchecked(sol.vloc[p2]);
  const lu = unchecked(sol.vloc[u]);
  const lv = unchecked(sol.vloc[v]);
  const ou = unchecked(vCost[ru]);
  const ov = unchecked(vCost[rv]);
  const next = sol.next;
  const pos = sol.pos;
  const vloc = sol.vloc;
  let best: i64 = 0;
  let bestE1 = -1;
  let bestE2 = -1;
  // penalised time windows: the price of the routes' time warp now, a bound on what a move can save
  const warpNow: i64 = twOn ? routeWarpCost(sol, ru) + (same ? 0 : routeWarpCost(sol, rv)) : 0;
  let e1 = u;
  for (let l1 = 1; l1 <= 2; l1++) {
    if (l1 > 1) {
      e1 = unchecked(next[e1]);
      if (isBoundary(e1)) break;
    }
    const n1 = unchecked(next[e1]);
    const le1 = unchecked(vloc[e1]);
    const ln1 = unchecked(vloc[n1]);
    let e2 = v;
    for (let l2 = 1; l2 <= 2; l2++) {
      if (l2 > 1) {
        e2 = unchecked(next[e2]);
        if (isBoundary(e2)) break;
      }
      const n2 = unchecked(next[e2]);
      if (same) {
        // disjoint and not adjacent
        const before = unchecked(pos[e1]) + 1 < unchecked(pos[v]);
        const after = unchecked(pos[e2]) + 1 < unchecked(pos[u]);
        if (!before && !after) continue;
      }
      if (!same && SIMPLE_LOAD && !penOn && !swapRoom(sol, ru, rv, p1, e1, p2, e2)) continue;
      const le2 = unchecked(vloc[e2]);
      const ln2 = unchecked(vloc[n2]);
      let delta =
        costAt(ou, lp1, lv) + costAt(ou, le2, ln1) - costAt(ou, lp1, lu) - costAt(ou, le1, ln1) +
        costAt(ov, lp2, lu) + costAt(ov, le1, ln2) - costAt(ov, lp2, lv) - costAt(ov, le2, ln2);
      if (!same && ou != ov) {
        delta += pathCost(sol, ru, v, e2, false) - pathCost(sol, rv, v, e2, false);
        delta += pathCost(sol, rv, u, e1, false) - pathCost(sol, ru, u, e1, false);
      }
      // penalised capacity: the load excess the exchange adds or removes is part of its cost
      if (!same && penOn) delta += swapPenalty(sol, ru, rv, p1, e1, p2, e2);
      if (twOn) {
        // the time warp is part of the cost (loads: swapRoom above; one vehicle class)
        if (delta - warpNow >= best) continue;
        if (same) {
          delta += warpCost(intraSwapWarp(sol, ru, u, e1, v, e2)) - warpNow;
        } else {
          // u's route first: v's new warp cannot go below 0
          delta += warpCost(betweenWarp(sol, ru, p1, v, e2, false, n1)) - warpNow;
          if (delta >= best) continue;
          delta += warpCost(betweenWarp(sol, rv, p2, u, e1, false, n2));
        }
        if (delta >= best) continue;
        best = delta;
        bestE1 = e1;
        bestE2 = e2;
        continue;
      }
      if (delta >= best) continue;
      if (same) {
        if (intraNeedsCheck() && !intraSwapFits(sol, ru, u, e1, v, e2)) continue;
      } else if (!penOn) {
        if (!fitsBetween(sol, ru, p1, v, e2, false, n1)) continue;
        if (!fitsBetween(sol, rv, p2, u, e1, false, n2)) continue;
      }
      best = delta;
      bestE1 = e1;
      bestE2 = e2;
    }
  }
  if (bestE1 < 0) return false;
  recordMove(best);
  sol.movePaths(u, bestE1, p2, v, bestE2, p1);
  routeChanged(sol, ru);
  if (!same) routeChanged(sol, rv);
  return true;
}

/**
 * Is route r feasible with the disjoint, non-adjacent paths s1..e1 and s2..e2 exchanged? The
 * part from the first path to the second is described when the loads cannot change
 * (spliceFits); otherwise, or when spliceFits cannot tell, the whole route is walked.
 */
function intraSwapFits(sol: Sol, r: i32, s1: i32, e1: i32, s2: i32, e2: i32): bool {
  if (reorderKeepsLoads()) {
    describeSwappedPart(sol, r, s1, e1, s2, e2);
    const verdict = spliceFits(sol, r, partBefore, partAfter);
    if (verdict != SPLICE_WALK) {
      if (DEBUG_CHECKS) {
        buildSwapIntra(sol, r, s1, e1, s2, e2);
        assert((verdict == SPLICE_FITS) == seqFits(sol, r), 'spliceFits disagrees with the walk (swap)');
      }
      return verdict == SPLICE_FITS;
    }
  }
  buildSwapIntra(sol, r, s1, e1, s2, e2);
  return seqFits(sol, r);
}

/** Penalised time windows: time warp of route r with the disjoint, non-adjacent paths s1..e1 and s2..e2 exchanged. */
function intraSwapWarp(sol: Sol, r: i32, s1: i32, e1: i32, s2: i32, e2: i32): i64 {
  describeSwappedPart(sol, r, s1, e1, s2, e2);
  return seqWarp(sol, r, partBefore, partAfter);
}

/** The visits around the part `describeSwappedPart` described (unchanged, before and after it). */
let partBefore: i32 = -1;
let partAfter: i32 = -1;

/**
 * Describes only the changed part of route r with the disjoint, non-adjacent paths s1..e1 and
 * s2..e2 exchanged: from the first path to the second; partBefore and partAfter are the
 * unchanged visits around it.
 */
function describeSwappedPart(sol: Sol, r: i32, s1: i32, e1: i32, s2: i32, e2: i32): void {
  // order the paths along the route: [fs..fe] comes before [ls..le]
  const firstIs1 = unchecked(sol.pos[e1]) < unchecked(sol.pos[s2]);
  const fs = firstIs1 ? s1 : s2;
  const fe = firstIs1 ? e1 : e2;
  const ls = firstIs1 ? s2 : s1;
  const le = firstIs1 ? e2 : e1;
  seqStart(sol, r);
  emitPath(sol, ls, le, false);
  emitPath(sol, unchecked(sol.next[fe]), unchecked(sol.prev[ls]), false);
  emitPath(sol, fs, fe, false);
  partBefore = unchecked(sol.prev[fs]);
  partAfter = unchecked(sol.next[le]);
}

/** Route r with the paths s1..e1 and s2..e2 exchanged, as a visit sequence. */
function buildSwapIntra(sol: Sol, r: i32, s1: i32, e1: i32, s2: i32, e2: i32): void {
  seqStart(sol, r);
  const end = endOf(r);
  let x = unchecked(sol.next[startOf(r)]);
  while (x != end) {
    if (x == s1) {
      emitPath(sol, s2, e2, false);
      x = unchecked(sol.next[e1]);
    } else if (x == s2) {
      emitPath(sol, s1, e1, false);
      x = unchecked(sol.next[e2]);
    } else {
      seqVisit(x);
      x = unchecked(sol.next[x]);
    }
  }
}

/** Pickups only: do both routes keep within capacity after the exchange? */
// @ts-ignore: decorator
@inline function swapRoom(sol: Sol, ru: i32, rv: i32, p1: i32, e1: i32, p2: i32, e2: i32): bool {
  for (let k = 0; k < D; k++) {
    const l1 = unchecked(sol.pUpto[e1 * D + k]) - unchecked(sol.pUpto[p1 * D + k]);
    const l2 = unchecked(sol.pUpto[e2 * D + k]) - unchecked(sol.pUpto[p2 * D + k]);
    if (unchecked(sol.rLoad[ru * D + k]) - l1 + l2 > unchecked(vCap[ru * D + k])) return false;
    if (unchecked(sol.rLoad[rv * D + k]) - l2 + l1 > unchecked(vCap[rv * D + k])) return false;
  }
  return true;
}
