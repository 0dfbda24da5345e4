// Test-only entry (build/operatorHarness.wasm, debug build): the core's setup exports, plus a
// way to load given routes, run ONE local-search operator on one pair of jobs and read the
// result back. test/operatorHarness.ts drives it; the shipped core does not contain it.

import * as pb from '../model/problem';
import { Sol } from '../model/Sol';
import { feasibilityAlloc } from '../model/feasibility';
import { loadRoutes } from '../model/loadRoutes';
import { lsAlloc } from '../search/lsState';
import { swapStarAlloc } from '../search/swapStar';
import { applyOperator } from '../search/operators';
import { appliedDelta, appliedOperator } from '../search/appliedMove';
import { writeSolution } from '../output/writeSolution';
import { ejectAlloc, ejectInsert, ejected, nEjected } from '../meta/ejectInsert';
import { ruinAlloc, beginStep } from '../meta/ruin';

export { alloc, ptr, finish, routesBuffer, outputLength, init, prepare, run, setParam, bestCost } from '../index';
import { penInit, setPenalised, setPenWeight, PEN_CAPABLE, penResults, penOverloaded } from '../model/loadPenalty';
import { routesData } from '../index';
import { twInit, setTimePenalised, setTwWeight, TW_CAPABLE, twResults, twWarped, warpOf } from '../model/timePenalty';

let sol: Sol = changetype<Sol>(0);

/** Builds the solution from the routes in routesBuffer; 1 when they fit the problem. */
export function loadRoutesForTest(): i32 {
  feasibilityAlloc();
  lsAlloc(pb.N);
  swapStarAlloc(pb.N);
  twInit();
  sol = new Sol();
  return loadRoutes(sol, routesData()) ? 1 : 0;
}

/** Runs operator `op` (OP_* in search/operators.ts) on jobs ju and jv (0-based); 1 when it applied a move. */
export function runOperator(op: i32, ju: i32, jv: i32): i32 {
  return applyOperator(op, sol, ju + 1, jv + 1) ? 1 : 0;
}

/** Cost change the last applied move was evaluated at. */
export function lastDelta(): f64 {
  return <f64>appliedDelta;
}

/** Operator of the last applied move, -1 before any. */
export function lastOperator(): i32 {
  return appliedOperator;
}

/** Total route cost of the solution. */
export function solutionCost(): f64 {
  return <f64>sol.cost;
}

/** The solution with its schedules, in the core's output layout. */
export function writeBest(): usize {
  return writeSolution(sol);
}

/**
 * Penalised capacity for the next operator calls: `weight16` is the price of one unit of excess
 * load in 1/16 cost units (0: capacity is hard, as in the search outside the annealing).
 */
export function setLoadPenaltyForTest(weight16: i32): void {
  penInit();
  setPenalised(weight16 > 0);
  if (weight16 > 0) setPenWeight(<i64>weight16);
}

/** Whether the problem qualifies for penalised capacity (model/loadPenalty.ts#PEN_CAPABLE). */
export function penaltyCapable(): i32 {
  return PEN_CAPABLE ? 1 : 0;
}

/** Local-search results of the last annealing run, and how many overloaded a route. */
export function penaltyResults(): i32 {
  return penResults;
}
export function penaltyOverloaded(): i32 {
  return penOverloaded;
}

/**
 * Penalised time windows for the next operator calls: `weight16` is the price of one unit of
 * time warp in 1/16 cost units (0: time windows are hard, as outside the annealing).
 */
export function setTimePenaltyForTest(weight16: i32): void {
  setTimePenalised(weight16 > 0);
  if (weight16 > 0) setTwWeight(<i64>weight16);
}

/** Whether the problem qualifies for penalised time windows (model/timePenalty.ts#TW_CAPABLE). */
export function timePenaltyCapable(): i32 {
  return TW_CAPABLE ? 1 : 0;
}

/** Time warp summed over the routes of the loaded solution (from the route caches). */
export function solutionWarp(): f64 {
  return <f64>warpOf(sol);
}

/** Local-search results of the last annealing run under penalised time windows, and how many had time warp. */
export function timePenaltyResults(): i32 {
  return twResults;
}
export function timePenaltyWarped(): i32 {
  return twWarped;
}

let ejectWeights: StaticArray<i32> = new StaticArray<i32>(0);

/** Sets the weight (absences) of job j (0-based) for `runEjectInsert`; the first call sizes the table. */
export function setEjectWeightForTest(j: i32, w: i32): void {
  if (ejectWeights.length != pb.N) ejectWeights = new StaticArray<i32>(pb.N);
  unchecked((ejectWeights[j + 1] = w));
}

/** Builds the granular neighbour lists (the solver does this in `init`). */
export function buildNeighboursForTest(k: i32): void {
  pb.buildNeighbours(k);
}

/**
 * Puts unrouted job j (0-based) into the loaded routes with ejections (meta/ejectInsert.ts),
 * taking only choices whose weight sum is below `bound`; 1 when it did.
 */
export function runEjectInsert(j: i32, bound: i32): i32 {
  if (ejectWeights.length != pb.N) ejectWeights = new StaticArray<i32>(pb.N);
  ruinAlloc(pb.N, pb.R);
  beginStep();
  ejectAlloc(pb.V);
  return ejectInsert(sol, j + 1, ejectWeights, <i64>bound) ? 1 : 0;
}

/** Jobs the last `runEjectInsert` ejected. */
export function ejectedCount(): i32 {
  return nEjected;
}

/** The i-th of them (0-based job index). */
export function ejectedJob(i: i32): i32 {
  return unchecked(ejected[i]) - 1;
}
