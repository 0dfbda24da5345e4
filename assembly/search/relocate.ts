// Relocate: move a string of 1–3 consecutive jobs starting at u next to v (right after v
// or right before it), in its original or reversed orientation.

import { D, SIMPLE_LOAD, costAt, vCap, vCost } from '../model/problem';
import { Sol, isBoundary, endOf, startOf } from '../model/Sol';
import { fitsBetween, seqStart, seqVisit, seqFits, spliceFits, reorderKeepsLoads, SPLICE_WALK, SPLICE_FITS, DEBUG_CHECKS } from '../model/feasibility';
import { routeChanged } from './lsState';
import { intraNeedsCheck, pathCost } from './moveCost';
import { emitPath } from './emitPath';
import { recordMove } from './appliedMove';
import { penOn, relocatePenalty } from '../model/loadPenalty';
import { twOn, warpCost, routeWarpCost, tailWarp, betweenWarp, seqWarp } from '../model/timePenalty';

/** Applies the best improving relocation of a string starting at u next to v; true if one was applied. */
export function relocate(sol: Sol, u: i32, v: i32): bool {
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  const same = ru == rv;
  const p = unchecked(sol.prev[u]);
  const lp = unchecked(sol.vloc[p]);
  const lu = unchecked(sol.vloc[u]);
  const pv = unchecked(sol.prev[v]);
  const ou = unchecked(vCost[ru]);
  const ov = unchecked(vCost[rv]);
  const next = sol.next;
  const vloc = sol.vloc;
  const posV = unchecked(sol.pos[v]);
  const sizeU = unchecked(sol.rSize[ru]);
  const sameCosts = ou == ov;
  let best: i64 = 0;
  let bestE = -1;
  let bestA = -1;
  let bestRev = false;
  // penalised time windows: the price of the routes' time warp now, a bound on what a move can save
  const warpNow: i64 = twOn ? routeWarpCost(sol, ru) + (same ? 0 : routeWarpCost(sol, rv)) : 0;
  let e = u;
  for (let len = 1; len <= 3; len++) {
    if (len > 1) {
      e = unchecked(next[e]);
      if (isBoundary(e)) break;
    }
    if (same && posV >= unchecked(sol.pos[u]) && posV <= unchecked(sol.pos[e])) break;
    // pickups only: a string too heavy for v's route stays too heavy when it grows
    if (!same && SIMPLE_LOAD && !penOn && !roomFor(sol, rv, p, e)) break;
    const le = unchecked(vloc[e]);
    const nx = unchecked(next[e]);
    const lnx = unchecked(vloc[nx]);
    // what u's route saves (the whole route when the string was all of it), and the string's
    // own cost change: none forwards under the same costs, the reversal turn backwards
    let removeGain: i64 = costAt(ou, lp, lnx) - costAt(ou, lp, lu) - costAt(ou, le, lnx);
    let intF: i64 = 0;
    let intR: i64 = 0;
    if (same || sameCosts) {
      if (len > 1) intR = unchecked(sol.revCost[e]) - unchecked(sol.revCost[u]) - (unchecked(sol.cumCost[e]) - unchecked(sol.cumCost[u]));
      if (!same && len == sizeU) {
        const fwd = unchecked(sol.cumCost[e]) - unchecked(sol.cumCost[u]);
        removeGain = -unchecked(sol.rCost[ru]);
        intF = fwd;
        intR += fwd;
      }
    } else {
      const fwd = pathCost(sol, ru, u, e, false);
      removeGain = len == sizeU ? -unchecked(sol.rCost[ru]) : removeGain - fwd;
      intF = pathCost(sol, rv, u, e, false);
      intR = len > 1 ? pathCost(sol, rv, u, e, true) : intF;
    }
    // penalised capacity: the load excess the move adds or removes is part of its cost. A string
    // whose removal and excess change gain nothing is not tried: under the triangle inequality
    // its insertion costs at least its own arcs (HGS prunes the same way). One vehicle class
    // here, so the costs are shared and the string's arcs are a cumCost difference.
    if (!same && penOn) {
      removeGain += relocatePenalty(sol, ru, rv, p, e);
      if (removeGain + intF - (unchecked(sol.cumCost[e]) - unchecked(sol.cumCost[u])) >= best) continue;
    }
    // penalised time windows: the warp u's route is left with (inter-route)
    let warpOut: i64 = 0;
    if (twOn && !same) warpOut = warpCost(tailWarp(sol, ru, p, nx)) - warpNow;
    for (let t = 0; t < 2; t++) {
      const a = t == 0 ? v : pv;
      if (a == p || a == e) continue;
      const b = unchecked(next[a]);
      const la = unchecked(vloc[a]);
      const lb = unchecked(vloc[b]);
      const base = removeGain - costAt(ov, la, lb);
      for (let o = 0; o < 2; o++) {
        const rev = o == 1;
        if (rev && len == 1) break;
        let delta = rev
          ? base + costAt(ov, la, le) + costAt(ov, lu, lb) + intR
          : base + costAt(ov, la, lu) + costAt(ov, le, lb) + intF;
        if (twOn) {
          // the time warp is part of the cost; no move saves more than the warp there is now
          // (inter-route, u's route is priced already and v's cannot go below 0)
          if (delta + (same ? -warpNow : warpOut) >= best) continue;
          delta += same ? warpCost(intraWarp(sol, ru, u, e, a, rev)) - warpNow : warpOut + warpCost(betweenWarp(sol, rv, a, u, e, rev, b));
          if (delta >= best) continue;
          // capacity stays hard (one vehicle class: the loads are all fitsBetween checks here)
          if (!same && !fitsBetween(sol, rv, a, u, e, rev, b)) continue;
          best = delta;
          bestE = e;
          bestA = a;
          bestRev = rev;
          continue;
        }
        if (delta >= best) continue;
        if (same) {
          if (intraNeedsCheck() && !intraFits(sol, ru, u, e, a, rev)) continue;
        } else if (!penOn && !fitsBetween(sol, rv, a, u, e, rev, b)) continue;
        best = delta;
        bestE = e;
        bestA = a;
        bestRev = rev;
      }
    }
  }
  if (bestA < 0) return false;
  recordMove(best);
  sol.unlink(u, bestE);
  sol.linkAfter(bestA, u, bestE);
  if (bestRev) sol.reversePath(u, bestE);
  routeChanged(sol, ru);
  if (!same) routeChanged(sol, rv);
  return true;
}

/**
 * Is route r feasible with the path s..e moved right after a (reversed or not)? Only the part
 * between the first and the last changed position is described when the loads cannot change
 * (spliceFits); otherwise, or when spliceFits cannot tell, the whole route is walked.
 */
function intraFits(sol: Sol, r: i32, s: i32, e: i32, a: i32, rev: bool): bool {
  if (reorderKeepsLoads()) {
    describeMovedPart(sol, r, s, e, a, rev);
    const verdict = spliceFits(sol, r, partBefore, partAfter);
    if (verdict != SPLICE_WALK) {
      if (DEBUG_CHECKS) {
        buildIntra(sol, r, s, e, a, rev);
        assert((verdict == SPLICE_FITS) == seqFits(sol, r), 'spliceFits disagrees with the walk (relocate)');
      }
      return verdict == SPLICE_FITS;
    }
  }
  buildIntra(sol, r, s, e, a, rev);
  return seqFits(sol, r);
}

/** Penalised time windows: time warp of route r with the path s..e moved right after a (reversed or not). */
function intraWarp(sol: Sol, r: i32, s: i32, e: i32, a: i32, rev: bool): i64 {
  describeMovedPart(sol, r, s, e, a, rev);
  return seqWarp(sol, r, partBefore, partAfter);
}

/** The unchanged visits around the part `describeMovedPart` described. */
let partBefore: i32 = -1;
let partAfter: i32 = -1;

/**
 * Describes only the changed part of route r with the path s..e moved right after a (reversed
 * or not): from the first changed position to the last; partBefore and partAfter are the
 * unchanged visits around it.
 */
function describeMovedPart(sol: Sol, r: i32, s: i32, e: i32, a: i32, rev: bool): void {
  const p = unchecked(sol.prev[s]);
  const nx = unchecked(sol.next[e]);
  const b = unchecked(sol.next[a]);
  seqStart(sol, r);
  if (unchecked(sol.pos[a]) < unchecked(sol.pos[s])) {
    // a .. [s..e] b .. p | nx
    emitPath(sol, s, e, rev);
    emitPath(sol, b, p, false);
    partBefore = a;
    partAfter = nx;
  } else {
    // p | nx .. a [s..e] | b
    emitPath(sol, nx, a, false);
    emitPath(sol, s, e, rev);
    partBefore = p;
    partAfter = b;
  }
}

/** Route r with the path s..e moved right after a (reversed or not), as a visit sequence. */
function buildIntra(sol: Sol, r: i32, s: i32, e: i32, a: i32, rev: bool): void {
  seqStart(sol, r);
  const end = endOf(r);
  let x = startOf(r);
  while (true) {
    if (x == a) emitPath(sol, s, e, rev);
    x = unchecked(sol.next[x]);
    if (x == end) break;
    if (x == s) {
      x = e;
      continue;
    }
    seqVisit(x);
  }
}

/** Pickups only: does route r have room for the jobs after p up to e (same route)? */
// @ts-ignore: decorator
@inline export function roomFor(sol: Sol, r: i32, p: i32, e: i32): bool {
  for (let k = 0; k < D; k++) {
    const seg = unchecked(sol.pUpto[e * D + k]) - unchecked(sol.pUpto[p * D + k]);
    if (unchecked(sol.rLoad[r * D + k]) + seg > unchecked(vCap[r * D + k])) return false;
  }
  return true;
}
