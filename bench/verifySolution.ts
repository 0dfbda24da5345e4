// An independent feasibility and cost check, kept apart from the solver code on purpose:
// the bench trusts nothing the solver reports about its own solution.

/** What {@link verifySolution} needs of a problem: a distance matrix, demands and capacity. */
export interface VerifiableProblem {
  capacity: number;
  /** Demand per node, index 0 = depot. */
  demands: ArrayLike<number>;
  /** Row-major n × n integer distances. */
  distances: ArrayLike<number>;
}

/** Result of {@link verifySolution}. */
export interface Verification {
  /** True when every customer is visited exactly once, every load fits and the cost matches. */
  ok: boolean;
  /** One human-readable line per violation (at most 20). */
  errors: string[];
  /** Cost recomputed from the distance matrix. */
  cost: number;
  /** Load of each route. */
  loads: number[];
}

/**
 * Checks a CVRP solution independently of the solver: each customer 1..n-1 visited exactly
 * once, no depot or unknown node inside a route, every route load within capacity, and the
 * cost recomputed edge by edge (depot → … → depot) equal to `claimedCost` when given.
 *
 * @example
 * ```ts
 * const v = verifySolution(
 *   { capacity: 10, demands: [0, 4, 5], distances: [0, 5, 10, 5, 0, 5, 10, 5, 0] },
 *   [[1, 2]],
 *   20,
 * );
 * v.ok; // true
 * ```
 */
export function verifySolution(problem: VerifiableProblem, routes: ArrayLike<number>[], claimedCost?: number): Verification {
  const { capacity, demands, distances } = problem;
  const n = demands.length;
  const errors: string[] = [];
  const err = (m: string) => {
    if (errors.length < 20) errors.push(m);
  };
  if (distances.length !== n * n) err(`distance matrix has ${distances.length} entries, expected ${n * n}`);
  const visits = new Int32Array(n);
  const loads: number[] = [];
  let cost = 0;
  routes.forEach((route, r) => {
    let load = 0;
    let prev = 0;
    for (let k = 0; k < route.length; k++) {
      const v = route[k];
      if (!Number.isInteger(v) || v < 1 || v >= n) {
        err(`route ${r + 1}: node ${String(v)} is not a customer (1..${n - 1})`);
        continue;
      }
      visits[v]++;
      load += demands[v];
      cost += distances[prev * n + v];
      prev = v;
    }
    cost += distances[prev * n];
    loads.push(load);
    if (load > capacity) err(`route ${r + 1}: load ${load} exceeds capacity ${capacity}`);
  });
  for (let v = 1; v < n; v++) {
    if (visits[v] === 0) err(`customer ${v} is not visited`);
    else if (visits[v] > 1) err(`customer ${v} is visited ${visits[v]} times`);
  }
  if (claimedCost !== undefined && claimedCost !== cost) err(`claimed cost ${claimedCost} ≠ recomputed cost ${cost}`);
  return { ok: errors.length === 0, errors, cost, loads };
}
