import type { SolveOptions } from './types.js';
import { InputError } from './errors.js';

/**
 * Validates {@link SolveOptions}; every problem is an {@link InputError} naming the option.
 *
 * @example
 * ```ts
 * checkSolveOptions({ seed: 1, maxIterations: 1000 }); // ok
 * checkSolveOptions({ seed: -1 }); // throws InputError "options.seed: …"
 * ```
 */
export function checkSolveOptions(options: SolveOptions): void {
  if (options === null || typeof options !== 'object') throw new InputError('options: must be an object', { code: 'E6001' });
  const { seed, maxIterations, timeLimitMs, onProgress, signal, localSearch, stallIterations, timeWarp } = options;
  if (stallIterations !== undefined && (!Number.isInteger(stallIterations) || stallIterations < 0 || stallIterations > 2 ** 31 - 1)) {
    throw new InputError(`options.stallIterations: must be an integer from 0 to 2^31-1, got ${String(stallIterations)}`, { code: 'E6001', field: 'stallIterations' });
  }
  if (timeWarp !== undefined && typeof timeWarp !== 'boolean') {
    throw new InputError(`options.timeWarp: must be true or false, got ${String(timeWarp)}`, { code: 'E6001', field: 'timeWarp' });
  }
  if (localSearch !== undefined && typeof localSearch !== 'boolean') {
    throw new InputError(`options.localSearch: must be true or false, got ${String(localSearch)}`, { code: 'E6001', field: 'localSearch' });
  }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new InputError(`options.seed: must be an integer in [0, 2^32), got ${String(seed)}`, { code: 'E6001', field: 'seed' });
  }
  if (maxIterations !== undefined && (!Number.isInteger(maxIterations) || maxIterations < 0)) {
    throw new InputError(`options.maxIterations: must be a non-negative integer, got ${String(maxIterations)}`, { code: 'E6001', field: 'maxIterations' });
  }
  if (timeLimitMs !== undefined && (typeof timeLimitMs !== 'number' || !(timeLimitMs >= 0) || !Number.isFinite(timeLimitMs))) {
    throw new InputError(`options.timeLimitMs: must be a finite number ≥ 0, got ${String(timeLimitMs)}`, { code: 'E6001', field: 'timeLimitMs' });
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InputError('options.onProgress: must be a function', { code: 'E6001', field: 'onProgress' });
  }
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) {
    throw new InputError('options.signal: must be an AbortSignal', { code: 'E6001', field: 'signal' });
  }
}

/** Longest default time limit, for large problems (ms). */
export const MAX_DEFAULT_TIME_LIMIT_MS = 10_000;

/**
 * The default time limit for a problem with `jobs` jobs: `min(10 000, 1 000 + 20 · jobs)` ms,
 * so that small problems do not wait for a budget they cannot use.
 *
 * @example
 * ```ts
 * defaultTimeLimitMs(2);   // 1040
 * defaultTimeLimitMs(846); // 10000
 * ```
 */
export function defaultTimeLimitMs(jobs: number): number {
  return Math.min(MAX_DEFAULT_TIME_LIMIT_MS, 1_000 + 20 * jobs);
}

/**
 * The default stall limit: stop after `max(20 000, 1 000 · jobs)` iterations without a new best.
 *
 * @example
 * ```ts
 * defaultStallIterations(2);   // 20000
 * defaultStallIterations(100); // 100000
 * ```
 */
export function defaultStallIterations(jobs: number): number {
  return Math.max(20_000, 1_000 * jobs);
}

/** What a solve may spend, resolved from the options and the problem's size. */
export interface ResolvedBudget {
  seed: number;
  maxIterations?: number;
  /** Time left for the search (the time spent so far, in checks and encoding, is taken off). */
  timeLimitMs: number;
  stallLimit: number;
  onProgress?: SolveOptions['onProgress'];
  signal?: AbortSignal;
  localSearch?: boolean;
  timeWarp?: boolean;
}

/**
 * Time the search leaves, under a time limit, for what follows it: reading the answer out of the
 * core, decoding it and explaining the unserved jobs (whose trials are bounded in steps, see
 * `EXPLAIN_STEP_BUDGET`). 20 µs per job, at most 300 ms: on the 10,000-bin day reading and
 * decoding take about 0.1 s and the explanation about 0.2 s (it took 0.9–1.2 s with a budget
 * five times as large).
 *
 * @example
 * ```ts
 * outputReserveMs(846);    // 16.92
 * outputReserveMs(10_000); // 200
 * ```
 */
export function outputReserveMs(jobs: number): number {
  return Math.min(300, 0.02 * jobs);
}

/**
 * Checks the options and resolves the budget of one solve: the one place that applies the
 * defaults (seed 1; the time limit scaled to the size unless `maxIterations` is given; the
 * stall limit). `startedAt` is when the solve began (`performance.now()`), so that checking and
 * encoding count against the time limit, and the search's limit leaves
 * {@link outputReserveMs} for writing and explaining the answer.
 *
 * @example
 * ```ts
 * const budget = resolveBudget({ maxIterations: 1000 }, 40, performance.now());
 * budget.timeLimitMs; // Infinity
 * ```
 */
export function resolveBudget(options: SolveOptions, jobs: number, startedAt: number): ResolvedBudget {
  checkSolveOptions(options);
  const { maxIterations } = options;
  const limit = options.timeLimitMs ?? (maxIterations === undefined ? defaultTimeLimitMs(jobs) : Infinity);
  return {
    seed: options.seed ?? 1,
    maxIterations,
    timeLimitMs: Math.max(0, limit - (performance.now() - startedAt) - (Number.isFinite(limit) ? outputReserveMs(jobs) : 0)),
    stallLimit: options.stallIterations ?? defaultStallIterations(jobs),
    onProgress: options.onProgress,
    signal: options.signal,
    localSearch: options.localSearch,
    timeWarp: options.timeWarp,
  };
}
