// Penalised time windows for VRPTW-like problems (issue #14, goal 0): while the annealing runs,
// recreate and the local search may let a route arrive after a window's end. As in HGS-TW
// (Vidal et al. 2013; Kool et al. 2022) and Nagata et al. (2010), the vehicle then "travels back
// in time" to the window's end, and each unit of this *time warp* costs `twWeight` / 16 cost
// units. The weight adapts to the share of local-search results without time warp, as the load
// penalty does (model/loadPenalty.ts). The annealing compares penalised objectives; `best` only
// takes results without time warp, or their copies repaired at a heavier weight, so every plan
// the core returns is feasible.
//
// This file is the one definition of the rule: the eligibility (`twInit`), the price of a
// route's time warp (`warpCostAt`), and the segment concatenation every operator goes through.
//
// Segments (Vidal et al. 2013, "A hybrid genetic algorithm with adaptive diversity management
// for a large class of vehicle routing problems with time-windows"): a sequence σ of visits is
// summarised by its duration D (travel, service and waiting), its time warp TW, and the
// earliest and latest service start at its first visit (E, L) that lead to the least duration
// without adding time warp. A single visit is (service, 0, window start, window end); two
// sequences joined by an arc of travel time δ give, with Δ = D₁ − TW₁ + δ:
//   wait = max(E₂ − Δ − L₁, 0)   warp = max(E₁ + Δ − L₂, 0)
//   D = D₁ + D₂ + δ + wait   TW = TW₁ + TW₂ + warp
//   E = max(E₂ − Δ, E₁) − wait   L = min(L₂ − Δ, L₁) + warp
// A route's time warp is 0 exactly when the route walk (feasibility.ts#seqFits) finds its time
// windows feasible (one window per visit, no breaks or release dates). Every route caches the
// segment from its start to each visit and from each visit to its end (Sol.tw*), so a move that
// rebuilds a route as [start..a] + S + [b..end] is priced in O(|S|).

import {
  N, R, D, NC, jSetup, vCap, vClass, vStart, vEnd, vTwStart, vTwEnd, jPick, jLoc, jTwFirst, jTwCount, tw, compat, dur,
  SAME_VEHICLES, SIMPLE_LOAD, HAS_TIME, HAS_LIMITS, HAS_OPTIONAL, HAS_RELEASE, HAS_UNREACHABLE, HAS_ROUTECAP, P, NB, NCP, NO_LIMIT,
} from './problem';
import { Sol, startOf, endOf } from './Sol';
import { serviceOf } from './visit';
import { seqLength, seqAt } from './feasibility';

/** The weight is kept in 1/16 cost units per unit of time warp. */
const TW_SHIFT: i64 = 4;
/** Smallest and largest weight (1/16 units): 1/8 and 100,000 cost units per unit of time warp. */
const TW_MIN: i64 = 2;
const TW_MAX: i64 = 1_600_000;
/** Local-search results between two adaptations of the weight (as loadPenalty's PEN_WINDOW). */
const TW_WINDOW: i32 = 20;
/** Share of local-search results without time warp the weight aims at (HGS: 0.2), in percent. */
const TW_TARGET_PCT: i32 = 20;
/** Each repair round multiplies the weight by this. */
const TW_REPAIR_FACTOR: i64 = 10;
/** "No bound" for a window end; far from overflow when added to durations. */
const OPEN: i64 = <i64>1 << 50;

/**
 * True when the host turned penalised time windows on (`allowTimeWarp`, the option
 * `timeWarp: true`) and the problem allows them (the eligibility rule, decided by `twInit` from
 * the core's feature flags): time windows or working hours, one vehicle class,
 * pickups only, no reloads or facilities' stops, no breaks, no release dates, no route limits
 * (max tasks, travel time, distance), no optional jobs, no unreachable arcs, at most one window
 * and no setup time per job; and every job can be served alone (an empty vehicle reaches it and returns within
 * the windows, and carries its load). Fixed vehicle costs and capacities are allowed: capacity
 * stays hard in this mode, and fixed costs are priced as always.
 */
export let TW_CAPABLE: bool = false;
/** The host's switch (CORE_PARAMS TIME_WARP, default off): off keeps every time window hard. */
let TW_ALLOWED: bool = false;
/** True while the search prices time warp instead of refusing late arrivals. */
export let twOn: bool = false;
/** Cost of one unit of time warp, in 1/16 cost units. */
export let twWeight: i64 = 16;
let windowRuns: i32 = 0;
let windowFeasible: i32 = 0;
/** Local-search results recorded so far, and how many of them had time warp (for tests). */
export let twResults: i32 = 0;
export let twWarped: i32 = 0;

/** Window of visit v: start. */
// @ts-ignore: decorator
@inline function winE(v: i32): i64 {
  if (v < N) {
    if (unchecked(jTwCount[v]) == 0) return 0;
    return <i64>unchecked(tw[2 * unchecked(jTwFirst[v])]);
  }
  return <i64>unchecked(vTwStart[(v - N) >> 1]);
}

/** Window of visit v: end. */
// @ts-ignore: decorator
@inline function winL(v: i32): i64 {
  let e: i32;
  if (v < N) {
    if (unchecked(jTwCount[v]) == 0) return OPEN;
    e = unchecked(tw[2 * unchecked(jTwFirst[v]) + 1]);
  } else {
    e = unchecked(vTwEnd[(v - N) >> 1]);
  }
  return e >= NO_LIMIT ? OPEN : <i64>e;
}

/**
 * Decides whether penalised time windows apply (the rule above) and resets the weight and the
 * counters. Called once the problem is written, before any solution exists.
 */
export function twInit(): void {
  TW_CAPABLE = TW_ALLOWED && HAS_TIME && SAME_VEHICLES && SIMPLE_LOAD && !HAS_LIMITS && !HAS_RELEASE && !HAS_OPTIONAL && !HAS_UNREACHABLE &&
    !HAS_ROUTECAP && P == 0 && NB == 0 && NCP == 0 && R > 0 && N > 2;
  twOn = false;
  twWeight = 16;
  windowRuns = 0;
  windowFeasible = 0;
  twResults = 0;
  twWarped = 0;
  if (!TW_CAPABLE) return;
  const c0 = unchecked(vClass[0]);
  const s = unchecked(vStart[0]);
  const e = unchecked(vEnd[0]);
  const t0 = <i64>unchecked(vTwStart[0]);
  const endL = winL(endOf(0));
  for (let v = 1; v < N && TW_CAPABLE; v++) {
    if (unchecked(jTwCount[v]) > 1 || unchecked(jSetup[v]) != 0) TW_CAPABLE = false;
    if (unchecked(compat[v * NC + c0]) == 0) TW_CAPABLE = false;
    for (let k = 0; k < D; k++) if (unchecked(jPick[v * D + k]) > unchecked(vCap[k])) TW_CAPABLE = false;
    // alone: leave at the shift start, wait for the window, serve, drive to the end
    const l = unchecked(jLoc[v]);
    const arrive = t0 + dur(0, s, l);
    if (arrive > winL(v)) TW_CAPABLE = false;
    const begin = max(arrive, winE(v));
    const back = begin + serviceOf(v, -1) + dur(0, l, e);
    if (back > endL) TW_CAPABLE = false;
  }
}

/** The host's switch (`setParam(TIME_WARP, v)`, before `init`): false keeps every time window hard. */
export function allowTimeWarp(on: bool): void {
  TW_ALLOWED = on;
}

/** Turns the pricing of time warp on or off (late arrivals are refused when off). */
export function setTimePenalised(on: bool): void {
  twOn = on && TW_CAPABLE;
}

/** Sets the weight (1/16 cost units per unit of time warp); for tests. */
export function setTwWeight(w: i64): void {
  twWeight = clampWeight(w);
}

// @ts-ignore: decorator
@inline function clampWeight(w: i64): i64 {
  return min(max(w, TW_MIN), TW_MAX);
}

/**
 * THE RULE: the price of `warp` units of time warp in one route under weight `w` (1/16 units):
 * 0 without warp, else ⌈w · warp / 16⌉, at least 1 for any warp.
 */
// @ts-ignore: decorator
@inline export function warpCostAt(warp: i64, w: i64): i64 {
  return warp <= 0 ? 0 : (w * warp + ((<i64>1 << TW_SHIFT) - 1)) >> TW_SHIFT;
}

/** The price of `warp` units of time warp at the current weight. */
// @ts-ignore: decorator
@inline export function warpCost(warp: i64): i64 {
  return warpCostAt(warp, twWeight);
}

/**
 * Fills the segment caches of route r (called by Sol.updateRoute when TW_CAPABLE): the segment
 * from the start to each visit (twFD…twFL) and from each visit to the end (twBD…twBL).
 */
export function twCache(sol: Sol, r: i32): void {
  const s = startOf(r);
  const e = endOf(r);
  const next = sol.next;
  const prev = sol.prev;
  const vloc = sol.vloc;
  // forwards
  let d: i64 = 0;
  let w: i64 = 0;
  let ea: i64 = winE(s);
  let la: i64 = winL(s);
  unchecked((sol.twFD[s] = d));
  unchecked((sol.twFW[s] = w));
  unchecked((sol.twFE[s] = ea));
  unchecked((sol.twFL[s] = la));
  let pl = unchecked(vloc[s]);
  let v = unchecked(next[s]);
  while (true) {
    const l = unchecked(vloc[v]);
    const delta = dur(r, pl, l);
    const at = d - w + delta;
    const e2 = winE(v);
    const l2 = winL(v);
    const wait = max(e2 - at - la, 0);
    const warp = max(ea + at - l2, 0);
    d = d + (v == e ? 0 : serviceOf(v, -1)) + delta + wait;
    w = w + warp;
    const ne = max(e2 - at, ea) - wait;
    la = min(l2 - at, la) + warp;
    ea = ne;
    unchecked((sol.twFD[v] = d));
    unchecked((sol.twFW[v] = w));
    unchecked((sol.twFE[v] = ea));
    unchecked((sol.twFL[v] = la));
    if (v == e) break;
    pl = l;
    v = unchecked(next[v]);
  }
  // backwards: σ(v..end) = v ⊕ σ(next(v)..end)
  d = 0;
  w = 0;
  ea = winE(e);
  la = winL(e);
  unchecked((sol.twBD[e] = d));
  unchecked((sol.twBW[e] = w));
  unchecked((sol.twBE[e] = ea));
  unchecked((sol.twBL[e] = la));
  let n = e;
  v = unchecked(prev[e]);
  while (true) {
    const l = unchecked(vloc[v]);
    const ln = unchecked(vloc[n]);
    const delta = dur(r, l, ln);
    const d1 = v == s ? <i64>0 : serviceOf(v, -1);
    const e1 = winE(v);
    const l1 = winL(v);
    const at = d1 + delta;
    const wait = max(ea - at - l1, 0);
    const warp = max(e1 + at - la, 0);
    const ne = max(ea - at, e1) - wait;
    const nl = min(la - at, l1) + warp;
    d = d1 + d + delta + wait;
    w = w + warp;
    ea = ne;
    la = nl;
    unchecked((sol.twBD[v] = d));
    unchecked((sol.twBW[v] = w));
    unchecked((sol.twBE[v] = ea));
    unchecked((sol.twBL[v] = la));
    if (v == s) break;
    n = v;
    v = unchecked(prev[v]);
  }
}

// The segment being built by the concatenation below (no allocation): duration, warp, E, L and
// the place of its last visit.
let cD: i64 = 0;
let cW: i64 = 0;
let cE: i64 = 0;
let cL: i64 = 0;
let cLoc: i32 = 0;

/** Starts the segment with route r's cached start..a. */
// @ts-ignore: decorator
@inline function segPrefix(sol: Sol, a: i32): void {
  cD = unchecked(sol.twFD[a]);
  cW = unchecked(sol.twFW[a]);
  cE = unchecked(sol.twFE[a]);
  cL = unchecked(sol.twFL[a]);
  cLoc = unchecked(sol.vloc[a]);
}

/** Joins the segment (d2, w2, e2, l2), whose first visit x is at place l, under vehicle r. */
// @ts-ignore: decorator
@inline function segJoin(r: i32, x: i32, l: i32, d2: i64, w2: i64, e2: i64, l2: i64): void {
  const delta = dur(r, cLoc, l);
  const at = cD - cW + delta;
  const wait = max(e2 - at - cL, 0);
  const warp = max(cE + at - l2, 0);
  const ne = max(e2 - at, cE) - wait;
  cL = min(l2 - at, cL) + warp;
  cE = ne;
  cD = cD + d2 + delta + wait;
  cW = cW + w2 + warp;
}

/** Appends job x (route r's vehicle). */
// @ts-ignore: decorator
@inline function segVisit(sol: Sol, r: i32, x: i32): void {
  const l = unchecked(sol.vloc[x]);
  segJoin(r, x, l, serviceOf(x, -1), 0, winE(x), winL(x));
  cLoc = l;
}

/** Appends the cached b..end of b's route (same vehicle class as r) and returns the total time warp. */
// @ts-ignore: decorator
@inline function segSuffix(sol: Sol, r: i32, b: i32): i64 {
  segJoin(r, b, unchecked(sol.vloc[b]), unchecked(sol.twBD[b]), unchecked(sol.twBW[b]), unchecked(sol.twBE[b]), unchecked(sol.twBL[b]));
  return cW;
}

/** Time warp of route r as cached. */
// @ts-ignore: decorator
@inline export function routeWarp(sol: Sol, r: i32): i64 {
  return unchecked(sol.twFW[endOf(r)]);
}

/** Price of route r's cached time warp. */
// @ts-ignore: decorator
@inline export function routeWarpCost(sol: Sol, r: i32): i64 {
  return warpCost(unchecked(sol.twFW[endOf(r)]));
}

/**
 * Time warp of route r = [start..a] + [b..end of b's route] (relocate's removal, 2-opt*'s
 * tails; b's route has r's vehicle class). O(1).
 */
export function tailWarp(sol: Sol, r: i32, a: i32, b: i32): i64 {
  segPrefix(sol, a);
  return segSuffix(sol, r, b);
}

/**
 * Time warp of route r = [start..a] + path s..e (following next, or e..s following prev when
 * `rev`) + [b..end] (relocate, swap and insertion into r). O(path length).
 */
export function betweenWarp(sol: Sol, r: i32, a: i32, s: i32, e: i32, rev: bool, b: i32): i64 {
  segPrefix(sol, a);
  let x = rev ? e : s;
  const last = rev ? s : e;
  while (true) {
    segVisit(sol, r, x);
    if (x == last) break;
    x = rev ? unchecked(sol.prev[x]) : unchecked(sol.next[x]);
  }
  return segSuffix(sol, r, b);
}

/**
 * Time warp of route r = [start..a] + the visits described with seqStart/seqVisit/emitPath
 * (feasibility.ts) + [b..end]: the intra-route moves and SWAP*. O(described length).
 */
export function seqWarp(sol: Sol, r: i32, a: i32, b: i32): i64 {
  segPrefix(sol, a);
  const n = seqLength();
  for (let i = 0; i < n; i++) segVisit(sol, r, seqAt(i));
  return segSuffix(sol, r, b);
}

/** Time warp summed over the routes of `sol` (0 = every time window met). */
export function warpOf(sol: Sol): i64 {
  if (!TW_CAPABLE) return 0;
  let x: i64 = 0;
  for (let r = 0; r < R; r++) if (unchecked(sol.rSize[r]) > 0) x += routeWarp(sol, r);
  return x;
}

/** The price of every route's time warp at the current weight (0 when the mode is off). */
export function timePenaltyOf(sol: Sol): i64 {
  if (!twOn) return 0;
  let c: i64 = 0;
  for (let r = 0; r < R; r++) if (unchecked(sol.rSize[r]) > 0) c += routeWarpCost(sol, r);
  return c;
}

/** Multiplies the weight by the repair factor (repair) or divides it back. */
export function twRepairWeight(on: bool): void {
  twWeight = on ? twWeight * TW_REPAIR_FACTOR : twWeight / TW_REPAIR_FACTOR;
}

/**
 * Records whether a local-search result was free of time warp; every TW_WINDOW results the
 * weight rises by 20 % when fewer than the target share were (less 5 points) and falls by 15 %
 * when more were (plus 5 points), as in HGS.
 */
export function twRecord(feasible: bool): void {
  windowRuns++;
  twResults++;
  if (feasible) windowFeasible++;
  else twWarped++;
  if (windowRuns < TW_WINDOW) return;
  const pct = (windowFeasible * 100) / windowRuns;
  if (pct < TW_TARGET_PCT - 5) twWeight = clampWeight(max(twWeight + 1, (twWeight * 6) / 5));
  else if (pct > TW_TARGET_PCT + 5) twWeight = clampWeight(min(twWeight - 1, (twWeight * 17) / 20));
  windowRuns = 0;
  windowFeasible = 0;
}
