// The exact optimum of tiny CVRP instances, the oracle of the brute-force tests
// (solver.bruteforce.test.ts, solver.penalisedCapacity.test.ts). Test code only.
import type { CvrpProblem } from '../src/types.js';
import { referenceDistances } from './checker.js';

/** Exact optimum of a CVRP with at most ~12 customers, by dynamic programming over subsets. */
export function exactOptimum(problem: CvrpProblem): number {
  const n = problem.demands.length;
  const k = n - 1;
  const d = referenceDistances(problem);
  const full = (1 << k) - 1;
  // dp[S * k + j]: cheapest path depot → all of S, ending at customer j + 1 (bit j in S)
  const dp = new Float64Array((full + 1) * k).fill(Infinity);
  for (let j = 0; j < k; j++) dp[(1 << j) * k + j] = d[j + 1];
  for (let S = 1; S <= full; S++) {
    for (let j = 0; j < k; j++) {
      if (!(S & (1 << j)) || S === 1 << j) continue;
      const prev = S ^ (1 << j);
      let best = Infinity;
      for (let i = 0; i < k; i++) {
        if (prev & (1 << i)) best = Math.min(best, dp[prev * k + i] + d[(i + 1) * n + (j + 1)]);
      }
      dp[S * k + j] = best;
    }
  }
  const route = new Float64Array(full + 1).fill(Infinity);
  const load = new Float64Array(full + 1);
  for (let S = 1; S <= full; S++) {
    for (let j = 0; j < k; j++) {
      if (S & (1 << j)) {
        route[S] = Math.min(route[S], dp[S * k + j] + d[(j + 1) * n]);
        load[S] += problem.demands[j + 1];
      }
    }
  }
  // best[S]: cheapest set of capacity-feasible routes covering exactly S
  const best = new Float64Array(full + 1).fill(Infinity);
  best[0] = 0;
  for (let S = 1; S <= full; S++) {
    const low = S & -S;
    const rest = S ^ low;
    // T = low ∪ U for every subset U of rest
    for (let U = rest; ; U = (U - 1) & rest) {
      const T = U | low;
      if (load[T] <= problem.capacity) best[S] = Math.min(best[S], route[T] + best[S ^ T]);
      if (U === 0) break;
    }
  }
  return best[full];
}
