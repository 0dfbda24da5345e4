// binroute core: the WebAssembly exports used by the TypeScript host (src/core/).
//
// Protocol (raw bindings, stub runtime, one instance per solve; ids, constants and the output
// layout are defined once in src/core/coreProtocol.ts):
//   1. alloc(jobs, vehicles, m, matrices, dims, facilities, windows, classes, breaks)
//   2. for each array id, write its data at ptr(id)
//   3. finish(); optional setParam(PARAM_…, value)
//   4. init(seed), then prepare(units) until it returns 0: construction and first local search
//   5. run(iters, base, scale) repeatedly; iteration i sits at budget fraction (base+i)·scale;
//      it returns the iterations run (fewer when the stall limit stopped the search)
//   6. writeBest() → address of the Float64 output (length outputLength())
//   7. optional: trialInsert(job, vehicle, position, alone) and trialAddedCost() explain unserved
//      jobs; routesBuffer(n) + loadRoutes() replace the answer by routes the host gives.

import * as pb from './model/problem';
import { Sol } from './model/Sol';
import { feasibilityAlloc } from './model/feasibility';
import { twInit, allowTimeWarp } from './model/timePenalty';
import { loadRoutes as fillRoutes } from './model/loadRoutes';
import { rngSeed } from './common/rng';
import { setDeadline } from './common/clock';
import { savings, savingsApplies, everyJobFitsAlone } from './construct/savings';
import { lsAlloc, pushNode, queueSize, stampRoute } from './search/lsState';
import { clearMarks } from './model/linkMarks';
import { swapStarAlloc } from './search/swapStar';
import { localSearch, setLsGranularity } from './search/localSearch';
import { ruinAlloc, recreateAlloc, setRuinSize, beginStep, addToInsert, insertRange, orderForInsertion, touched, nTouched, nRemoved } from './meta/index';
import { retuneReloads } from './meta/retuneReloads';
import { annealInit, annealRun, best, setLocalSearch, setTemperatures, setStallLimit, T0_FACTOR, TF_FACTOR } from './meta/anneal';
import { writeSolution } from './output/writeSolution';
import { trialInsert as trial, trialAddedCost as addedCost, movableVisits } from './output/trialInsert';
import { arrayPtr } from './arrays.generated';
import {
  PARAM_LOCAL_SEARCH, PARAM_LS_GRANULARITY, PARAM_NEIGHBOURS, PARAM_T0_FACTOR, PARAM_TF_FACTOR, PARAM_AVG_REMOVED,
  PARAM_MAX_STRING, PARAM_STALL_LIMIT, PARAM_TIME_WARP, PARAM_DEADLINE, DEFAULT_NEIGHBOURS, DEFAULT_AVG_REMOVED, DEFAULT_MAX_STRING,
} from './protocol.generated';

export { outputLength } from './output/writeSolution';

let neighbourCount: i32 = <i32>DEFAULT_NEIGHBOURS;
let avgRemoved: f64 = DEFAULT_AVG_REMOVED;
let maxString: f64 = DEFAULT_MAX_STRING;
/** The solution the output functions describe: the search's best, or routes loaded by the host. */
let answer: Sol = changetype<Sol>(0);
let routesIn: StaticArray<i32> = new StaticArray<i32>(0);

export function alloc(jobs: i32, vehicles: i32, m: i32, matrices: i32, dims: i32, facilities: i32, windows: i32, classes: i32, breaks: i32): void {
  pb.allocProblem(jobs, vehicles, m, matrices, dims, facilities, windows, classes, breaks);
}

/** Address of problem array `id` (CORE_ARRAYS in src/core/coreProtocol.ts), 0 for an unknown id. */
export function ptr(id: i32): usize {
  return arrayPtr(id);
}

/** Derives the feature flags once every array is written. */
export function finish(): void {
  pb.finishProblem();
}

/** Sets tuning parameter `id` (CORE_PARAMS in src/core/coreProtocol.ts). */
export function setParam(id: i32, value: f64): void {
  if (id == PARAM_LOCAL_SEARCH) setLocalSearch(value != 0);
  else if (id == PARAM_LS_GRANULARITY) setLsGranularity(<i32>value);
  else if (id == PARAM_NEIGHBOURS) neighbourCount = <i32>value;
  else if (id == PARAM_T0_FACTOR) setTemperatures(value, TF_FACTOR);
  else if (id == PARAM_TF_FACTOR) setTemperatures(T0_FACTOR, value);
  else if (id == PARAM_AVG_REMOVED) avgRemoved = value;
  else if (id == PARAM_MAX_STRING) maxString = value;
  else if (id == PARAM_STALL_LIMIT) setStallLimit(<i32>value);
  else if (id == PARAM_TIME_WARP) allowTimeWarp(value != 0);
  else if (id == PARAM_DEADLINE) setDeadline(value);
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
  twInit();
  start = new Sol();
  prepared = false;
  constructAt = 0;
  constructTo = 0;
  repairsLeft = REPAIR_ROUNDS;
  if (n > 1) {
    const closed = pb.R > 0 && unchecked(pb.vStart[0]) == unchecked(pb.vEnd[0]);
    if (pb.R >= n - 1 && !pb.HAS_UNREACHABLE && savingsApplies(pb.SAME_VEHICLES, pb.SIMPLE_LOAD, pb.HAS_TIME, pb.HAS_LIMITS, pb.HAS_OPTIONAL, closed) && everyJobFitsAlone()) {
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
/**
 * Repair rounds left: after the first local search has shortened the routes, the jobs the
 * construction could not place are offered every position once more (then the local search
 * runs again). On a Seongdong day this places 150–225 of 846 jobs that the one-pass
 * construction left out, so the first plan serves every bin.
 */
const REPAIR_ROUNDS: i32 = 2;
let repairsLeft: i32 = 0;

/** Routes changed by the construction get fresh caches, tidy reloads and go to the local search. */
function finishConstruction(): void {
  for (let t = 0; t < nTouched; t++) {
    const r = unchecked(touched[t]);
    retuneReloads(start, r);
    start.updateRoute(r);
    stampRoute(start, r);
  }
  // the work list below covers every changed place: the link marks are not needed
  clearMarks();
  if (repairsLeft == REPAIR_ROUNDS) {
    for (let u = 1; u < pb.N; u++) pushNode(u);
  } else {
    // a repair round: only the jobs of the routes it changed
    for (let t = 0; t < nTouched; t++) {
      const r = unchecked(touched[t]);
      for (let u = 1; u < pb.N; u++) if (unchecked(start.route[u]) == r) pushNode(u);
    }
  }
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
  if (units >= 0 && repairsLeft > 0) {
    repairsLeft--;
    beginStep();
    for (let v = 1; v < pb.N; v++) if (unchecked(start.route[v]) < 0) addToInsert(v);
    if (nRemoved > 0) {
      orderForInsertion();
      constructTo = nRemoved;
      return 1;
    }
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

/** Writes the answer (the best solution, or the loaded routes) with its schedule; see writeSolution. */
export function writeBest(): usize {
  return writeSolution(currentAnswer());
}

/** Number of jobs the best solution leaves unserved. */
export function bestUnserved(): i32 {
  const sol = currentAnswer();
  let k = 0;
  for (let v = 1; v < pb.N; v++) if (unchecked(sol.route[v]) < 0) k++;
  return k;
}

/** Prizes of the optional jobs the best solution leaves unserved. */
export function bestPrizes(): f64 {
  const sol = currentAnswer();
  let p: i64 = 0;
  for (let v = 1; v < pb.N; v++) if (unchecked(sol.route[v]) < 0) p += unchecked(pb.jPrize[v]);
  return <f64>p;
}

function currentAnswer(): Sol {
  if (changetype<usize>(answer) != 0) return answer;
  if (!prepared) prepare(-1);
  return best;
}

/** The routes the host wrote with routesBuffer (for the test harness). */
export function routesData(): StaticArray<i32> {
  return routesIn;
}

/** An i32 buffer of n values for loadRoutes; returns its address. */
export function routesBuffer(n: i32): usize {
  routesIn = new StaticArray<i32>(n);
  return changetype<usize>(routesIn);
}

/**
 * Makes the routes in the buffer the answer (layout in model/loadRoutes.ts); the problem must
 * be written and finished, init() is not needed. Returns 1, or 0 when the routes are malformed.
 */
export function loadRoutes(): i32 {
  feasibilityAlloc();
  const sol = new Sol();
  if (!fillRoutes(sol, routesIn)) return 0;
  answer = sol;
  return 1;
}

/** Movable visits (jobs and reloads, not the pinned final unload) of the answer's route r. */
export function routeVisits(r: i32): i32 {
  return movableVisits(currentAnswer(), r);
}

/**
 * Would job `job` fit the answer's route of `vehicle` before movable visit `position`, or alone
 * in that vehicle (`alone` = 1)? Returns the walk's failure code (0 = feasible).
 */
export function trialInsert(job: i32, vehicle: i32, position: i32, alone: i32): i32 {
  return trial(currentAnswer(), job, vehicle, position, alone != 0);
}

/** Cost the last trialInsert would add. */
export function trialAddedCost(): f64 {
  return <f64>addedCost;
}
