import type { CoreInput } from './coreInput.js';
import { instantiateCore, type CoreExports } from './loadCore.js';
import { writeCoreInput } from './writeCoreInput.js';
import { CORE_PARAMS } from './coreProtocol.js';
import type { Progress, StopReason } from '../types.js';

/** Parameter ids by name (CORE_PARAMS). */
const PARAM = Object.fromEntries(CORE_PARAMS.map((p) => [p.name, p.id])) as Record<(typeof CORE_PARAMS)[number]['name'], number>;

/** Wall-clock length of one chunk of iterations, between progress reports and abort checks. */
const CHUNK_MS = 40;

/** Budget and callbacks of one core run. */
export interface RunBudget {
  seed: number;
  /** Iteration budget; when set, the annealing schedule follows iterations (deterministic). */
  maxIterations?: number;
  /** Wall-clock budget (Infinity for none). */
  timeLimitMs: number;
  /** Stop after this many iterations without a new best (0 = never); counted in the core, so deterministic. */
  stallLimit: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Local search after each ruin-and-recreate step (default true). */
  localSearch?: boolean;
  /** Penalised time windows on eligible problems (default false). */
  timeWarp?: boolean;
}

/** A finished run: the core instance holding the best solution, and how the run went. */
export interface CoreRun {
  /** The instance, for decoding; dropped by the caller afterwards. */
  core: CoreExports;
  iterations: number;
  stopReason: StopReason;
  elapsedMs: number;
}

let yieldChannel: MessageChannel | undefined;
const yielded: (() => void)[] = [];

/**
 * Lets pending events (abort, messages) run between chunks: `setImmediate` in Node; in browsers
 * and workers a message to ourselves, which browsers do not delay the way they clamp nested
 * `setTimeout(0)` to 4 ms (10 % of a 40 ms chunk).
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    if (!yieldChannel) {
      yieldChannel = new MessageChannel();
      yieldChannel.port1.onmessage = () => yielded.shift()?.();
    }
    const channel = yieldChannel;
    return new Promise((resolve) => {
      yielded.push(resolve);
      channel.port2.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the core on an encoded problem: construction, then chunks of ruin-and-recreate
 * iterations until the iteration budget, the time limit or an abort. Between chunks it
 * reports progress and yields to the event loop.
 *
 * @example
 * ```ts
 * const run = await runCore(input, { seed: 1, maxIterations: 1000, timeLimitMs: Infinity, stallLimit: 0 });
 * const answer = readCoreOutput(run.core, input.dims); // routes with their schedules
 * ```
 */
export async function runCore(input: CoreInput, budget: RunBudget): Promise<CoreRun> {
  const started = performance.now();
  const { maxIterations, timeLimitMs, onProgress, signal } = budget;
  const core = await instantiateCore(input.geo ? 'geo' : 'matrix');
  writeCoreInput(core, input);
  if (budget.localSearch === false) core.setParam(PARAM.LOCAL_SEARCH, 0);
  if (budget.timeWarp === true) core.setParam(PARAM.TIME_WARP, 1);
  if (budget.stallLimit > 0) core.setParam(PARAM.STALL_LIMIT, budget.stallLimit);
  // a long local search (10,000 stops) stops at the limit inside an iteration too
  if (Number.isFinite(timeLimitMs)) core.setParam(PARAM.DEADLINE, started + timeLimitMs);
  core.init(budget.seed >>> 0);

  // the first solution is built in parts too, so that the time limit and abort hold on large
  // instances; stopping early leaves the jobs not inserted yet unserved
  let units = 16;
  for (;;) {
    if (signal?.aborted || performance.now() - started >= timeLimitMs) {
      core.prepare(-1);
      break;
    }
    const t0 = performance.now();
    if (core.prepare(units) === 0) break;
    const took = performance.now() - t0;
    units = Math.max(1, Math.min(units * 4, Math.round((units * CHUNK_MS) / Math.max(took, 0.05))));
    await yieldToEventLoop();
  }

  let iterations = 0;
  let stopReason: StopReason = 'iterations';
  let chunk = 1;
  let msPerIteration = 0; // of the last chunk
  const byIterations = maxIterations !== undefined;
  const trivial = input.jobs <= 1 || input.vehicles === 0;
  for (;;) {
    if (signal?.aborted) {
      stopReason = 'aborted';
      break;
    }
    const elapsed = performance.now() - started;
    // an iteration cannot be cut short (on 10,000 stops one takes up to a second): no chunk
    // starts when less than half an iteration's time is left
    if (elapsed + msPerIteration / 2 >= timeLimitMs) {
      stopReason = 'time_limit';
      break;
    }
    if (byIterations && iterations >= maxIterations) break;
    if (trivial) {
      stopReason = 'converged'; // one job or no vehicle: the construction is the answer
      break;
    }
    let n = chunk;
    if (byIterations) n = Math.min(n, maxIterations - iterations);
    const t0 = performance.now();
    let ran: number;
    if (byIterations) ran = core.run(n, iterations, 1 / maxIterations);
    else {
      // time budget: spread this chunk over the fraction of time it is expected to take
      const p0 = elapsed / timeLimitMs;
      const scale = Math.max(1e-12, Math.min(1 - p0, CHUNK_MS / timeLimitMs) / n);
      ran = core.run(n, p0 / scale, scale);
    }
    iterations += ran;
    const took = performance.now() - t0;
    msPerIteration = took / Math.max(ran, 1);
    // aim at CHUNK_MS per chunk, growing at most 4× at a time
    chunk = Math.max(1, Math.min(chunk * 4, Math.round((chunk * CHUNK_MS) / Math.max(took, 0.05))));
    onProgress?.({
      iteration: iterations,
      bestCost: core.bestRouteCost() + core.bestPrizes(),
      unassigned: core.bestUnserved(),
      elapsedMs: performance.now() - started,
    });
    if (ran < n) {
      stopReason = 'converged';
      break;
    }
    await yieldToEventLoop();
  }
  return { core, iterations, stopReason, elapsedMs: performance.now() - started };
}
