// Swap: exchange a string of 1–2 customers starting at u with a string of 1–2 customers
// starting at v (the (1,1), (2,1), (1,2) and (2,2) exchanges).

import { CAP, d } from '../model/problem';
import { Sol, loc, isDepotVisit } from '../model/Sol';
import { routeChanged } from './lsState';

/** Applies the best improving string exchange between u and v; true if one was applied. */
export function swap(sol: Sol, u: i32, v: i32): bool {
  const next = sol.next;
  const prev = sol.prev;
  const pos = sol.pos;
  const cumLoad = sol.cumLoad;
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  const same = ru == rv;
  const p1 = unchecked(prev[u]);
  const p2 = unchecked(prev[v]);
  const lp1 = loc(p1);
  const lp2 = loc(p2);
  const loadU = unchecked(sol.rLoad[ru]);
  const loadV = unchecked(sol.rLoad[rv]);
  let best: i64 = 0;
  let bestE1 = -1;
  let bestE2 = -1;
  let e1 = u;
  for (let l1 = 1; l1 <= 2; l1++) {
    if (l1 > 1) {
      e1 = unchecked(next[e1]);
      if (isDepotVisit(e1)) break;
    }
    const n1 = unchecked(next[e1]);
    const ln1 = loc(n1);
    const load1 = unchecked(cumLoad[e1]) - unchecked(cumLoad[p1]);
    const out1 = d(lp1, u) + d(e1, ln1);
    let e2 = v;
    for (let l2 = 1; l2 <= 2; l2++) {
      if (l2 > 1) {
        e2 = unchecked(next[e2]);
        if (isDepotVisit(e2)) break;
      }
      const n2 = unchecked(next[e2]);
      if (same) {
        // disjoint and not adjacent: either seg1 entirely before seg2 or after it, with a gap
        const before = unchecked(pos[e1]) + 1 < unchecked(pos[v]);
        const after = unchecked(pos[e2]) + 1 < unchecked(pos[u]);
        if (!before && !after) continue;
      } else {
        const load2 = unchecked(cumLoad[e2]) - unchecked(cumLoad[p2]);
        if (loadU - load1 + load2 > CAP || loadV - load2 + load1 > CAP) continue;
      }
      const ln2 = loc(n2);
      const delta = d(lp1, v) + d(e2, ln1) + d(lp2, u) + d(e1, ln2) - out1 - d(lp2, v) - d(e2, ln2);
      if (delta < best) {
        best = delta;
        bestE1 = e1;
        bestE2 = e2;
      }
    }
  }
  if (bestE1 < 0) return false;
  sol.unlink(u, bestE1);
  sol.unlink(v, bestE2);
  sol.linkAfter(p1, v, bestE2);
  sol.linkAfter(p2, u, bestE1);
  routeChanged(sol, ru);
  if (!same) routeChanged(sol, rv);
  return true;
}
