// The record every operator leaves when it applies a move (step 3 of the operator contract in
// localSearch.ts): which operator, and the cost change it computed in step 1. The search does
// not read it; it lets a test check an operator's move and delta against its own arithmetic.

/** Operator of the last applied move (OP_* in operators.ts), -1 before any. */
export let appliedOperator: i32 = -1;
/** Cost change of the last applied move, as the operator evaluated it (< 0). */
export let appliedDelta: i64 = 0;
/** Operator being run by applyOperator, recorded with the move. */
export let runningOperator: i32 = -1;

/** Called by an operator right before it changes the solution. */
// @ts-ignore: decorator
@inline export function recordMove(delta: i64): void {
  appliedOperator = runningOperator;
  appliedDelta = delta;
}

/** Set by the dispatcher before it runs an operator. */
// @ts-ignore: decorator
@inline export function setRunningOperator(op: i32): void {
  runningOperator = op;
}
