import type { CvrpProblem, Progress, Solution, SolveOptions, StopReason } from './types.js';
import { InputError } from './errors.js';
import { encodeProblem, type EncodedProblem } from './core/encodeProblem.js';
import { instantiateCore, type CoreExports } from './core/loadCore.js';

const DEFAULT_TIME_LIMIT_MS = 10_000;
/** Wall-clock length of one chunk of iterations, between progress reports and abort checks. */
const CHUNK_MS = 40;

function checkOptions(options: SolveOptions): void {
  if (options === null || typeof options !== 'object') throw new InputError('options: must be an object');
  const { seed, maxIterations, timeLimitMs, onProgress, signal } = options;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new InputError(`options.seed: must be an integer in [0, 2^32), got ${String(seed)}`, undefined, 'seed');
  }
  if (maxIterations !== undefined && (!Number.isInteger(maxIterations) || maxIterations < 0)) {
    throw new InputError(`options.maxIterations: must be a non-negative integer, got ${String(maxIterations)}`, undefined, 'maxIterations');
  }
  if (timeLimitMs !== undefined && (typeof timeLimitMs !== 'number' || !(timeLimitMs >= 0) || !Number.isFinite(timeLimitMs))) {
    throw new InputError(`options.timeLimitMs: must be a finite number ≥ 0, got ${String(timeLimitMs)}`, undefined, 'timeLimitMs');
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InputError('options.onProgress: must be a function', undefined, 'onProgress');
  }
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) {
    throw new InputError('options.signal: must be an AbortSignal', undefined, 'signal');
  }
}

/** Lets pending events (abort, messages) run between chunks. */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function loadProblem(core: CoreExports, enc: EncodedProblem): void {
  core.alloc(enc.n);
  new Int32Array(core.memory.buffer, core.distPtr(), enc.n * enc.n).set(enc.distances);
  new Int32Array(core.memory.buffer, core.demandPtr(), enc.n).set(enc.demands);
  core.setCapacity(enc.capacity);
}

function readRoutes(core: CoreExports): number[][] {
  const ptr = core.writeBest();
  const data = new Int32Array(core.memory.buffer, ptr, core.outputLength());
  const routes: number[][] = [];
  let k = 1;
  for (let r = 0; r < data[0]; r++) {
    const len = data[k++];
    routes.push(Array.from(data.subarray(k, k + len)));
    k += len;
  }
  return routes;
}

function routeCost(enc: EncodedProblem, route: number[]): number {
  const { n, distances } = enc;
  let prev = 0;
  let c = 0;
  for (const v of route) {
    c += distances[prev * n + v];
    prev = v;
  }
  return c + distances[prev * n];
}

/**
 * Solves a CVRP: savings construction, granular local search, then SISR-style ruin and
 * recreate with simulated annealing, run in chunks so that progress, abort and the time
 * limit are honoured. With a seed and `maxIterations`, the result depends on nothing else.
 *
 * @example
 * ```ts
 * const sol = await solve(
 *   { capacity: 10, demands: [0, 4, 5, 6], coordinates: [0, 0, 1, 0, 0, 1, -1, 0] },
 *   { maxIterations: 1000, seed: 1 },
 * );
 * console.log(sol.routes, sol.cost);
 * ```
 */
export async function solve(problem: CvrpProblem, options: SolveOptions = {}): Promise<Solution> {
  checkOptions(options);
  const enc = encodeProblem(problem);
  const seed = options.seed ?? 1;
  const maxIterations = options.maxIterations;
  const timeLimitMs = options.timeLimitMs ?? (maxIterations === undefined ? DEFAULT_TIME_LIMIT_MS : Infinity);
  const { signal, onProgress } = options;
  const started = performance.now();

  const core = await instantiateCore();
  loadProblem(core, enc);
  core.init(seed >>> 0);

  let iterations = 0;
  let stopReason: StopReason = 'iterations';
  let chunk = 1;
  const byIterations = maxIterations !== undefined;
  for (;;) {
    if (signal?.aborted) {
      stopReason = 'aborted';
      break;
    }
    const elapsed = performance.now() - started;
    if (elapsed >= timeLimitMs) {
      stopReason = 'time_limit';
      break;
    }
    if (byIterations && iterations >= maxIterations) break;
    if (enc.n <= 2) break; // zero or one customer: the construction is optimal
    let n = chunk;
    if (byIterations) n = Math.min(n, maxIterations - iterations);
    const t0 = performance.now();
    if (byIterations) core.run(n, iterations, 1 / maxIterations);
    else {
      // time budget: spread this chunk over the fraction of time it is expected to take
      const p0 = elapsed / timeLimitMs;
      const scale = Math.max(1e-12, Math.min(1 - p0, CHUNK_MS / timeLimitMs) / n);
      core.run(n, p0 / scale, scale);
    }
    iterations += n;
    const took = performance.now() - t0;
    // aim at CHUNK_MS per chunk, growing at most 4× at a time
    chunk = Math.max(1, Math.min(chunk * 4, Math.round((chunk * CHUNK_MS) / Math.max(took, 0.05))));
    if (onProgress) {
      const p: Progress = { iteration: iterations, bestCost: core.bestCost(), elapsedMs: performance.now() - started };
      onProgress(p);
    }
    await yieldToEventLoop();
  }

  const routes = readRoutes(core);
  const routeCosts = routes.map((r) => routeCost(enc, r));
  const cost = routeCosts.reduce((a, b) => a + b, 0);
  return {
    routes,
    routeCosts,
    cost,
    elapsedMs: performance.now() - started,
    iterations,
    stopReason,
    seed,
  };
}
