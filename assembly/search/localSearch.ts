// Granular local search driven by a work list: each queued customer u is tried against its
// nearest neighbours v with every operator (static dispatch, first improvement). A change
// re-queues the customers of the changed routes; stamps skip pairs already tested since
// both routes last changed. Ends in a local optimum of the queued neighbourhoods.

import { KN, neigh } from '../model/problem';
import { Sol } from '../model/Sol';
import { lastTested, moveCount, popNode, queueSize } from './lsState';
import { relocate } from './relocate';
import { swap } from './swap';
import { twoOpt } from './twoOpt';
import { twoOptStar } from './twoOptStar';
import { swapStarBetween } from './swapStar';

/** Neighbours examined per customer by the local search. */
export let K_LS: i32 = 30;

export function setLsGranularity(k: i32): void {
  K_LS = k;
}

/** Tries the operators for the pair (u, v) in a fixed order; true once one applied a move. */
// @ts-ignore: decorator
@inline function tryPair(sol: Sol, u: i32, v: i32): bool {
  if (relocate(sol, u, v)) return true;
  if (relocate(sol, v, u)) return true;
  if (swap(sol, u, v)) return true;
  if (twoOpt(sol, u, v)) return true;
  if (twoOptStar(sol, u, v)) return true;
  return false;
}

/** Runs the local search until the work list is empty, or for at most `maxPops` customers. */
export function localSearch(sol: Sol, maxPops: i32 = 0x7fffffff): void {
  const k = min(K_LS, KN);
  const route = sol.route;
  const rStamp = sol.rStamp;
  let pops = 0;
  while (queueSize() > 0 && pops < maxPops) {
    pops++;
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
      if (tryPair(sol, u, v)) continue;
      if (ru != rv && swapStarBetween(sol, ru, rv)) continue;
    }
  }
}
