// Greedy insertion with blinks (SISR): removed customers are sorted (random, largest
// demand, farthest from or closest to the depot) and each is inserted at its cheapest
// feasible position, each position being skipped with a small probability. Candidate
// positions are those next to the customer's nearest routed neighbours; a full scan runs
// only when none of them has room.

import { N, CAP, KN, neigh, demand, d } from '../model/problem';
import { Sol, startOf, endOf, loc } from '../model/Sol';
import { rngFloat, rngInt } from '../common/rng';
import { removed, nRemoved, touch } from './ruin';

const BLINK: f64 = 0.01;
const BIG: i64 = 0x3fffffffffffffff;
/** Neighbours whose positions are tried before falling back to a full scan. */
export let K_INSERT: i32 = 40;
let sortKey: StaticArray<i64> = new StaticArray<i64>(0);

export function recreateAlloc(n: i32): void {
  sortKey = new StaticArray<i64>(n);
}

/** Orders `removed` by one of the SISR criteria (weights 4 random, 4 demand, 2 far, 1 close). */
function orderRemoved(): void {
  const cnt = nRemoved;
  // shuffle first: random order, and random tie-breaks for the sorted orders
  for (let i = cnt - 1; i > 0; i--) {
    const j = rngInt(i + 1);
    const t = unchecked(removed[i]);
    unchecked((removed[i] = removed[j]));
    unchecked((removed[j] = t));
  }
  const w = rngInt(11);
  if (w < 4) return;
  for (let i = 0; i < cnt; i++) {
    const c = unchecked(removed[i]);
    let key: i64;
    if (w < 8) key = -<i64>unchecked(demand[c]);
    else if (w < 10) key = -d(0, c);
    else key = d(0, c);
    unchecked((sortKey[i] = key));
  }
  // stable insertion sort (the lists are short)
  for (let i = 1; i < cnt; i++) {
    const k = unchecked(sortKey[i]);
    const c = unchecked(removed[i]);
    let j = i - 1;
    while (j >= 0 && unchecked(sortKey[j]) > k) {
      unchecked((sortKey[j + 1] = sortKey[j]));
      unchecked((removed[j + 1] = removed[j]));
      j--;
    }
    unchecked((sortKey[j + 1] = k));
    unchecked((removed[j + 1] = c));
  }
}

/** Reinserts every removed customer into `sol`; touched routes are recorded for the caller. */
export function recreate(sol: Sol): void {
  orderRemoved();
  const next = sol.next;
  const prev = sol.prev;
  const route = sol.route;
  const rLoad = sol.rLoad;
  const kIns = min(K_INSERT, KN);
  for (let i = 0; i < nRemoved; i++) {
    const c = unchecked(removed[i]);
    const dc = unchecked(demand[c]);
    let best: i64 = BIG;
    let bestA = -1;
    const base = c * KN;
    for (let k = 0; k < kIns; k++) {
      const w = unchecked(neigh[base + k]);
      const r = unchecked(route[w]);
      if (r < 0 || unchecked(rLoad[r]) + dc > CAP) continue;
      // after w
      if (rngFloat() >= BLINK) {
        const lb = loc(unchecked(next[w]));
        const cost = d(w, c) + d(c, lb) - d(w, lb);
        if (cost < best) {
          best = cost;
          bestA = w;
        }
      }
      // before w
      if (rngFloat() >= BLINK) {
        const a = unchecked(prev[w]);
        const la = loc(a);
        const cost = d(la, c) + d(c, w) - d(la, w);
        if (cost < best) {
          best = cost;
          bestA = a;
        }
      }
    }
    if (bestA < 0) {
      // full scan of the routes with room
      for (let r = 0; r < sol.nR; r++) {
        if (unchecked(sol.rSize[r]) == 0 || unchecked(rLoad[r]) + dc > CAP) continue;
        const e = endOf(r);
        let a = startOf(r);
        while (a != e) {
          const b = unchecked(next[a]);
          if (rngFloat() >= BLINK) {
            const la = loc(a);
            const lb = loc(b);
            const cost = d(la, c) + d(c, lb) - d(la, lb);
            if (cost < best) {
              best = cost;
              bestA = a;
            }
          }
          a = b;
        }
      }
    }
    const solo = d(0, c) + d(c, 0);
    let r: i32;
    if (bestA < 0 || solo < best) {
      r = sol.emptyRoute();
      bestA = startOf(r);
    } else {
      r = unchecked(route[bestA]);
    }
    sol.linkAfter(bestA, c, c);
    unchecked((route[c] = r));
    unchecked((rLoad[r] += dc));
    unchecked((sol.rSize[r] += 1));
    touch(r);
  }
}
