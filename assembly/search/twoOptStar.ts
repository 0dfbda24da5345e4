// 2-opt* (inter-route): cut the routes of u and v after u and after v and reconnect,
// either tail-to-tail (u → next(v), v → next(u)) or head-to-head (u → v with the head of
// v's route reversed, and the reversed tail of u's route before next(v); not between
// return-empty vehicles, whose final unloads must stay last).

import { D, SIMPLE_LOAD, HAS_ROUTECAP, NCP, cost, vCost, vCap, vClass, vCostIdx, vReturnEmpty } from '../model/problem';
import { intraNeedsCheck } from './moveCost';
import { Sol, startOf, endOf } from '../model/Sol';
import { fitsTail, seqStart, seqPath, seqFits } from '../model/feasibility';
import { routeChanged } from './lsState';
import { recordMove } from './appliedMove';
import { penOn, tailPenalty } from '../model/loadPenalty';
import { twOn, warpCost, routeWarpCost, tailWarp, seqWarp } from '../model/timePenalty';

/** Applies the better improving 2-opt* variant between the routes of u and v; true if applied. */
export function twoOptStar(sol: Sol, u: i32, v: i32): bool {
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  if (ru == rv) return false;
  const next = sol.next;
  const vloc = sol.vloc;
  const cumCost = sol.cumCost;
  const revCost = sol.revCost;
  const x = unchecked(next[u]);
  const y = unchecked(next[v]);
  const lu = unchecked(vloc[u]);
  const lv = unchecked(vloc[v]);
  const lx = unchecked(vloc[x]);
  const ly = unchecked(vloc[y]);
  const eu = endOf(ru);
  const ev = endOf(rv);
  const sameCosts = unchecked(vCost[ru]) == unchecked(vCost[rv]);
  let bestVariant = 0;
  let best: i64 = 0;
  const warpNow: i64 = twOn ? routeWarpCost(sol, ru) + routeWarpCost(sol, rv) : 0;
  // pickups only and one class: route loads decide both variants up front
  let tailsOk = true;
  let headsOk = true;
  // (with penalised capacity the loads are priced below instead)
  if (SIMPLE_LOAD && !penOn && unchecked(vClass[ru]) == unchecked(vClass[rv])) {
    for (let k = 0; k < D; k++) {
      const pu = unchecked(sol.pUpto[u * D + k]);
      const pv = unchecked(sol.pUpto[v * D + k]);
      const lu_ = unchecked(sol.rLoad[ru * D + k]);
      const lv_ = unchecked(sol.rLoad[rv * D + k]);
      const cap = unchecked(vCap[ru * D + k]);
      if (pu + lv_ - pv > cap || pv + lu_ - pu > cap) tailsOk = false;
      if (pu + pv > cap || lu_ - pu + lv_ - pv > cap) headsOk = false;
    }
    if (!tailsOk && !headsOk) return false;
  }
  // tails exchanged: [..u] + [y..] for ru, [..v] + [x..] for rv
  if (tailsOk) {
    let delta: i64;
    if (sameCosts) {
      // an empty tail means ending at the route's own end place
      const lyU = y == ev ? unchecked(vloc[eu]) : ly;
      const lxV = x == eu ? unchecked(vloc[ev]) : lx;
      delta = cost(ru, lu, lyU) + cost(rv, lv, lxV) - cost(ru, lu, lx) - cost(rv, lv, ly);
      // the end arcs of the tails move between vehicles with different ends
      delta += tailEndShift(sol, ru, rv, x, y);
    } else {
      delta = newCostTail(sol, ru, u, y) + newCostTail(sol, rv, v, x) - routeCostNoFixed(sol, ru) - routeCostNoFixed(sol, rv);
    }
    if (penOn) delta += tailPenalty(sol, ru, rv, u, v, false);
    if (twOn) {
      // penalised time windows: the time warp is part of the cost (loads: tailsOk above)
      if (delta - warpNow < best) {
        delta += warpCost(tailWarp(sol, ru, u, y)) + warpCost(tailWarp(sol, rv, v, x)) - warpNow;
        if (delta < best) {
          best = delta;
          bestVariant = 1;
        }
      }
    } else if (delta < best && (penOn || fitsTail(sol, ru, u, y) && fitsTail(sol, rv, v, x))) {
      best = delta;
      bestVariant = 1;
    }
  }
  // heads joined (only between vehicles with the same costs and depots, neither returning
  // empty: the reversed tail would carry u's final unload, a pinned stop, to the front of v's
  // route and leave u's without one, and an emptied vehicle without it can never be reopened)
  if (headsOk && sameCosts && unchecked(vReturnEmpty[ru]) == 0 && unchecked(vReturnEmpty[rv]) == 0 &&
      unchecked(sol.vloc[startOf(ru)]) == unchecked(sol.vloc[startOf(rv)]) &&
      unchecked(sol.vloc[eu]) == unchecked(sol.vloc[startOf(ru)]) && unchecked(sol.vloc[ev]) == unchecked(sol.vloc[eu])) {
    let delta =
      cost(ru, lu, lv) + cost(ru, lx, ly) - cost(ru, lu, lx) - cost(ru, lv, ly) +
      (unchecked(revCost[v]) - unchecked(cumCost[v])) +
      (unchecked(revCost[eu]) - unchecked(revCost[x]) - (unchecked(cumCost[eu]) - unchecked(cumCost[x])));
    if (penOn) delta += tailPenalty(sol, ru, rv, u, v, true);
    if (twOn) {
      // penalised time windows: the time warp is part of the cost (loads: headsOk above)
      if (delta - warpNow < best) {
        delta += headsWarpCost(sol, ru, rv, u, v, x, y) - warpNow;
        if (delta < best) {
          best = delta;
          bestVariant = 2;
        }
      }
    } else if (delta < best) {
      if (penOn || headsFit(sol, ru, rv, u, v, x, y)) {
        best = delta;
        bestVariant = 2;
      }
    }
  }
  if (bestVariant == 0) return false;
  recordMove(best);
  const prev = sol.prev;
  const lastU = unchecked(prev[eu]);
  if (bestVariant == 1) {
    const lastV = unchecked(prev[ev]);
    unchecked((next[u] = eu));
    unchecked((prev[eu] = u));
    unchecked((next[v] = ev));
    unchecked((prev[ev] = v));
    if (y != ev) sol.linkAfter(u, y, lastV);
    if (x != eu) sol.linkAfter(v, x, lastU);
  } else {
    const sv = startOf(rv);
    const firstV = unchecked(next[sv]);
    unchecked((next[u] = eu));
    unchecked((prev[eu] = u));
    unchecked((next[sv] = y));
    unchecked((prev[y] = sv));
    sol.linkAfter(u, firstV, v);
    sol.reversePath(firstV, v);
    if (x != eu) {
      sol.linkAfter(sv, x, lastU);
      sol.reversePath(x, lastU);
    }
  }
  routeChanged(sol, ru);
  routeChanged(sol, rv);
  return true;
}

/** Feasibility of the heads-joined variant: load sums when nothing else can bind, else walks. */
function headsFit(sol: Sol, ru: i32, rv: i32, u: i32, v: i32, x: i32, y: i32): bool {
  const eu = endOf(ru);
  const ev = endOf(rv);
  if (!intraNeedsCheck() && !HAS_ROUTECAP && unchecked(vClass[ru]) == unchecked(vClass[rv])) {
    for (let k = 0; k < D; k++) {
      const pu = unchecked(sol.pUpto[u * D + k]);
      const pv = unchecked(sol.pUpto[v * D + k]);
      const cap = unchecked(vCap[ru * D + k]);
      if (pu + pv > cap) return false;
      if (unchecked(sol.rLoad[ru * D + k]) - pu + unchecked(sol.rLoad[rv * D + k]) - pv > cap) return false;
    }
    return true;
  }
  // [..u] + reversed [first(rv)..v] for ru; reversed [x..last(ru)] + [y..] for rv
  seqStart(sol, ru);
  seqPath(sol, unchecked(sol.next[startOf(ru)]), u, false, true);
  seqPath(sol, v, unchecked(sol.next[startOf(rv)]), true, true);
  if (!seqFits(sol, ru)) return false;
  seqStart(sol, rv);
  seqPath(sol, unchecked(sol.prev[eu]), x, true, x != eu);
  seqPath(sol, y, unchecked(sol.prev[ev]), false, y != ev);
  return seqFits(sol, rv);
}

/**
 * Penalised time windows: price of the time warp of both routes after the heads are joined:
 * [..u] + reversed [first(rv)..v] for ru, reversed [x..last(ru)] + [y..] for rv (one class).
 */
function headsWarpCost(sol: Sol, ru: i32, rv: i32, u: i32, v: i32, x: i32, y: i32): i64 {
  const eu = endOf(ru);
  const sv = startOf(rv);
  seqStart(sol, ru);
  seqPath(sol, v, unchecked(sol.next[sv]), true, true);
  let c = warpCost(seqWarp(sol, ru, u, eu));
  seqStart(sol, rv);
  seqPath(sol, unchecked(sol.prev[eu]), x, true, x != eu);
  c += warpCost(seqWarp(sol, rv, sv, y));
  return c;
}

/** Cost change of the last arcs when tails swap between vehicles with different end places. */
// @ts-ignore: decorator
@inline function tailEndShift(sol: Sol, ru: i32, rv: i32, x: i32, y: i32): i64 {
  const eu = endOf(ru);
  const ev = endOf(rv);
  const leu = unchecked(sol.vloc[eu]);
  const lev = unchecked(sol.vloc[ev]);
  if (leu == lev) return 0;
  // the tail [y..] now ends at eu, the tail [x..] at ev
  let c: i64 = 0;
  if (y != ev) {
    const ly = unchecked(sol.vloc[unchecked(sol.prev[ev])]);
    c += cost(ru, ly, leu) - cost(rv, ly, lev);
  }
  if (x != eu) {
    const lx = unchecked(sol.vloc[unchecked(sol.prev[eu])]);
    c += cost(rv, lx, lev) - cost(ru, lx, leu);
  }
  return c;
}

/** Route cost without its fixed part. */
// @ts-ignore: decorator
@inline function routeCostNoFixed(sol: Sol, r: i32): i64 {
  return unchecked(sol.cumCost[endOf(r)]);
}

/** Travel cost of [start(r)..a] + [b..] under r's costs, ending at r's end. */
function newCostTail(sol: Sol, r: i32, a: i32, b: i32): i64 {
  if (NCP > 0) {
    // the tail's own arcs from the cumulative costs under r's profile: O(1)
    const la = unchecked(sol.vloc[a]);
    const ler = unchecked(sol.vloc[endOf(r)]);
    const eb = endOf(unchecked(sol.route[b]));
    if (b == eb) return unchecked(sol.cumCost[a]) + cost(r, la, ler);
    const last = unchecked(sol.prev[eb]);
    const k = unchecked(vCostIdx[r]);
    const inner = unchecked(sol.cumCostP[last * NCP + k]) - unchecked(sol.cumCostP[b * NCP + k]);
    return unchecked(sol.cumCost[a]) + cost(r, la, unchecked(sol.vloc[b])) + inner + cost(r, unchecked(sol.vloc[last]), ler);
  }
  let c = unchecked(sol.cumCost[a]);
  let pl = unchecked(sol.vloc[a]);
  const rb = unchecked(sol.route[b]);
  const eb = endOf(rb);
  let x = b;
  while (x != eb) {
    const l = unchecked(sol.vloc[x]);
    c += cost(r, pl, l);
    pl = l;
    x = unchecked(sol.next[x]);
  }
  return c + cost(r, pl, unchecked(sol.vloc[endOf(r)]));
}
