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

/**
 * Why a search ended: its iteration budget, its time limit, an abort, or `converged` (no new
 * best over the stall limit, see {@link SolveOptions.stallIterations}, or a problem with at most
 * one job, which the construction already solves).
 */
export type StopReason = 'iterations' | 'time_limit' | 'aborted' | 'converged';

/** Progress report passed to `onProgress`. */
export interface Progress {
  iteration: number;
  /**
   * Cost of the best plan so far in the problem's own units, as the result will report it:
   * route costs (fixed costs included) plus the prizes of optional jobs left out.
   */
  bestCost: number;
  /** Jobs the best plan so far leaves unassigned. */
  unassigned: number;
  elapsedMs: number;
}

/** Options of {@link solve}. */
export interface SolveOptions {
  /**
   * Wall-clock budget in milliseconds. Default, unless `maxIterations` is given: scaled to the
   * problem, `min(10 000, 1 000 + 20 · jobs)` (see `defaultTimeLimitMs`).
   */
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
   * Stop early once this many iterations in a row found no better solution (`stopReason:
   * 'converged'`). Default `max(20 000, 1 000 · jobs)`; 0 never stops early. Counted in
   * iterations, so a seed and `maxIterations` still give identical output.
   */
  stallIterations?: number;
  /**
   * Run the local search after every ruin-and-recreate step (default true). Off gives the
   * plain SISR ruin-and-recreate metaheuristic; kept for measurements (docs/benchmarks.md).
   */
  localSearch?: boolean;
  /**
   * Penalised time windows (default false): on VRPTW-like problems (one vehicle class, one window
   * per job, no breaks, reloads, release dates or route limits; docs/architecture.md) the
   * annealing may arrive late at a price per unit of time warp, and only plans that meet every
   * window are returned. Off by default: it paid on Homberger, not on Solomon at 2 s
   * (docs/benchmarks.md, "Penalised time windows").
   */
  timeWarp?: boolean;
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
