// Work list of the local search: customers whose neighbourhood must be (re)examined,
// and the move counter that stamps routes when they change.

import { N } from '../model/problem';
import { Sol, startOf, endOf } from '../model/Sol';
import { markCount, markAt, setMarkAt, setMarkCount, marksOverflowed } from '../model/linkMarks';

/**
 * Routes with more jobs than this queue only the customers near their changes (within
 * LOCAL_WINDOW positions of a relinked visit, see model/linkMarks.ts); shorter routes queue
 * every customer, as before.
 */
export const LONG_ROUTE: i32 = 40;
export const LOCAL_WINDOW: i32 = 4;

export let moveCount: i64 = 1;
export let lastTested: StaticArray<i64> = new StaticArray<i64>(0);
let queue: StaticArray<i32> = new StaticArray<i32>(0);
let inQueue: StaticArray<u8> = new StaticArray<u8>(0);
let qHead: i32 = 0;
let qCount: i32 = 0;

export function lsAlloc(n: i32): void {
  lastTested = new StaticArray<i64>(n);
  // never tested: the first local search examines every pair, whatever the routes' stamps
  for (let i = 0; i < n; i++) unchecked((lastTested[i] = -1));
  queue = new StaticArray<i32>(n);
  inQueue = new StaticArray<u8>(n);
  qHead = 0;
  qCount = 0;
}

// @ts-ignore: decorator
@inline export function queueSize(): i32 {
  return qCount;
}

/** Adds customer u to the work list (no-op when already there). */
export function pushNode(u: i32): void {
  if (unchecked(inQueue[u])) return;
  unchecked((inQueue[u] = 1));
  let t = qHead + qCount;
  if (t >= N) t -= N;
  unchecked((queue[t] = u));
  qCount++;
}

export function popNode(): i32 {
  const u = unchecked(queue[qHead]);
  qHead++;
  if (qHead == N) qHead = 0;
  qCount--;
  unchecked((inQueue[u] = 0));
  return u;
}

/** Adds every customer of route r to the work list. */
export function pushRoute(sol: Sol, r: i32): void {
  const e = endOf(r);
  let v = unchecked(sol.next[startOf(r)]);
  while (v != e) {
    if (v < N) pushNode(v);
    v = unchecked(sol.next[v]);
  }
}

/** Stamps route r as changed now, so that the local search re-examines its pairs. */
export function stampRoute(sol: Sol, r: i32): void {
  moveCount++;
  unchecked((sol.rStamp[r] = moveCount));
}

/**
 * Call after changing route r: refreshes its caches, stamps it and queues its customers — on a
 * long route only those near the places it was relinked (the marks of model/linkMarks.ts,
 * which this consumes).
 */
export function routeChanged(sol: Sol, r: i32): void {
  sol.updateRoute(r);
  moveCount++;
  unchecked((sol.rStamp[r] = moveCount));
  const local = unchecked(sol.rSize[r]) > LONG_ROUTE && !marksOverflowed;
  if (!local) pushRoute(sol, r);
  // consume r's marks (queueing around them on a long route); drop those of unrouted visits
  const route = sol.route;
  const s = startOf(r);
  const e = endOf(r);
  const n = markCount();
  let w = 0;
  for (let i = 0; i < n; i++) {
    const m = markAt(i);
    const rm = m == s || m == e ? r : unchecked(route[m]);
    if (rm == r) {
      if (local) pushAround(sol, r, m);
    } else if (rm >= 0) {
      setMarkAt(w++, m);
    }
  }
  setMarkCount(w);
}

/** Queues the customers within LOCAL_WINDOW positions of visit m of route r (r's caches are current). */
function pushAround(sol: Sol, r: i32, m: i32): void {
  const s = startOf(r);
  const e = endOf(r);
  if (m > 0 && m < N) pushNode(m);
  let x = m;
  for (let k = 0; k < LOCAL_WINDOW && x != s; k++) {
    x = unchecked(sol.prev[x]);
    if (x > 0 && x < N) pushNode(x);
  }
  x = m;
  for (let k = 0; k < LOCAL_WINDOW && x != e; k++) {
    x = unchecked(sol.next[x]);
    if (x > 0 && x < N) pushNode(x);
  }
}
