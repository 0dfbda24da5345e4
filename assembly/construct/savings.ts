// Clarke & Wright (1964) parallel savings, restricted to the granular neighbour pairs
// (i, j in neigh(i)) so that it stays O(N·K log(N·K)) for large instances. Used for
// CVRP-like problems: one vehicle class, one depot, no schedules, pickups only.

import { N, KN, D, NC, neigh, jPick, vStart, vCap, vClass, compat, cost } from '../model/problem';
import { Sol, startOf } from '../model/Sol';

/** True when the problem is one the savings heuristic handles. */
export function savingsApplies(sameVehicles: bool, simpleLoad: bool, timed: bool, limits: bool, optional: bool, closedAtStart: bool): bool {
  return sameVehicles && simpleLoad && !timed && !limits && !optional && closedAtStart;
}

/**
 * True when every job fits an empty vehicle alone (its pickups within the capacity, its skills
 * met): savings starts from one route per job, so a job that fits no vehicle would stay routed.
 * Otherwise the recreate construction runs, which leaves such a job unserved with its reason.
 */
export function everyJobFitsAlone(): bool {
  for (let v = 1; v < N; v++) {
    if (unchecked(compat[v * NC + unchecked(vClass[0])]) == 0) return false;
    for (let k = 0; k < D; k++) if (unchecked(jPick[v * D + k]) > unchecked(vCap[k])) return false;
  }
  return true;
}

/** Builds a savings solution into `sol` (cleared first). Needs N-1 vehicles of one class. */
export function savings(sol: Sol): void {
  sol.clear();
  const n = N;
  const depot = unchecked(vStart[0]);
  const m = (n - 1) * KN;
  const keys = new StaticArray<i64>(max(m, 1));
  let cnt = 0;
  for (let i = 1; i < n; i++) {
    const li = unchecked(sol.vloc[i]);
    for (let k = 0; k < KN; k++) {
      const j = unchecked(neigh[i * KN + k]);
      const lj = unchecked(sol.vloc[j]);
      const s = cost(0, li, depot) + cost(0, depot, lj) - cost(0, li, lj);
      if (s <= 0) continue;
      // larger saving first; ties by (i, k) for determinism (i < 2^20, k < 256)
      unchecked((keys[cnt++] = (((<i64>1 << 34) - s) << 28) | (<i64>i << 8) | <i64>k));
    }
  }
  sortI64(keys, cnt);
  const head = new StaticArray<i32>(n);
  const first = new StaticArray<i32>(n);
  const last = new StaticArray<i32>(n);
  const load = new StaticArray<i32>(n * D);
  const nxt = new StaticArray<i32>(n);
  for (let i = 1; i < n; i++) {
    unchecked((head[i] = i));
    unchecked((first[i] = i));
    unchecked((last[i] = i));
    for (let k = 0; k < D; k++) unchecked((load[i * D + k] = jPick[i * D + k]));
  }
  for (let t = 0; t < cnt; t++) {
    const key = unchecked(keys[t]);
    const i = <i32>((key >> 8) & 0xfffff);
    const j = unchecked(neigh[i * KN + <i32>(key & 0xff)]);
    const ri = unchecked(head[i]);
    const rj = unchecked(head[j]);
    if (ri == rj) continue;
    if (unchecked(last[ri]) != i || unchecked(first[rj]) != j) continue;
    let fits = true;
    for (let k = 0; k < D; k++) if (unchecked(load[ri * D + k]) + unchecked(load[rj * D + k]) > unchecked(vCap[k])) fits = false;
    if (!fits) continue;
    unchecked((nxt[i] = j));
    unchecked((last[ri] = last[rj]));
    for (let k = 0; k < D; k++) unchecked((load[ri * D + k] += load[rj * D + k]));
    let v = j;
    while (v != 0) {
      unchecked((head[v] = ri));
      v = unchecked(nxt[v]);
    }
  }
  let r = 0;
  for (let i = 1; i < n; i++) {
    if (unchecked(head[i]) != i) continue;
    let a = startOf(r);
    let v = unchecked(first[i]);
    while (v != 0) {
      sol.insertJob(v, a, r);
      a = v;
      v = unchecked(nxt[v]);
    }
    r++;
  }
  sol.updateAll();
}

/** In-place heap sort of the first `cnt` keys (ascending). */
export function sortI64(a: StaticArray<i64>, cnt: i32): void {
  for (let start = (cnt >> 1) - 1; start >= 0; start--) siftDown(a, start, cnt);
  for (let end = cnt - 1; end > 0; end--) {
    const t = unchecked(a[0]);
    unchecked((a[0] = a[end]));
    unchecked((a[end] = t));
    siftDown(a, 0, end);
  }
}

function siftDown(a: StaticArray<i64>, start: i32, end: i32): void {
  let root = start;
  while (true) {
    let child = 2 * root + 1;
    if (child >= end) return;
    if (child + 1 < end && unchecked(a[child + 1]) > unchecked(a[child])) child++;
    if (unchecked(a[root]) >= unchecked(a[child])) return;
    const t = unchecked(a[root]);
    unchecked((a[root] = a[child]));
    unchecked((a[child] = t));
    root = child;
  }
}
