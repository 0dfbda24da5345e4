// Penalised capacity for CVRP-like problems (issue #14, goal 2). While the annealing runs,
// recreate and the local search may overload a route: each unit of load above a vehicle's
// capacity costs `penWeight` / 16, so a move that overloads one route to shorten the plan a lot
// is taken, and a later move can relieve the route again (HGS, Vidal 2022, penalises excess
// load the same way). The weight adapts to the share of local-search results that come out
// feasible. The annealing (meta/anneal.ts) compares penalised objectives, so the solution it
// accepts may be overloaded; its best solution only ever takes feasible results, or their
// copies repaired with a heavier weight, so every plan the core returns is feasible.
//
// This file is the one definition of the rule: `excessCost` prices the excess of one load, and
// every operator and the annealing go through it. Routes in this mode are plain sums of
// pickups (SIMPLE_LOAD), so a route's load is `rLoad` and a move's load change is a difference
// of `pUpto` prefixes.

import { R, D, N, NC, vCap, vClass, vStart, jPick, jLoc, compat, cost, SIMPLE_LOAD, SAME_VEHICLES, HAS_TIME, HAS_LIMITS, HAS_OPTIONAL, HAS_FIXED, HAS_ROUTECAP, HAS_RELEASE, P, NB } from './problem';
import { Sol } from './Sol';
import { pickOf } from './visit';

/** The weight is kept in 1/16 cost units per unit of excess load. */
const PEN_SHIFT: i64 = 4;
/** Smallest and largest weight (1/16 units): 1/8 and 100,000 cost units per unit of load. */
const PEN_MIN: i64 = 2;
const PEN_MAX: i64 = 1_600_000;
/**
 * The weight is adapted after this many local-search results (HGS: 100 iterations; ours are
 * cheaper and budgets of a few thousand common: at 100 the weight stayed far too low on small
 * tight instances for most of a 1,000-iteration run).
 */
export const PEN_WINDOW: i32 = 20;
/** Share of feasible local-search results the weight aims at (HGS: 0.2), in percent. */
export const PEN_TARGET_PCT: i32 = 20;
/** Each repair round multiplies the weight by this. */
export const REPAIR_FACTOR: i64 = 10;

/**
 * True when the problem allows penalised capacity: one vehicle class, pickups only, no schedule,
 * limits, reloads, breaks, optional jobs or fixed costs; and every job can be served alone
 * (it fits an empty vehicle, skills included, and there is a vehicle per job), so leaving a job
 * out is never what relieves a route: a repair by moves can always reach a feasible plan.
 */
export let PEN_CAPABLE: bool = false;
/** True while the local search prices load excess instead of refusing it. */
export let penOn: bool = false;
/** Cost of one unit of excess load, in 1/16 cost units. */
export let penWeight: i64 = 16;
let windowRuns: i32 = 0;
let windowFeasible: i32 = 0;
/** Local-search results recorded so far, and how many of them overloaded a route (for tests). */
export let penResults: i32 = 0;
export let penOverloaded: i32 = 0;

/**
 * Decides whether penalised capacity applies (from the problem's feature flags) and sets the
 * first weight: the largest depot–job cost over the largest demand (HGS: the largest distance
 * over the largest demand), within [PEN_MIN, PEN_MAX].
 */
export function penInit(): void {
  PEN_CAPABLE = SIMPLE_LOAD && SAME_VEHICLES && !HAS_TIME && !HAS_LIMITS && !HAS_OPTIONAL && !HAS_FIXED &&
    !HAS_ROUTECAP && !HAS_RELEASE && P == 0 && NB == 0 && R > 0 && N > 2;
  penOn = false;
  windowRuns = 0;
  windowFeasible = 0;
  penResults = 0;
  penOverloaded = 0;
  if (PEN_CAPABLE && R < N - 1) PEN_CAPABLE = false;
  for (let v = 1; v < N && PEN_CAPABLE; v++) {
    if (unchecked(compat[v * NC + unchecked(vClass[0])]) == 0) PEN_CAPABLE = false;
    for (let k = 0; k < D; k++) if (unchecked(jPick[v * D + k]) > unchecked(vCap[k])) PEN_CAPABLE = false;
  }
  if (!PEN_CAPABLE) return;
  const depot = unchecked(vStart[0]);
  let far: i64 = 1;
  let demand: i64 = 1;
  for (let v = 1; v < N; v++) {
    far = max(far, cost(0, depot, unchecked(jLoc[v])) + cost(0, unchecked(jLoc[v]), depot));
    for (let k = 0; k < D; k++) demand = max(demand, <i64>unchecked(jPick[v * D + k]));
  }
  penWeight = clampWeight(((far / 2) << PEN_SHIFT) / demand);
}

/** Turns the pricing of load excess on or off (the local search refuses excess when off). */
export function setPenalised(on: bool): void {
  penOn = on && PEN_CAPABLE;
}

/** Sets the weight (1/16 cost units per unit of excess); for tests. */
export function setPenWeight(w: i64): void {
  penWeight = clampWeight(w);
}

// @ts-ignore: decorator
@inline function clampWeight(w: i64): i64 {
  return min(max(w, PEN_MIN), PEN_MAX);
}

/**
 * THE RULE: the price of carrying `load` in a vehicle of capacity `cap` under weight `w`
 * (1/16 units): 0 within capacity, else ⌈w · excess / 16⌉, at least 1 for any excess.
 */
// @ts-ignore: decorator
@inline export function excessCostAt(load: i32, cap: i32, w: i64): i64 {
  const x = load - cap;
  return x <= 0 ? 0 : (w * <i64>x + ((<i64>1 << PEN_SHIFT) - 1)) >> PEN_SHIFT;
}

/** The price of `load` in dimension k of vehicle r at the current weight. */
// @ts-ignore: decorator
@inline export function excessCost(r: i32, k: i32, load: i32): i64 {
  return excessCostAt(load, unchecked(vCap[r * D + k]), penWeight);
}

/** Penalty change of route r when its load changes by the pUpto difference (p, e] of route `from` times `sign`. */
// @ts-ignore: decorator
@inline function pathShift(sol: Sol, r: i32, p: i32, e: i32, sign: i32): i64 {
  let d: i64 = 0;
  for (let k = 0; k < D; k++) {
    const l = unchecked(sol.rLoad[r * D + k]);
    const s = unchecked(sol.pUpto[e * D + k]) - unchecked(sol.pUpto[p * D + k]);
    d += excessCost(r, k, l + sign * s) - excessCost(r, k, l);
  }
  return d;
}

/** Relocate: the jobs after p up to e (route ru) move to route rv. */
export function relocatePenalty(sol: Sol, ru: i32, rv: i32, p: i32, e: i32): i64 {
  return pathShift(sol, ru, p, e, -1) + pathShift(sol, rv, p, e, 1);
}

/** Swap: the jobs after p1 up to e1 (route ru) and after p2 up to e2 (route rv) change routes. */
export function swapPenalty(sol: Sol, ru: i32, rv: i32, p1: i32, e1: i32, p2: i32, e2: i32): i64 {
  let d: i64 = 0;
  for (let k = 0; k < D; k++) {
    const s1 = unchecked(sol.pUpto[e1 * D + k]) - unchecked(sol.pUpto[p1 * D + k]);
    const s2 = unchecked(sol.pUpto[e2 * D + k]) - unchecked(sol.pUpto[p2 * D + k]);
    const lu = unchecked(sol.rLoad[ru * D + k]);
    const lv = unchecked(sol.rLoad[rv * D + k]);
    d += excessCost(ru, k, lu - s1 + s2) - excessCost(ru, k, lu) + excessCost(rv, k, lv - s2 + s1) - excessCost(rv, k, lv);
  }
  return d;
}

/** SWAP*: job u (route r1) and job v (route r2) change routes. */
export function exchangePenalty(sol: Sol, r1: i32, r2: i32, u: i32, v: i32): i64 {
  let d: i64 = 0;
  for (let k = 0; k < D; k++) {
    const du = pickOf(u, k);
    const dv = pickOf(v, k);
    const l1 = unchecked(sol.rLoad[r1 * D + k]);
    const l2 = unchecked(sol.rLoad[r2 * D + k]);
    d += excessCost(r1, k, l1 - du + dv) - excessCost(r1, k, l1) + excessCost(r2, k, l2 - dv + du) - excessCost(r2, k, l2);
  }
  return d;
}

/**
 * 2-opt* between route ru (cut after u) and rv (cut after v): tails exchanged
 * ([..u] + [y..], [..v] + [x..]) or heads joined ([..u] + reversed [..v], the two tails).
 */
export function tailPenalty(sol: Sol, ru: i32, rv: i32, u: i32, v: i32, heads: bool): i64 {
  let d: i64 = 0;
  for (let k = 0; k < D; k++) {
    const pu = unchecked(sol.pUpto[u * D + k]);
    const pv = unchecked(sol.pUpto[v * D + k]);
    const lu = unchecked(sol.rLoad[ru * D + k]);
    const lv = unchecked(sol.rLoad[rv * D + k]);
    const nu = heads ? pu + pv : pu + lv - pv;
    const nv = heads ? lu - pu + lv - pv : pv + lu - pu;
    d += excessCost(ru, k, nu) - excessCost(ru, k, lu) + excessCost(rv, k, nv) - excessCost(rv, k, lv);
  }
  return d;
}

/** Recreate: job c joins route r. */
export function insertPenalty(sol: Sol, r: i32, c: i32): i64 {
  let d: i64 = 0;
  for (let k = 0; k < D; k++) {
    const l = unchecked(sol.rLoad[r * D + k]);
    d += excessCost(r, k, l + pickOf(c, k)) - excessCost(r, k, l);
  }
  return d;
}

/** Load above capacity, summed over the routes and dimensions of `sol` (0 = capacity-feasible). */
export function excessOf(sol: Sol): i64 {
  let x: i64 = 0;
  for (let r = 0; r < R; r++) {
    if (unchecked(sol.rSize[r]) == 0) continue;
    for (let k = 0; k < D; k++) x += <i64>max(0, unchecked(sol.rLoad[r * D + k]) - unchecked(vCap[r * D + k]));
  }
  return x;
}

/** Whether route r carries more than its capacity in some dimension. */
export function routeOverloaded(sol: Sol, r: i32): bool {
  for (let k = 0; k < D; k++) if (unchecked(sol.rLoad[r * D + k]) > unchecked(vCap[r * D + k])) return true;
  return false;
}

/** The price of every route's excess at the current weight (0 when penalties are off). */
export function penaltyOf(sol: Sol): i64 {
  if (!penOn) return 0;
  let c: i64 = 0;
  for (let r = 0; r < R; r++) {
    if (unchecked(sol.rSize[r]) == 0) continue;
    for (let k = 0; k < D; k++) c += excessCost(r, k, unchecked(sol.rLoad[r * D + k]));
  }
  return c;
}

/** The objective with load excess priced: what the annealing compares in this mode. */
// @ts-ignore: decorator
@inline export function penalisedObjective(sol: Sol): i64 {
  return sol.objective() + penaltyOf(sol);
}

/** Multiplies the weight by REPAIR_FACTOR (repair) or divides it back. */
export function repairWeight(on: bool): void {
  penWeight = on ? penWeight * REPAIR_FACTOR : penWeight / REPAIR_FACTOR;
}

/**
 * Records whether a local-search result was capacity-feasible; every PEN_WINDOW results the
 * weight rises by 20 % when fewer than the target share were feasible (less 5 points) and
 * falls by 15 % when more were (plus 5 points), as in HGS.
 */
export function penRecord(feasible: bool): void {
  windowRuns++;
  penResults++;
  if (feasible) windowFeasible++;
  else penOverloaded++;
  if (windowRuns < PEN_WINDOW) return;
  const pct = (windowFeasible * 100) / windowRuns;
  if (pct < PEN_TARGET_PCT - 5) penWeight = clampWeight(max(penWeight + 1, (penWeight * 6) / 5));
  else if (pct > PEN_TARGET_PCT + 5) penWeight = clampWeight(min(penWeight - 1, (penWeight * 17) / 20));
  windowRuns = 0;
  windowFeasible = 0;
}
