// 2-opt (intra-route): reverse the path between u and v so that they become adjacent.

import { d } from '../model/problem';
import { Sol, loc } from '../model/Sol';
import { routeChanged } from './lsState';

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
  const ly = loc(y);
  const delta =
    d(a, b) + d(x, ly) - d(a, x) - d(b, ly) +
    (unchecked(sol.revCost[b]) - unchecked(sol.revCost[x])) -
    (unchecked(sol.cumCost[b]) - unchecked(sol.cumCost[x]));
  if (delta >= 0) return false;
  sol.reversePath(x, b);
  routeChanged(sol, r);
  return true;
}
