// Granular local search driven by a work list: each queued customer u is tried against its
// nearest neighbours v with every operator (operators.ts: one list, static dispatch, first
// improvement). A change re-queues the customers of the changed routes; stamps skip pairs
// already tested since both routes last changed. Ends in a local optimum of the queued
// neighbourhoods.
//
// The operator contract. An operator is `op(sol, u, v): bool` and works in three steps:
//   1. evaluate: for each candidate move around (u, v), compute its cost change from the route
//      caches (cumulative costs, or path costs under another vehicle's matrix), integers only;
//      a candidate that does not beat the best so far (initially 0) is dropped here, before
//      any feasibility work;
//   2. check: only then test feasibility — the O(1)/O(segment) checks of model/feasibility.ts
//      (fitsBetween, fitsTail); when the change is inside one route and intraNeedsCheck() says
//      it can break something, spliceFits on the changed part built with emitPath, or the full
//      walk (seqFits) on the whole route where spliceFits cannot tell;
//   3. apply: if a feasible improving candidate was found, record it (recordMove), relink the
//      visits and call routeChanged for each changed route (caches, stamps, work list); return
//      true. Otherwise leave the solution untouched and return false.
// Operators never allocate and never apply a move that worsens the cost or breaks a constraint.
// The one exception is penalised capacity (model/loadPenalty.ts, CVRP-like problems during the
// annealing): there a route's load may exceed its capacity, and the price of the excess is
// part of the move's cost change in step 1 (so "worsens" is judged on that penalised cost).

import { KN, neigh } from '../model/problem';
import { Sol } from '../model/Sol';
import { lastTested, moveCount, popNode, queueSize } from './lsState';
import { tryOperators } from './operators';
import { pastDeadline } from '../common/clock';

/** Neighbours examined per customer by the local search. */
export let K_LS: i32 = 30;

export function setLsGranularity(k: i32): void {
  K_LS = k;
}


/**
 * Runs the local search until the work list is empty, for at most `maxPops` customers, or until
 * the host's deadline (common/clock.ts) has passed.
 */
export function localSearch(sol: Sol, maxPops: i32 = 0x7fffffff): void {
  const k = min(K_LS, KN);
  const route = sol.route;
  const rStamp = sol.rStamp;
  let pops = 0;
  while (queueSize() > 0 && pops < maxPops) {
    pops++;
    // the time limit, checked every 64 customers (the work list is left as it is)
    if ((pops & 63) == 0 && pastDeadline()) break;
    const u = popNode();
    if (unchecked(route[u]) < 0) continue;
    const since = unchecked(lastTested[u]);
    unchecked((lastTested[u] = moveCount));
    const base = u * KN;
    for (let i = 0; i < k; i++) {
      const v = unchecked(neigh[base + i]);
      const rv = unchecked(route[v]);
      if (rv < 0) continue;
      const ru = unchecked(route[u]);
      if (max(unchecked(rStamp[ru]), unchecked(rStamp[rv])) <= since) continue;
      // the operators in order; the first that applies a move ends this neighbour
      tryOperators(sol, u, v);
    }
  }
}
