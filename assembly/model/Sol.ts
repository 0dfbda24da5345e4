// A solution as doubly linked routes over visits (see problem.ts for the visit ids).
// After a change, `updateRoute` refreshes the route's cached data (position, cumulative
// cost forwards and backwards, schedule bounds, trip loads, limits), so that a move is
// checked in O(1) or O(length of the moved segment) from the cache (feasibility.ts).

import {
  N, R, D, P, V, INF, SIMPLE_LOAD, HAS_TIME, HAS_LIMITS,
  vStart, vEnd, vTwStart, vTwEnd, vFixed, jLoc, jMiss, fLoc, cost, dur, dist,
  PN, F, pinnedOf, vFacMask, HAS_ROUTECAP, NB, NCP, cpOff, costAt, vBreakCount, vBreakFirst, bService, NDP, dpOff, durAt,
} from './problem';
import { cacheBreaks } from './feasibility';
import { markLink } from './linkMarks';
import { TW_CAPABLE, twCache } from './timePenalty';
import { startOf, endOf, isBoundary, isReloadVisit, serviceOf, setupOf, pickOf, delOf, earliestStart, latestStart, breakLatestReady } from './visit';

export { startOf, endOf, isDepotVisit, isEndVisit, isBoundary, isJob, isReloadVisit, isPinned } from './visit';

/** Price of leaving job v unserved (set by the host: a prize, or the mandatory-job penalty plus its priority weight). */
// @ts-ignore: decorator
@inline export function missCostOf(v: i32): i64 {
  return unchecked(jMiss[v]);
}

export class Sol {
  next: StaticArray<i32>;
  prev: StaticArray<i32>;
  route: StaticArray<i32>; // -1: unrouted job or free reload slot
  pos: StaticArray<i32>; // 0 at the start visit
  vloc: StaticArray<i32>; // location of each visit
  fac: StaticArray<i32>; // facility of a reload visit, else -1
  cumCost: StaticArray<i64>; // cost from the route start to the visit
  revCost: StaticArray<i64>; // cost of the same path travelled backwards
  cumCostP: StaticArray<i64>; // V×NCP: cost from the route start to the visit under each cost profile (NCP > 0)
  cumWorkP: StaticArray<i64>; // V×NDP: travel under each duration profile, setups and services from the route start to the visit, its own included (NDP > 0)
  cumDist: StaticArray<i64>;
  cumTravel: StaticArray<i64>;
  early: StaticArray<i64>; // service start (start visit: departure; end visit: arrival)
  dep: StaticArray<i64>; // departure
  late: StaticArray<i64>; // latest service start that keeps the rest of the route feasible
  late1: StaticArray<i64>; // the same with the route's one break still to take after the visit (relaxed, see backward)
  bdep: StaticArray<i64>; // departure with the route's breaks (see feasibility.ts#cacheBreaks)
  bStep: StaticArray<i32>; // per route: first position whose prefix holds every break decision
  bTaken: StaticArray<i32>; // breaks taken before leaving the visit (start visit: -1 when not cached)
  jobsUpto: StaticArray<i32>;
  reloadsUpto: StaticArray<i32>;
  pUpto: StaticArray<i32>; // V×D pickups since the trip start, this visit included
  pTot: StaticArray<i32>; // V×D pickups since the route start (reloads do not reset it)
  dAfter: StaticArray<i32>; // V×D deliveries after this visit in its trip
  prefMax: StaticArray<i32>; // V×D max load over the trip up to this visit
  sufMax: StaticArray<i32>; // V×D max load over the trip from this visit on
  rSize: StaticArray<i32>; // jobs per route
  rLoad: StaticArray<i32>; // R×D pickups per route (meaningful with SIMPLE_LOAD)
  rCost: StaticArray<i64>; // route cost, fixed cost included when used
  rStamp: StaticArray<i64>;
  // penalised time windows (timePenalty.ts, allocated when TW_CAPABLE): the time-warp segment
  // from the route start to each visit (F) and from each visit to the route end (B)
  twFD: StaticArray<i64>;
  twFW: StaticArray<i64>;
  twFE: StaticArray<i64>;
  twFL: StaticArray<i64>;
  twBD: StaticArray<i64>;
  twBW: StaticArray<i64>;
  twBE: StaticArray<i64>;
  twBL: StaticArray<i64>;
  cost: i64; // sum of route costs
  miss: i64; // prizes and penalties of unserved jobs

  constructor() {
    this.next = new StaticArray<i32>(V);
    this.prev = new StaticArray<i32>(V);
    this.route = new StaticArray<i32>(V);
    this.pos = new StaticArray<i32>(V);
    this.vloc = new StaticArray<i32>(V);
    this.fac = new StaticArray<i32>(V);
    this.cumCost = new StaticArray<i64>(V);
    this.revCost = new StaticArray<i64>(V);
    this.cumCostP = new StaticArray<i64>(max(V * NCP, 1));
    this.cumWorkP = new StaticArray<i64>(max(V * NDP, 1));
    this.cumDist = new StaticArray<i64>(V);
    this.cumTravel = new StaticArray<i64>(V);
    this.early = new StaticArray<i64>(V);
    this.dep = new StaticArray<i64>(V);
    this.late = new StaticArray<i64>(V);
    this.late1 = new StaticArray<i64>(NB > 0 ? V : 1);
    this.bdep = new StaticArray<i64>(V);
    this.bStep = new StaticArray<i32>(R);
    this.bTaken = new StaticArray<i32>(V);
    this.jobsUpto = new StaticArray<i32>(V);
    this.reloadsUpto = new StaticArray<i32>(V);
    this.pUpto = new StaticArray<i32>(V * D);
    this.pTot = new StaticArray<i32>(V * D);
    this.dAfter = new StaticArray<i32>(V * D);
    this.prefMax = new StaticArray<i32>(V * D);
    this.sufMax = new StaticArray<i32>(V * D);
    this.rSize = new StaticArray<i32>(R);
    this.rLoad = new StaticArray<i32>(R * D);
    this.rCost = new StaticArray<i64>(R);
    this.rStamp = new StaticArray<i64>(R);
    const tv = TW_CAPABLE ? V : 1;
    this.twFD = new StaticArray<i64>(tv);
    this.twFW = new StaticArray<i64>(tv);
    this.twFE = new StaticArray<i64>(tv);
    this.twFL = new StaticArray<i64>(tv);
    this.twBD = new StaticArray<i64>(tv);
    this.twBW = new StaticArray<i64>(tv);
    this.twBE = new StaticArray<i64>(tv);
    this.twBL = new StaticArray<i64>(tv);
    this.cost = 0;
    this.miss = 0;
    this.clear();
  }

  /** Total objective: route costs plus the price of unserved jobs. */
  // @ts-ignore: decorator
  @inline objective(): i64 {
    return this.cost + this.miss;
  }

  /** Empties every route; all jobs become unserved. */
  clear(): void {
    this.miss = 0;
    for (let v = 0; v < V; v++) {
      unchecked((this.route[v] = -1));
      unchecked((this.next[v] = -1));
      unchecked((this.prev[v] = -1));
      unchecked((this.fac[v] = -1));
      unchecked((this.vloc[v] = v < N ? unchecked(jLoc[v]) : 0));
    }
    for (let v = 1; v < N; v++) this.miss += missCostOf(v);
    for (let r = 0; r < R; r++) {
      const s = startOf(r);
      const e = endOf(r);
      unchecked((this.vloc[s] = vStart[r]));
      unchecked((this.vloc[e] = vEnd[r]));
      unchecked((this.next[s] = e));
      unchecked((this.prev[e] = s));
      unchecked((this.route[s] = r));
      unchecked((this.route[e] = r));
      const pin = unchecked(pinnedOf[r]);
      if (pin >= 0) {
        // the final unload, at the facility closest to the end until the search picks another
        let bestF = -1;
        let bestC: i64 = 0;
        const mask = unchecked(vFacMask[r]);
        for (let f = 0; f < F; f++) {
          if (((mask >> <i64>f) & 1) == 0) continue;
          const c = cost(r, unchecked(fLoc[f]), unchecked(vEnd[r]));
          if (bestF < 0 || c < bestC) {
            bestF = f;
            bestC = c;
          }
        }
        unchecked((this.fac[pin] = max(bestF, 0)));
        unchecked((this.vloc[pin] = fLoc[max(bestF, 0)]));
        unchecked((this.route[pin] = r));
        this.linkAfter(s, pin, pin);
      }
      unchecked((this.rCost[r] = 0));
      unchecked((this.rStamp[r] = 0));
      this.updateRoute(r);
    }
    this.cost = 0;
  }

  /** Copies another solution (no allocation). */
  copyFrom(o: Sol): void {
    copy32(this.next, o.next, V);
    copy32(this.prev, o.prev, V);
    copy32(this.route, o.route, V);
    copy32(this.pos, o.pos, V);
    copy32(this.cumLoadSource(), o.cumLoadSource(), V * D);
    copy64(this.cumCost, o.cumCost, V);
    copy64(this.revCost, o.revCost, V);
    if (NCP > 0) copy64(this.cumCostP, o.cumCostP, V * NCP);
    if (NDP > 0) copy64(this.cumWorkP, o.cumWorkP, V * NDP);
    if (P > 0) {
      copy32(this.vloc, o.vloc, V);
      copy32(this.fac, o.fac, V);
      copy32(this.reloadsUpto, o.reloadsUpto, V);
    }
    if (HAS_ROUTECAP) copy32(this.pTot, o.pTot, V * D);
    if (!SIMPLE_LOAD) {
      copy32(this.dAfter, o.dAfter, V * D);
      copy32(this.prefMax, o.prefMax, V * D);
      copy32(this.sufMax, o.sufMax, V * D);
    }
    if (HAS_TIME) {
      copy64(this.early, o.early, V);
      copy64(this.dep, o.dep, V);
      copy64(this.late, o.late, V);
      if (NB > 0) {
        copy64(this.bdep, o.bdep, V);
        copy32(this.bStep, o.bStep, R);
        copy32(this.bTaken, o.bTaken, V);
        copy64(this.late1, o.late1, V);
      }
    }
    if (HAS_LIMITS) {
      copy64(this.cumDist, o.cumDist, V);
      copy64(this.cumTravel, o.cumTravel, V);
      copy32(this.jobsUpto, o.jobsUpto, V);
    }
    copy32(this.rSize, o.rSize, R);
    copy32(this.rLoad, o.rLoad, R * D);
    copy64(this.rCost, o.rCost, R);
    copy64(this.rStamp, o.rStamp, R);
    if (TW_CAPABLE) {
      copy64(this.twFD, o.twFD, V);
      copy64(this.twFW, o.twFW, V);
      copy64(this.twFE, o.twFE, V);
      copy64(this.twFL, o.twFL, V);
      copy64(this.twBD, o.twBD, V);
      copy64(this.twBW, o.twBW, V);
      copy64(this.twBE, o.twBE, V);
      copy64(this.twBL, o.twBL, V);
    }
    this.cost = o.cost;
    this.miss = o.miss;
  }

  // @ts-ignore: decorator
  @inline cumLoadSource(): StaticArray<i32> {
    return this.pUpto;
  }

  /** Refreshes the cached data of route r and the solution cost. */
  updateRoute(r: i32): void {
    const next = this.next;
    const vloc = this.vloc;
    const s = startOf(r);
    const e = endOf(r);
    let prevLoc = unchecked(vloc[s]);
    let position = 0;
    let jobs = 0;
    let reloads = 0;
    let c: i64 = 0;
    let rc: i64 = 0;
    let dd: i64 = 0;
    let tt: i64 = 0;
    let t: i64 = <i64>unchecked(vTwStart[r]);
    unchecked((this.pos[s] = 0));
    unchecked((this.cumCost[s] = 0));
    unchecked((this.revCost[s] = 0));
    unchecked((this.early[s] = t));
    unchecked((this.dep[s] = t));
    unchecked((this.cumDist[s] = 0));
    unchecked((this.cumTravel[s] = 0));
    unchecked((this.jobsUpto[s] = 0));
    unchecked((this.reloadsUpto[s] = 0));
    for (let k = 0; k < D; k++) {
      unchecked((this.pUpto[s * D + k] = 0));
      unchecked((this.pTot[s * D + k] = 0));
    }
    for (let k = 0; k < NCP; k++) unchecked((this.cumCostP[s * NCP + k] = 0));
    for (let k = 0; k < NDP; k++) unchecked((this.cumWorkP[s * NDP + k] = 0));
    let p = s;
    let v = unchecked(next[s]);
    while (true) {
      const l = unchecked(vloc[v]);
      c += cost(r, prevLoc, l);
      rc += cost(r, l, prevLoc);
      for (let k = 0; k < NCP; k++) {
        unchecked((this.cumCostP[v * NCP + k] = unchecked(this.cumCostP[p * NCP + k]) + costAt(unchecked(cpOff[k]), prevLoc, l)));
      }
      if (NDP > 0) {
        const fv = unchecked(this.fac[v]);
        const own = (l != prevLoc ? setupOf(v, fv) : 0) + serviceOf(v, fv);
        for (let k = 0; k < NDP; k++) {
          unchecked((this.cumWorkP[v * NDP + k] = unchecked(this.cumWorkP[p * NDP + k]) + durAt(unchecked(dpOff[k]), prevLoc, l) + own));
        }
      }
      position++;
      unchecked((this.route[v] = r));
      unchecked((this.pos[v] = position));
      unchecked((this.cumCost[v] = c));
      unchecked((this.revCost[v] = rc));
      const boundary = isBoundary(v);
      if (!boundary) jobs++;
      else if (v != e) reloads++;
      if (HAS_TIME || HAS_LIMITS) {
        const travel = dur(r, prevLoc, l);
        tt += travel;
        dd += dist(r, prevLoc, l);
        unchecked((this.cumDist[v] = dd));
        unchecked((this.cumTravel[v] = tt));
        unchecked((this.jobsUpto[v] = jobs));
        const fac = unchecked(this.fac[v]);
        const arrive = t + travel;
        let start = v == e ? arrive : earliestStart(v, fac, arrive);
        if (start < 0) start = arrive; // infeasible schedules never reach the cache
        unchecked((this.early[v] = start));
        t = start + (l != prevLoc ? setupOf(v, fac) : 0) + serviceOf(v, fac);
        unchecked((this.dep[v] = t));
      }
      unchecked((this.reloadsUpto[v] = reloads));
      // pickups since the trip start (a reload starts a new trip)
      const reset = isReloadVisit(v);
      for (let k = 0; k < D; k++) {
        unchecked((this.pUpto[v * D + k] = reset ? 0 : unchecked(this.pUpto[p * D + k]) + pickOf(v, k)));
      }
      if (HAS_ROUTECAP) for (let k = 0; k < D; k++) unchecked((this.pTot[v * D + k] = unchecked(this.pTot[p * D + k]) + pickOf(v, k)));
      if (v == e) break;
      prevLoc = l;
      p = v;
      v = unchecked(next[v]);
    }
    const used = jobs > 0;
    const routeCost: i64 = used ? c + <i64>unchecked(vFixed[r]) : 0;
    this.cost += routeCost - unchecked(this.rCost[r]);
    unchecked((this.rCost[r] = routeCost));
    unchecked((this.rSize[r] = jobs));
    for (let k = 0; k < D; k++) unchecked((this.rLoad[r * D + k] = this.pUpto[e * D + k]));
    if (!SIMPLE_LOAD || HAS_TIME) this.backward(r);
    if (NB > 0 && HAS_TIME) cacheBreaks(this, r);
    if (TW_CAPABLE) twCache(this, r);
  }

  /** Backward pass: latest starts, deliveries still on board, and trip load maxima. */
  private backward(r: i32): void {
    const prev = this.prev;
    const vloc = this.vloc;
    const s = startOf(r);
    const e = endOf(r);
    unchecked((this.late[e] = <i64>unchecked(vTwEnd[r])));
    // late1: a vehicle with one break, taken in any gap after the visit (the break rule takes
    // it in one particular gap, so late1 relaxes it: arriving later than late1 with the break
    // still to take means no schedule fits); never at the end itself
    const oneBreak = HAS_TIME && unchecked(vBreakCount[r]) == 1;
    const brk = unchecked(vBreakFirst[r]);
    const brkService = oneBreak ? <i64>unchecked(bService[brk]) : 0;
    if (oneBreak) unchecked((this.late1[e] = -INF));
    for (let k = 0; k < D; k++) {
      unchecked((this.dAfter[e * D + k] = 0));
      unchecked((this.sufMax[e * D + k] = unchecked(this.pUpto[e * D + k])));
    }
    let n = e;
    let v = unchecked(prev[e]);
    while (true) {
      if (HAS_TIME) {
        const fac = unchecked(this.fac[v]);
        const tr = dur(r, unchecked(vloc[v]), unchecked(vloc[n]));
        const own = setupOf(v, fac) + serviceOf(v, fac);
        const bound = unchecked(this.late[n]) - tr - own;
        unchecked((this.late[v] = v == s ? bound : latestStart(v, fac, bound)));
        if (oneBreak) {
          // ready at v: the break now (it must start by late[n] − tr − its length), or on later
          const now = breakLatestReady(brk, unchecked(this.late[n]) - tr - brkService);
          const later = unchecked(this.late1[n]) - tr;
          const bound1 = max(now, later) - own;
          unchecked((this.late1[v] = v == s ? bound1 : latestStart(v, fac, bound1)));
        }
      }
      if (!SIMPLE_LOAD) {
        const nextStartsTrip = isBoundary(n);
        for (let k = 0; k < D; k++) {
          const i = v * D + k;
          const da = nextStartsTrip ? 0 : unchecked(this.dAfter[n * D + k]) + delOf(n, k);
          unchecked((this.dAfter[i] = da));
          const f = da + unchecked(this.pUpto[i]);
          const sm = nextStartsTrip ? f : max(f, unchecked(this.sufMax[n * D + k]));
          unchecked((this.sufMax[i] = sm));
        }
      }
      if (v == s) break;
      n = v;
      v = unchecked(prev[v]);
    }
    if (!SIMPLE_LOAD) {
      // prefix maxima, reset at every trip start
      let p = s;
      v = s;
      while (true) {
        const tripStart = v == s || isReloadVisit(v);
        for (let k = 0; k < D; k++) {
          const i = v * D + k;
          const f = unchecked(this.dAfter[i]) + unchecked(this.pUpto[i]);
          unchecked((this.prefMax[i] = tripStart ? f : max(f, unchecked(this.prefMax[p * D + k]))));
        }
        if (v == e) break;
        p = v;
        v = unchecked(this.next[v]);
      }
    }
  }

  /** Recomputes every route and the total cost. */
  updateAll(): void {
    this.cost = 0;
    for (let r = 0; r < R; r++) {
      unchecked((this.rCost[r] = 0));
      this.updateRoute(r);
    }
  }

  /** Unlinks the path s..e (inclusive) from its route; caches are stale afterwards. */
  // @ts-ignore: decorator
  @inline unlink(s: i32, e: i32): void {
    const p = unchecked(this.prev[s]);
    const n = unchecked(this.next[e]);
    unchecked((this.next[p] = n));
    unchecked((this.prev[n] = p));
    markLink(p);
    markLink(n);
  }

  /** Links the path s..e (forward) right after visit a. */
  // @ts-ignore: decorator
  @inline linkAfter(a: i32, s: i32, e: i32): void {
    assert(a > 0 && s > 0 && e > 0, 'linkAfter: visit 0');
    const b = unchecked(this.next[a]);
    unchecked((this.next[a] = s));
    unchecked((this.prev[s] = a));
    unchecked((this.next[e] = b));
    unchecked((this.prev[b] = e));
    markLink(s);
    markLink(e);
  }

  /**
   * Moves the path s1..e1 right after a1 and the path s2..e2 right after a2 (the anchors lie
   * outside both paths): the relinking of swap and SWAP*. Route caches become stale.
   */
  // @ts-ignore: decorator
  @inline movePaths(s1: i32, e1: i32, a1: i32, s2: i32, e2: i32, a2: i32): void {
    this.unlink(s1, e1);
    this.unlink(s2, e2);
    this.linkAfter(a1, s1, e1);
    this.linkAfter(a2, s2, e2);
  }

  /** Takes job v out of its route (route caches become stale) and books its missing cost. */
  removeJob(v: i32): void {
    const r = unchecked(this.route[v]);
    this.unlink(v, v);
    unchecked((this.route[v] = -1));
    unchecked((this.rSize[r] -= 1));
    for (let k = 0; k < D; k++) unchecked((this.rLoad[r * D + k] -= pickOf(v, k)));
    this.miss += missCostOf(v);
  }

  /** Puts job v after visit a of route r (route caches become stale). */
  insertJob(v: i32, a: i32, r: i32): void {
    this.linkAfter(a, v, v);
    unchecked((this.route[v] = r));
    unchecked((this.rSize[r] += 1));
    for (let k = 0; k < D; k++) unchecked((this.rLoad[r * D + k] += pickOf(v, k)));
    this.miss -= missCostOf(v);
  }

  /** Puts a reload stop at facility f after visit a of route r; returns the visit or -1. */
  insertReload(f: i32, a: i32, r: i32): i32 {
    const base = N + 2 * R;
    for (let i = 0; i < PN; i++) {
      const v = base + i;
      if (unchecked(this.route[v]) >= 0) continue;
      unchecked((this.fac[v] = f));
      unchecked((this.vloc[v] = fLoc[f]));
      unchecked((this.route[v] = r));
      this.linkAfter(a, v, v);
      return v;
    }
    return -1;
  }

  /** Removes a reload visit from its route (route caches become stale). */
  removeReload(v: i32): void {
    this.unlink(v, v);
    unchecked((this.route[v] = -1));
    unchecked((this.fac[v] = -1));
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
    unchecked((this.next[p] = e));
    unchecked((this.prev[e] = p));
    unchecked((this.next[s] = n));
    unchecked((this.prev[n] = s));
    markLink(s);
    markLink(e);
  }
}

// @ts-ignore: decorator
@inline function copy32(dst: StaticArray<i32>, src: StaticArray<i32>, n: i32): void {
  memory.copy(changetype<usize>(dst), changetype<usize>(src), <usize>n << 2);
}

// @ts-ignore: decorator
@inline function copy64(dst: StaticArray<i64>, src: StaticArray<i64>, n: i32): void {
  memory.copy(changetype<usize>(dst), changetype<usize>(src), <usize>n << 3);
}

/** Location of visit v in solution s. */
// @ts-ignore: decorator
@inline export function locOf(s: Sol, v: i32): i32 {
  return unchecked(s.vloc[v]);
}

export { INF };

/** Vehicles `sol` uses (routes with at least one visit). */
export function countRoutes(sol: Sol): i32 {
  let k = 0;
  for (let r = 0; r < R; r++) if (unchecked(sol.rSize[r]) > 0) k++;
  return k;
}
