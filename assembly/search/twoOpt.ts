// 2-opt (intra-route): reverse the path between u and v so that they become adjacent.

import { cost } from '../model/problem';
import { Sol, startOf, endOf } from '../model/Sol';
import { seqStart, seqVisit, seqFits, spliceFits, reorderKeepsLoads, SPLICE_WALK, SPLICE_FITS, DEBUG_CHECKS } from '../model/feasibility';
import { routeChanged } from './lsState';
import { intraNeedsCheck } from './moveCost';
import { emitPath } from './emitPath';
import { recordMove } from './appliedMove';
import { twOn, warpCost, routeWarpCost, seqWarp } from '../model/timePenalty';

/** Applies the 2-opt move joining u and v when they share a route and it improves; true if applied. */
export function twoOpt(sol: Sol, u: i32, v: i32): bool {
  const r = unchecked(sol.route[u]);
  if (r != unchecked(sol.route[v])) return false;
  let a = u;
  let b = v;
  if (unchecked(sol.pos[u]) > unchecked(sol.pos[v])) {
    a = v;
    b = u;
  }
  const x = unchecked(sol.next[a]);
  if (x == b) return false;
  const y = unchecked(sol.next[b]);
  const vloc = sol.vloc;
  const la = unchecked(vloc[a]);
  const lb = unchecked(vloc[b]);
  const lx = unchecked(vloc[x]);
  const ly = unchecked(vloc[y]);
  let delta =
    cost(r, la, lb) + cost(r, lx, ly) - cost(r, la, lx) - cost(r, lb, ly) +
    (unchecked(sol.revCost[b]) - unchecked(sol.revCost[x])) -
    (unchecked(sol.cumCost[b]) - unchecked(sol.cumCost[x]));
  if (twOn) {
    // penalised time windows: the time warp is part of the cost (the loads cannot change)
    const warpNow = routeWarpCost(sol, r);
    if (delta - warpNow >= 0) return false;
    seqStart(sol, r);
    emitPath(sol, x, b, true);
    delta += warpCost(seqWarp(sol, r, a, y)) - warpNow;
    if (delta >= 0) return false;
  } else {
    if (delta >= 0) return false;
    if (intraNeedsCheck() && !reversalFits(sol, r, a, x, b, y)) return false;
  }
  recordMove(delta);
  sol.reversePath(x, b);
  routeChanged(sol, r);
  return true;
}

/**
 * Is route r = [..a] + reversed [x..b] + [y..] feasible? Only the reversed path is described
 * when the loads cannot change (spliceFits); otherwise, or when spliceFits cannot tell, the
 * whole route is walked.
 */
function reversalFits(sol: Sol, r: i32, a: i32, x: i32, b: i32, y: i32): bool {
  if (reorderKeepsLoads()) {
    seqStart(sol, r);
    emitPath(sol, x, b, true);
    const verdict = spliceFits(sol, r, a, y);
    if (verdict != SPLICE_WALK) {
      if (DEBUG_CHECKS) assert((verdict == SPLICE_FITS) == walkReversal(sol, r, x, b, y), 'spliceFits disagrees with the walk (2-opt)');
      return verdict == SPLICE_FITS;
    }
  }
  return walkReversal(sol, r, x, b, y);
}

/** The full walk of route r with the path x..b reversed (y follows b). */
function walkReversal(sol: Sol, r: i32, x: i32, b: i32, y: i32): bool {
  seqStart(sol, r);
  const end = endOf(r);
  let w = unchecked(sol.next[startOf(r)]);
  while (w != end) {
    if (w == x) {
      emitPath(sol, x, b, true);
      w = y;
    } else {
      seqVisit(w);
      w = unchecked(sol.next[w]);
    }
  }
  return seqFits(sol, r);
}
