// Tidies the reload stops of a route: a stop the route can do without is dropped, and each
// remaining stop moves to the allowed facility that makes its detour cheapest, as long as
// the route stays feasible.

import { F, P, vFacMask, fLoc, costAt, vCost } from '../model/problem';
import { Sol, startOf, endOf, isReloadVisit, isPinned } from '../model/Sol';
import { seqStart, seqPath, seqFits, seqVisit } from '../model/feasibility';

/** Drops unneeded reload stops of route r and re-picks the facilities of the others; true when something changed (caches then stale). */
export function retuneReloads(sol: Sol, r: i32): bool {
  if (P == 0) return false;
  let changed = dropUnneeded(sol, r);
  if (F < 2) return changed;
  const mask = unchecked(vFacMask[r]);
  const off = unchecked(vCost[r]);
  const e = endOf(r);
  let x = unchecked(sol.next[startOf(r)]);
  while (x != e) {
    if (isReloadVisit(x)) {
      const lp = unchecked(sol.vloc[unchecked(sol.prev[x])]);
      const ln = unchecked(sol.vloc[unchecked(sol.next[x])]);
      const cur = unchecked(sol.fac[x]);
      const lc = unchecked(fLoc[cur]);
      const base = costAt(off, lp, lc) + costAt(off, lc, ln);
      // candidates in order of detour, best first: try the cheapest that fits
      let tried: i64 = 0;
      while (true) {
        let bestF = -1;
        let bestC = base;
        for (let f = 0; f < F; f++) {
          if (f == cur || ((mask >> <i64>f) & 1) == 0 || ((tried >> <i64>f) & 1) != 0) continue;
          const lf = unchecked(fLoc[f]);
          const c = costAt(off, lp, lf) + costAt(off, lf, ln);
          if (c < bestC) {
            bestC = c;
            bestF = f;
          }
        }
        if (bestF < 0) break;
        tried |= <i64>1 << <i64>bestF;
        unchecked((sol.fac[x] = bestF));
        unchecked((sol.vloc[x] = fLoc[bestF]));
        seqStart(sol, r);
        seqPath(sol, unchecked(sol.next[startOf(r)]), unchecked(sol.prev[e]), false, true);
        if (seqFits(sol, r)) {
          changed = true;
          break;
        }
        unchecked((sol.fac[x] = cur));
        unchecked((sol.vloc[x] = lc));
      }
    }
    x = unchecked(sol.next[x]);
  }
  return changed;
}

/** Removes every reload stop (but the pinned final unload) that the route stays feasible without. */
function dropUnneeded(sol: Sol, r: i32): bool {
  const e = endOf(r);
  let changed = false;
  let x = unchecked(sol.next[startOf(r)]);
  while (x != e) {
    const nx = unchecked(sol.next[x]);
    if (isReloadVisit(x) && !isPinned(x)) {
      seqStart(sol, r);
      let y = unchecked(sol.next[startOf(r)]);
      while (y != e) {
        if (y != x) seqVisit(y);
        y = unchecked(sol.next[y]);
      }
      if (seqFits(sol, r)) {
        sol.removeReload(x);
        changed = true;
      }
    }
    x = nx;
  }
  return changed;
}
