// Builds a solution from routes given by the host (to explain a given plan's unserved jobs):
// layout [routes, then per route: vehicle, length, steps…], a step being a job j ≥ 0 or a
// reload at facility f as -(f+1). The final unload of a return-empty vehicle is its pinned
// reload visit: a last reload step sets that visit's facility instead of adding a stop.

import { R, F, N, vReturnEmpty, pinnedOf, fLoc } from './problem';
import { Sol, startOf, endOf } from './Sol';

/** Fills `sol` from `data`; returns false when the data is malformed (out-of-range ids, a job twice). */
export function loadRoutes(sol: Sol, data: StaticArray<i32>): bool {
  sol.clear();
  const count = data.length > 0 ? unchecked(data[0]) : 0;
  let k = 1;
  for (let q = 0; q < count; q++) {
    if (k + 2 > data.length) return false;
    const r = unchecked(data[k++]);
    const len = unchecked(data[k++]);
    if (r < 0 || r >= R || len < 0 || k + len > data.length) return false;
    const pin = unchecked(pinnedOf[r]);
    let a = startOf(r);
    for (let i = 0; i < len; i++) {
      const s = unchecked(data[k++]);
      if (s >= 0) {
        const v = s + 1;
        if (v >= N || unchecked(sol.route[v]) >= 0) return false;
        sol.insertJob(v, a, r);
        a = v;
      } else {
        const f = -s - 1;
        if (f >= F) return false;
        if (i == len - 1 && unchecked(vReturnEmpty[r]) != 0 && pin >= 0) {
          unchecked((sol.fac[pin] = f));
          unchecked((sol.vloc[pin] = fLoc[f]));
          continue;
        }
        const v = sol.insertReload(f, a, r);
        if (v < 0) return false;
        a = v;
      }
    }
    assert(unchecked(sol.next[a]) == endOf(r) || unchecked(sol.next[a]) == pin, 'loadRoutes: tail');
  }
  sol.updateAll();
  return true;
}
