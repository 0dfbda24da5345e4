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

export { alloc, ptr, finish, routesBuffer, outputLength } from '../index';
import { routesData } from '../index';

let sol: Sol = changetype<Sol>(0);

/** Builds the solution from the routes in routesBuffer; 1 when they fit the problem. */
export function loadRoutesForTest(): i32 {
  feasibilityAlloc();
  lsAlloc(pb.N);
  swapStarAlloc(pb.N);
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
