// binroute core: the WebAssembly exports used by the TypeScript host (src/core/).
//
// Protocol (raw bindings, stub runtime, one instance per solve):
//   1. alloc(jobs, vehicles, m, matrices, dims, facilities, windows, classes)
//   2. for each array id (see ARRAYS below), write its data at ptr(id)
//   3. finish(); optional setParam(id, value)
//   4. init(seed), then prepare(units) until it returns 0: construction and first local search
//   5. run(iters, base, scale)       repeatedly; iteration i sits at budget fraction (base+i)·scale
//   6. bestCost(), writeBest() → pointer to Int32 output (see writeBest)

import * as pb from './model/problem';
import { Sol, startOf, endOf, isReloadVisit } from './model/Sol';
import { feasibilityAlloc, walkCurrent, breakAt } from './model/feasibility';
import { rngSeed } from './common/rng';
import { savings, savingsApplies } from './construct/savings';
import { lsAlloc, pushNode, queueSize } from './search/lsState';
import { swapStarAlloc } from './search/swapStar';
import { localSearch, setLsGranularity } from './search/localSearch';
import { ruinAlloc, recreateAlloc, setRuinSize, beginStep, addToInsert, insertRange, orderForInsertion, touched, nTouched, nRemoved } from './meta/index';
import { retuneReloads } from './meta/retuneReloads';
import { annealInit, annealRun, best, countRoutes, setLocalSearch, setTemperatures, T0_FACTOR, TF_FACTOR } from './meta/anneal';

let out: StaticArray<i32> = new StaticArray<i32>(0);
let neighbourCount: i32 = 100;
let avgRemoved: f64 = 10;
let maxString: f64 = 10;

export function alloc(jobs: i32, vehicles: i32, m: i32, matrices: i32, dims: i32, facilities: i32, windows: i32, classes: i32, breaks: i32): void {
  pb.allocProblem(jobs, vehicles, m, matrices, dims, facilities, windows, classes, breaks);
}

/**
 * Address of problem array `id`. ARRAYS (element type): 0 mats i32 (matrices × M × M),
 * vehicles: 1 costOffset 2 durOffset 3 distOffset 4 start 5 end 6 twStart 7 twEnd 8 capacity (R×D)
 * 9 fixed 10 class 11 maxTasks 12 maxTravel 13 maxDistance 14 maxReloads 15 facilityMask i64;
 * jobs (index = job + 1): 16 location 17 service 18 setup 19 pickup (×D) 20 delivery (×D)
 * 21 twFirst 22 twCount 23 prize i64 24 compat u8 (×classes); facilities: 25 location
 * 26 service 27 setup 28 twFirst 29 twCount; 30 time windows i32 pairs; breaks (per vehicle,
 * sorted by first window): 31 vehicle's first break 32 vehicle's break count 33 service
 * 34 twFirst 35 twCount 36 maxLoad (×D, 2^31-1 = none); 37 job release time i32; 38 vehicle route capacity (R×D, 2^31-1 = none)
 * 39 vehicle return-empty flag i32.
 */
export function ptr(id: i32): usize {
  switch (id) {
    case 0: return changetype<usize>(pb.mats);
    case 1: return changetype<usize>(pb.vCost);
    case 2: return changetype<usize>(pb.vDur);
    case 3: return changetype<usize>(pb.vDist);
    case 4: return changetype<usize>(pb.vStart);
    case 5: return changetype<usize>(pb.vEnd);
    case 6: return changetype<usize>(pb.vTwStart);
    case 7: return changetype<usize>(pb.vTwEnd);
    case 8: return changetype<usize>(pb.vCap);
    case 9: return changetype<usize>(pb.vFixed);
    case 10: return changetype<usize>(pb.vClass);
    case 11: return changetype<usize>(pb.vMaxTasks);
    case 12: return changetype<usize>(pb.vMaxTravel);
    case 13: return changetype<usize>(pb.vMaxDist);
    case 14: return changetype<usize>(pb.vMaxReloads);
    case 15: return changetype<usize>(pb.vFacMask);
    case 16: return changetype<usize>(pb.jLoc);
    case 17: return changetype<usize>(pb.jService);
    case 18: return changetype<usize>(pb.jSetup);
    case 19: return changetype<usize>(pb.jPick);
    case 20: return changetype<usize>(pb.jDel);
    case 21: return changetype<usize>(pb.jTwFirst);
    case 22: return changetype<usize>(pb.jTwCount);
    case 23: return changetype<usize>(pb.jPrize);
    case 24: return changetype<usize>(pb.compat);
    case 25: return changetype<usize>(pb.fLoc);
    case 26: return changetype<usize>(pb.fService);
    case 27: return changetype<usize>(pb.fSetup);
    case 28: return changetype<usize>(pb.fTwFirst);
    case 29: return changetype<usize>(pb.fTwCount);
    case 30: return changetype<usize>(pb.tw);
    case 31: return changetype<usize>(pb.vBreakFirst);
    case 32: return changetype<usize>(pb.vBreakCount);
    case 33: return changetype<usize>(pb.bService);
    case 34: return changetype<usize>(pb.bTwFirst);
    case 35: return changetype<usize>(pb.bTwCount);
    case 36: return changetype<usize>(pb.bMaxLoad);
    case 37: return changetype<usize>(pb.jRelease);
    case 38: return changetype<usize>(pb.vRouteCap);
    case 39: return changetype<usize>(pb.vReturnEmpty);
  }
  return 0;
}

/** Derives the feature flags once every array is written. */
export function finish(): void {
  pb.finishProblem();
}

/**
 * Tuning knobs (defaults in brackets): 1 local search on/off [1], 2 LS granularity [30],
 * 3 neighbour list length [100], 4 T0 factor [0.3], 5 Tf factor [0.003],
 * 6 average removed jobs [10], 7 max string length [10].
 */
export function setParam(id: i32, value: f64): void {
  if (id == 1) setLocalSearch(value != 0);
  else if (id == 2) setLsGranularity(<i32>value);
  else if (id == 3) neighbourCount = <i32>value;
  else if (id == 4) setTemperatures(value, TF_FACTOR);
  else if (id == 5) setTemperatures(T0_FACTOR, value);
  else if (id == 6) avgRemoved = value;
  else if (id == 7) maxString = value;
}

export function init(seed: u32): void {
  rngSeed(seed);
  const n = pb.N;
  pb.buildNeighbours(min(neighbourCount, 255));
  lsAlloc(n);
  swapStarAlloc(n);
  feasibilityAlloc();
  ruinAlloc(n, pb.R);
  recreateAlloc();
  setRuinSize(avgRemoved, maxString);
  start = new Sol();
  prepared = false;
  constructAt = 0;
  constructTo = 0;
  if (n > 1) {
    const closed = pb.R > 0 && unchecked(pb.vStart[0]) == unchecked(pb.vEnd[0]);
    if (pb.R >= n - 1 && savingsApplies(pb.SAME_VEHICLES, pb.SIMPLE_LOAD, pb.HAS_TIME, pb.HAS_LIMITS, pb.HAS_OPTIONAL, closed)) {
      savings(start);
      for (let u = 1; u < n; u++) pushNode(u);
    } else {
      beginStep();
      for (let v = 1; v < n; v++) addToInsert(v);
      orderForInsertion();
      constructTo = nRemoved;
    }
  }
}

let start: Sol = changetype<Sol>(0);
let prepared = false;
let constructAt = 0;
let constructTo = 0;

/** Routes changed by the construction get fresh caches, tidy reloads and go to the local search. */
function finishConstruction(): void {
  for (let t = 0; t < nTouched; t++) {
    const r = unchecked(touched[t]);
    retuneReloads(start, r);
    start.updateRoute(r);
  }
  for (let u = 1; u < pb.N; u++) pushNode(u);
  constructAt = constructTo = 0;
}

/**
 * Builds the first solution in parts so that the host can keep its time limit: up to `units`
 * job insertions, then up to `units` local-search steps. Returns 1 while work remains and 0 once
 * the search can run. `units` < 0 stops early: jobs not inserted yet stay unserved.
 */
export function prepare(units: i32): i32 {
  if (prepared) return 0;
  if (units >= 0 && constructAt < constructTo) {
    const to = min(constructTo, constructAt + max(units, 1));
    insertRange(start, constructAt, to);
    constructAt = to;
    if (constructAt < constructTo) return 1;
    finishConstruction();
    return 1;
  }
  if (constructAt < constructTo) finishConstruction();
  if (units >= 0 && queueSize() > 0) {
    localSearch(start, max(units, 1));
    if (queueSize() > 0) return 1;
  }
  annealInit(start);
  prepared = true;
  return 0;
}

/** Runs `iters` iterations at budget fractions (base + i)·scale (see annealRun). */
export function run(iters: i32, base: f64, scale: f64): i32 {
  if (!prepared) prepare(-1);
  if (pb.N <= 2 || pb.R == 0) return iters; // nothing to optimise
  return annealRun(iters, base, scale);
}

/** Objective of the best solution: route costs plus prizes and penalties of unserved jobs. */
export function bestCost(): f64 {
  if (!prepared) prepare(-1);
  return <f64>best.objective();
}

/** Route costs only. */
export function bestRouteCost(): f64 {
  if (!prepared) prepare(-1);
  return <f64>best.cost;
}

/**
 * Writes the best solution; returns its pointer. Layout: [routes, then per used route:
 * vehicle, length, steps… (job j as j ≥ 0, a reload at facility f as -(f+1), the vehicle's
 * break i as -(1000000+i)),
 * then unserved count, unserved jobs…]. Jobs are numbered from 0 here (visit − 1).
 */
export function writeBest(): usize {
  if (!prepared) prepare(-1);
  const sol = best;
  const routes = countRoutes(sol);
  out = new StaticArray<i32>(2 + 2 * routes + pb.V + pb.NB);
  let k = 0;
  unchecked((out[k++] = routes));
  for (let r = 0; r < pb.R; r++) {
    if (unchecked(sol.rSize[r]) == 0) continue;
    unchecked((out[k++] = r));
    const lenAt = k++;
    const nb = unchecked(pb.vBreakCount[r]);
    if (nb > 0) walkCurrent(sol, r);
    let len = 0;
    let nextBreak = 0;
    let position = 0;
    const e = endOf(r);
    let v = unchecked(sol.next[startOf(r)]);
    while (true) {
      // breaks taken after sequence position `position - 1`
      while (nextBreak < nb && unchecked(breakAt[nextBreak]) == position - 1) {
        unchecked((out[k++] = -(1000000 + nextBreak)));
        nextBreak++;
        len++;
      }
      if (v == e) break;
      unchecked((out[k++] = isReloadVisit(v) ? -(unchecked(sol.fac[v]) + 1) : v - 1));
      len++;
      position++;
      v = unchecked(sol.next[v]);
    }
    unchecked((out[lenAt] = len));
  }
  const missAt = k++;
  let miss = 0;
  for (let v = 1; v < pb.N; v++) {
    if (unchecked(sol.route[v]) >= 0) continue;
    unchecked((out[k++] = v - 1));
    miss++;
  }
  unchecked((out[missAt] = miss));
  return changetype<usize>(out);
}

export function outputLength(): i32 {
  return out.length;
}

