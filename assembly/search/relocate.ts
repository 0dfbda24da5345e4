// Relocate: move a string of 1–3 consecutive customers starting at u next to v
// (right after v, or right before it), in its original or reversed orientation.

import { CAP, d } from '../model/problem';
import { Sol, loc, isDepotVisit } from '../model/Sol';
import { routeChanged } from './lsState';

/** Applies the best improving relocation of a string starting at u next to v; true if one was applied. */
export function relocate(sol: Sol, u: i32, v: i32): bool {
  const next = sol.next;
  const prev = sol.prev;
  const pos = sol.pos;
  const ru = unchecked(sol.route[u]);
  const rv = unchecked(sol.route[v]);
  const same = ru == rv;
  const p = unchecked(prev[u]);
  const lp = loc(p);
  const cumLoad = sol.cumLoad;
  const cumCost = sol.cumCost;
  const revCost = sol.revCost;
  const loadV = unchecked(sol.rLoad[rv]);
  const posV = unchecked(pos[v]);
  const pv = unchecked(prev[v]);
  let best: i64 = 0;
  let bestE = -1;
  let bestA = -1;
  let bestRev = false;
  let e = u;
  for (let len = 1; len <= 3; len++) {
    if (len > 1) {
      e = unchecked(next[e]);
      if (isDepotVisit(e)) break;
    }
    if (same && posV >= unchecked(pos[u]) && posV <= unchecked(pos[e])) break;
    const segLoad = unchecked(cumLoad[e]) - unchecked(cumLoad[p]);
    if (!same && loadV + segLoad > CAP) break;
    const lnx = loc(unchecked(next[e]));
    const removeGain = d(lp, lnx) - d(lp, u) - d(e, lnx);
    const turn = unchecked(revCost[e]) - unchecked(revCost[u]) - (unchecked(cumCost[e]) - unchecked(cumCost[u]));
    for (let t = 0; t < 2; t++) {
      const a = t == 0 ? v : pv;
      if (a == p || a == e) continue;
      const la = loc(a);
      const lb = loc(unchecked(next[a]));
      const base = removeGain - d(la, lb);
      const dF = base + d(la, u) + d(e, lb);
      if (dF < best) {
        best = dF;
        bestE = e;
        bestA = a;
        bestRev = false;
      }
      if (len > 1) {
        const dR = base + d(la, e) + d(u, lb) + turn;
        if (dR < best) {
          best = dR;
          bestE = e;
          bestA = a;
          bestRev = true;
        }
      }
    }
  }
  if (bestA < 0) return false;
  sol.unlink(u, bestE);
  sol.linkAfter(bestA, u, bestE);
  if (bestRev) sol.reversePath(u, bestE);
  routeChanged(sol, ru);
  if (!same) routeChanged(sol, rv);
  return true;
}
