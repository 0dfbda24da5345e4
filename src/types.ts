/**
 * Public types of binroute's CVRP API.
 *
 * Node indices: 0 is the depot, 1..n-1 are customers. In CVRPLIB `.sol` files the customers
 * are numbered exactly like this (node id in the `.vrp` minus one), so a route `[3, 7]`
 * is written `Route #1: 3 7`.
 */

/** A capacitated vehicle routing problem: one depot, homogeneous capacity, unlimited vehicles. */
export interface CvrpProblem {
  /** Instance name, for reports. */
  name?: string;
  /** Vehicle capacity (positive integer). */
  capacity: number;
  /** Demand per node, index 0 = depot (must be 0). Non-negative integers, each ≤ capacity. */
  demands: ArrayLike<number>;
  /**
   * Integer travel cost between nodes, row-major `n × n` (`distances[i * n + j]` is i → j).
   * May be asymmetric. Either this or `coordinates` must be given.
   */
  distances?: ArrayLike<number>;
  /**
   * Planar coordinates `[x0, y0, x1, y1, …]`, used with TSPLIB `nint` rounding
   * (`Math.round(Math.hypot(dx, dy))`) when `distances` is absent.
   */
  coordinates?: ArrayLike<number>;
}

/** Why a search ended. */
export type StopReason = 'iterations' | 'time_limit' | 'aborted';

/** Progress report passed to `onProgress`. */
export interface Progress {
  iteration: number;
  bestCost: number;
  elapsedMs: number;
}

/** Options of {@link solve}. */
export interface SolveOptions {
  /** Wall-clock budget in milliseconds. Default: 10 000 unless `maxIterations` is given. */
  timeLimitMs?: number;
  /** Iteration budget of the metaheuristic. With a seed, output is deterministic. */
  maxIterations?: number;
  /** PRNG seed (unsigned 32-bit). Default 1. */
  seed?: number;
  /** Called after every chunk of iterations. */
  onProgress?: (p: Progress) => void;
  /** Cancels the search; the best solution so far is returned with `stopReason: 'aborted'`. */
  signal?: AbortSignal;
  /**
   * Run the local search after every ruin-and-recreate step (default true). Off gives the
   * plain SISR ruin-and-recreate metaheuristic; kept for measurements (docs/benchmarks.md).
   */
  localSearch?: boolean;
}

/** A solved CVRP. */
export interface Solution {
  /** Customer node indices (1..n-1) per route, in visit order; the depot is implicit at both ends. */
  routes: number[][];
  /** Cost of each route (depot → customers → depot). */
  routeCosts: number[];
  /** Sum of the route costs. */
  cost: number;
  /** Wall-clock time spent in `solve`, in milliseconds. */
  elapsedMs: number;
  /** Metaheuristic iterations run. */
  iterations: number;
  /** Why the search stopped. `aborted` marks a cancelled run (best-so-far solution). */
  stopReason: StopReason;
  /** The seed used. */
  seed: number;
}
