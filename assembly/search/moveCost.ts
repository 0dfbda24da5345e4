// Cost helpers shared by the operators: travel cost of a short path under a vehicle's
// matrix, and the rules for the intra-route checks.

import { HAS_TIME, HAS_LIMITS, SIMPLE_LOAD, vCost, cost } from '../model/problem';
import { Sol } from '../model/Sol';

/** True when a change inside one route can break a constraint (time, limits, trip loads). */
// @ts-ignore: decorator
@inline export function intraNeedsCheck(): bool {
  return HAS_TIME || HAS_LIMITS || !SIMPLE_LOAD;
}

/** Internal cost of the path s..e (forward, or travelled backwards) under vehicle r's costs. */
export function pathCost(sol: Sol, r: i32, s: i32, e: i32, rev: bool): i64 {
  const ro = unchecked(sol.route[s]);
  if (ro >= 0 && unchecked(vCost[ro]) == unchecked(vCost[r])) {
    return rev
      ? unchecked(sol.revCost[e]) - unchecked(sol.revCost[s])
      : unchecked(sol.cumCost[e]) - unchecked(sol.cumCost[s]);
  }
  let c: i64 = 0;
  let x = s;
  while (x != e) {
    const nx = unchecked(sol.next[x]);
    const a = unchecked(sol.vloc[x]);
    const b = unchecked(sol.vloc[nx]);
    c += rev ? cost(r, b, a) : cost(r, a, b);
    x = nx;
  }
  return c;
}
