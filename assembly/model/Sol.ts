// A solution as doubly linked routes over "visits".
//
// Visit ids: 1..N-1 are the customers (visit id = node id); route r owns a start visit
// N + 2r and an end visit N + 2r + 1, both located at the depot. Every route's cached data
// (position, cumulative load, forward and reverse cumulative cost) is refreshed by
// `updateRoute` after a change, which makes every move evaluation O(1).

import { N, demand, d } from './problem';

/** Location (node id) of a visit. */
// @ts-ignore: decorator
@inline export function loc(v: i32): i32 {
  return v < N ? v : 0;
}

// @ts-ignore: decorator
@inline export function startOf(r: i32): i32 {
  return N + 2 * r;
}

// @ts-ignore: decorator
@inline export function endOf(r: i32): i32 {
  return N + 2 * r + 1;
}

// @ts-ignore: decorator
@inline export function isDepotVisit(v: i32): bool {
  return v >= N;
}

export class Sol {
  nR: i32; // route slots
  nV: i32; // visit slots
  next: StaticArray<i32>;
  prev: StaticArray<i32>;
  route: StaticArray<i32>; // route of each visit, -1 when the customer is unrouted
  pos: StaticArray<i32>; // position in route: start depot 0, first customer 1, …
  cumLoad: StaticArray<i32>; // load collected from the start up to and including the visit
  cumCost: StaticArray<i64>; // cost from the start to the visit
  revCost: StaticArray<i64>; // cost of the same path travelled backwards
  rSize: StaticArray<i32>; // customers per route
  rLoad: StaticArray<i32>;
  rCost: StaticArray<i64>;
  rStamp: StaticArray<i64>; // move counter value of the last change
  cost: i64;

  constructor(n: i32) {
    const nR = n; // at most n-1 non-empty routes, plus a spare
    const nV = n + 2 * nR;
    this.nR = nR;
    this.nV = nV;
    this.next = new StaticArray<i32>(nV);
    this.prev = new StaticArray<i32>(nV);
    this.route = new StaticArray<i32>(nV);
    this.pos = new StaticArray<i32>(nV);
    this.cumLoad = new StaticArray<i32>(nV);
    this.cumCost = new StaticArray<i64>(nV);
    this.revCost = new StaticArray<i64>(nV);
    this.rSize = new StaticArray<i32>(nR);
    this.rLoad = new StaticArray<i32>(nR);
    this.rCost = new StaticArray<i64>(nR);
    this.rStamp = new StaticArray<i64>(nR);
    this.cost = 0;
    this.clear();
  }

  /** Empties every route; all customers become unrouted. */
  clear(): void {
    for (let v = 0; v < N; v++) {
      unchecked((this.route[v] = -1));
      unchecked((this.next[v] = -1));
      unchecked((this.prev[v] = -1));
    }
    for (let r = 0; r < this.nR; r++) {
      const s = startOf(r);
      const e = endOf(r);
      unchecked((this.next[s] = e));
      unchecked((this.prev[e] = s));
      unchecked((this.prev[s] = -1));
      unchecked((this.next[e] = -1));
      unchecked((this.route[s] = r));
      unchecked((this.route[e] = r));
      unchecked((this.pos[s] = 0));
      unchecked((this.pos[e] = 1));
      unchecked((this.cumLoad[s] = 0));
      unchecked((this.cumLoad[e] = 0));
      unchecked((this.cumCost[s] = 0));
      unchecked((this.cumCost[e] = 0));
      unchecked((this.revCost[s] = 0));
      unchecked((this.revCost[e] = 0));
      unchecked((this.rSize[r] = 0));
      unchecked((this.rLoad[r] = 0));
      unchecked((this.rCost[r] = 0));
      unchecked((this.rStamp[r] = 0));
    }
    this.cost = 0;
  }

  /** Copies another solution of the same size (no allocation). */
  copyFrom(o: Sol): void {
    const nV = this.nV;
    const nR = this.nR;
    memory.copy(changetype<usize>(this.next), changetype<usize>(o.next), <usize>nV << 2);
    memory.copy(changetype<usize>(this.prev), changetype<usize>(o.prev), <usize>nV << 2);
    memory.copy(changetype<usize>(this.route), changetype<usize>(o.route), <usize>nV << 2);
    memory.copy(changetype<usize>(this.pos), changetype<usize>(o.pos), <usize>nV << 2);
    memory.copy(changetype<usize>(this.cumLoad), changetype<usize>(o.cumLoad), <usize>nV << 2);
    memory.copy(changetype<usize>(this.cumCost), changetype<usize>(o.cumCost), <usize>nV << 3);
    memory.copy(changetype<usize>(this.revCost), changetype<usize>(o.revCost), <usize>nV << 3);
    memory.copy(changetype<usize>(this.rSize), changetype<usize>(o.rSize), <usize>nR << 2);
    memory.copy(changetype<usize>(this.rLoad), changetype<usize>(o.rLoad), <usize>nR << 2);
    memory.copy(changetype<usize>(this.rCost), changetype<usize>(o.rCost), <usize>nR << 3);
    memory.copy(changetype<usize>(this.rStamp), changetype<usize>(o.rStamp), <usize>nR << 3);
    this.cost = o.cost;
  }

  /** Refreshes the cached data of route r and its totals; returns the route's new cost. */
  updateRoute(r: i32): i64 {
    const next = this.next;
    const s = startOf(r);
    const e = endOf(r);
    let v = unchecked(next[s]);
    let p = s;
    let pLoc = 0;
    let position = 0;
    let load = 0;
    let c: i64 = 0;
    let rc: i64 = 0;
    while (v != e) {
      position++;
      const l = v; // customers: location = visit id
      load += unchecked(demand[l]);
      c += d(pLoc, l);
      rc += d(l, pLoc);
      unchecked((this.route[v] = r));
      unchecked((this.pos[v] = position));
      unchecked((this.cumLoad[v] = load));
      unchecked((this.cumCost[v] = c));
      unchecked((this.revCost[v] = rc));
      pLoc = l;
      p = v;
      v = unchecked(next[v]);
    }
    c += d(pLoc, 0);
    rc += d(0, pLoc);
    unchecked((this.pos[e] = position + 1));
    unchecked((this.cumLoad[e] = load));
    unchecked((this.cumCost[e] = c));
    unchecked((this.revCost[e] = rc));
    this.cost += c - unchecked(this.rCost[r]);
    unchecked((this.rSize[r] = position));
    unchecked((this.rLoad[r] = load));
    unchecked((this.rCost[r] = c));
    return c;
  }

  /** Recomputes every route and the total cost. */
  updateAll(): void {
    this.cost = 0;
    for (let r = 0; r < this.nR; r++) {
      unchecked((this.rCost[r] = 0));
      this.updateRoute(r);
    }
  }

  /** Unlinks the customer path s..e (inclusive) from its route; caches are stale afterwards. */
  // @ts-ignore: decorator
  @inline unlink(s: i32, e: i32): void {
    const p = unchecked(this.prev[s]);
    const n = unchecked(this.next[e]);
    unchecked((this.next[p] = n));
    unchecked((this.prev[n] = p));
  }

  /** Links the path s..e (forward) right after visit a. */
  // @ts-ignore: decorator
  @inline linkAfter(a: i32, s: i32, e: i32): void {
    const b = unchecked(this.next[a]);
    unchecked((this.next[a] = s));
    unchecked((this.prev[s] = a));
    unchecked((this.next[e] = b));
    unchecked((this.prev[b] = e));
  }

  /** Reverses the links of the path s..e in place (s before e); the path keeps its neighbours. */
  reversePath(s: i32, e: i32): void {
    const p = unchecked(this.prev[s]);
    const n = unchecked(this.next[e]);
    let v = s;
    while (true) {
      const nx = unchecked(this.next[v]);
      unchecked((this.next[v] = unchecked(this.prev[v])));
      unchecked((this.prev[v] = nx));
      if (v == e) break;
      v = nx;
    }
    // now e..s is linked backwards; splice it between p and n
    unchecked((this.next[p] = e));
    unchecked((this.prev[e] = p));
    unchecked((this.next[s] = n));
    unchecked((this.prev[n] = s));
  }

  /** Index of an empty route slot, or -1. */
  emptyRoute(): i32 {
    for (let r = 0; r < this.nR; r++) if (unchecked(this.rSize[r]) == 0) return r;
    return -1;
  }
}
