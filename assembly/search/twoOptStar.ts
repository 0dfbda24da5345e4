// 2-opt* (inter-route): cut the routes of u and v after u and after v and reconnect,
// either tail-to-tail (u → next(v), v → next(u)) or head-to-head (u → v with the head of
// v's route reversed, and the reversed tail of u's route before next(v)).

import { CAP, d } from '../model/problem';
import { Sol, loc, startOf, endOf } from '../model/Sol';
import { routeChanged } from './lsState';

/** Applies the better improving 2-opt* variant between the routes of u and v; true if applied. */
export function twoOptStar(sol: Sol, u: i32, v: i32): bool {
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  if (ru == rv) return false;
  const next = sol.next;
  const cumLoad = sol.cumLoad;
  const cumCost = sol.cumCost;
  const revCost = sol.revCost;
  const x = unchecked(next[u]);
  const y = unchecked(next[v]);
  const lx = loc(x);
  const ly = loc(y);
  const eu = endOf(ru);
  const ev = endOf(rv);
  const loadU = unchecked(sol.rLoad[ru]);
  const loadV = unchecked(sol.rLoad[rv]);
  const cu = unchecked(cumLoad[u]);
  const cv = unchecked(cumLoad[v]);
  const cut = d(u, lx) + d(v, ly);
  let bestVariant = 0;
  let best: i64 = 0;
  // tails exchanged
  if (cu + loadV - cv <= CAP && cv + loadU - cu <= CAP) {
    const delta = d(u, ly) + d(v, lx) - cut;
    if (delta < best) {
      best = delta;
      bestVariant = 1;
    }
  }
  // heads joined
  if (cu + cv <= CAP && loadU - cu + loadV - cv <= CAP) {
    const delta =
      d(u, v) + d(lx, ly) - cut +
      (unchecked(revCost[v]) - unchecked(cumCost[v])) +
      (unchecked(revCost[eu]) - unchecked(revCost[x]) - (unchecked(cumCost[eu]) - unchecked(cumCost[x])));
    if (delta < best) {
      best = delta;
      bestVariant = 2;
    }
  }
  if (bestVariant == 0) return false;
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
