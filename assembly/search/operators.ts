// The local-search operators in the order the search tries them, with one static dispatch
// (a switch, no function pointers in the hot loop). Every operator follows the contract written
// in localSearch.ts. Adding an operator: a file exporting `op(sol, u, v): bool`, an OP_ id and
// its case here.

import { Sol } from '../model/Sol';
import { relocate } from './relocate';
import { swap } from './swap';
import { twoOpt } from './twoOpt';
import { twoOptStar } from './twoOptStar';
import { swapStarBetween } from './swapStar';
import { setRunningOperator } from './appliedMove';

/** Move a string of 1–3 jobs starting at u next to v. */
export const OP_RELOCATE_UV: i32 = 0;
/** Move a string of 1–3 jobs starting at v next to u. */
export const OP_RELOCATE_VU: i32 = 1;
/** Exchange strings of 1–2 jobs starting at u and at v. */
export const OP_SWAP: i32 = 2;
/** Reverse the path between u and v (same route). */
export const OP_TWO_OPT: i32 = 3;
/** Exchange or join the tails of u's and v's routes. */
export const OP_TWO_OPT_STAR: i32 = 4;
/** SWAP* between the routes of u and v (different routes). */
export const OP_SWAP_STAR: i32 = 5;
/** Number of operators; they are tried in id order. */
export const OPERATORS: i32 = 6;

/**
 * Tries every operator on the pair (u, v) in id order, up to the first that applies a move.
 * The ids are constants here, so each applyOperator call folds to a direct call.
 */
// @ts-ignore: decorator
@inline export function tryOperators(sol: Sol, u: i32, v: i32): bool {
  return (
    applyOperator(OP_RELOCATE_UV, sol, u, v) ||
    applyOperator(OP_RELOCATE_VU, sol, u, v) ||
    applyOperator(OP_SWAP, sol, u, v) ||
    applyOperator(OP_TWO_OPT, sol, u, v) ||
    applyOperator(OP_TWO_OPT_STAR, sol, u, v) ||
    applyOperator(OP_SWAP_STAR, sol, u, v)
  );
}

/** Runs operator `op` on the pair (u, v); true when it applied an improving move. */
// @ts-ignore: decorator
@inline export function applyOperator(op: i32, sol: Sol, u: i32, v: i32): bool {
  setRunningOperator(op);
  switch (op) {
    case OP_RELOCATE_UV: return relocate(sol, u, v);
    case OP_RELOCATE_VU: return relocate(sol, v, u);
    case OP_SWAP: return swap(sol, u, v);
    case OP_TWO_OPT: return twoOpt(sol, u, v);
    case OP_TWO_OPT_STAR: return twoOptStar(sol, u, v);
    case OP_SWAP_STAR: {
      const ru = unchecked(sol.route[u]);
      const rv = unchecked(sol.route[v]);
      return ru != rv && swapStarBetween(sol, ru, rv);
    }
  }
  return false;
}
