import type { CoreInput } from './coreInput.js';
import { instantiateCore, type CoreExports } from './loadCore.js';
import type { Progress, StopReason } from '../types.js';

/** Wall-clock length of one chunk of iterations, between progress reports and abort checks. */
const CHUNK_MS = 40;

/** Budget and callbacks of one core run. */
export interface RunBudget {
  seed: number;
  /** Iteration budget; when set, the annealing schedule follows iterations (deterministic). */
  maxIterations?: number;
  /** Wall-clock budget (Infinity for none). */
  timeLimitMs: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Local search after each ruin-and-recreate step (default true). */
  localSearch?: boolean;
}

/** What the core returned: routes as [vehicle, steps] and the unserved jobs. */
export interface CoreResult {
  /**
   * Per used vehicle: its index and its steps (job index ≥ 0, reload at facility f as -(f+1),
   * the vehicle's break i as -(1000000+i) in the core's break order).
   */
  routes: { vehicle: number; steps: number[] }[];
  unserved: number[];
  /** Core objective: route costs plus prizes/penalties of unserved jobs. */
  objective: number;
  /** Route costs only (fixed costs included). */
  routeCost: number;
  iterations: number;
  stopReason: StopReason;
  elapsedMs: number;
}

function writeInput(core: CoreExports, input: CoreInput): void {
  const { jobs, vehicles, m, dims } = input;
  core.alloc(jobs, vehicles, m, input.matrices.length, dims, input.facilities, input.tw.length / 2, input.classes, input.bService.length);
  const buf = () => core.memory.buffer;
  const i32 = (id: number, data: Int32Array, offset = 0) => new Int32Array(buf(), core.ptr(id), data.length + offset).set(data, offset);
  const mm = m * m;
  const mats = new Int32Array(buf(), core.ptr(0), mm * input.matrices.length);
  input.matrices.forEach((mat, i) => mats.set(mat, i * mm));
  i32(1, input.vCost.map((i) => i * mm));
  i32(2, input.vDur.map((i) => i * mm));
  i32(3, input.vDist.map((i) => i * mm));
  i32(4, input.vStart);
  i32(5, input.vEnd);
  i32(6, input.vTwStart);
  i32(7, input.vTwEnd);
  i32(8, input.vCap);
  i32(9, input.vFixed);
  i32(10, input.vClass);
  i32(11, input.vMaxTasks);
  i32(12, input.vMaxTravel);
  i32(13, input.vMaxDist);
  i32(14, input.vMaxReloads);
  new BigInt64Array(buf(), core.ptr(15), vehicles).set(input.vFacMask);
  // job arrays: visit = job + 1
  i32(16, input.jLoc, 1);
  i32(17, input.jService, 1);
  i32(18, input.jSetup, 1);
  i32(19, input.jPick, dims);
  i32(20, input.jDel, dims);
  i32(21, input.jTwFirst, 1);
  i32(22, input.jTwCount, 1);
  new BigInt64Array(buf(), core.ptr(23), jobs + 1).set(input.jPrize, 1);
  new Uint8Array(buf(), core.ptr(24), (jobs + 1) * input.classes).set(input.compat, input.classes);
  i32(25, input.fLoc);
  i32(26, input.fService);
  i32(27, input.fSetup);
  i32(28, input.fTwFirst);
  i32(29, input.fTwCount);
  i32(30, input.tw);
  i32(31, input.vBreakFirst);
  i32(32, input.vBreakCount);
  i32(33, input.bService);
  i32(34, input.bTwFirst);
  i32(35, input.bTwCount);
  i32(36, input.bMaxLoad);
  i32(37, input.jRelease, 1);
  i32(38, input.vRouteCap);
  i32(39, input.vReturnEmpty);
  core.finish();
}

function readResult(core: CoreExports): { routes: CoreResult['routes']; unserved: number[] } {
  const ptr = core.writeBest();
  const data = new Int32Array(core.memory.buffer, ptr, core.outputLength());
  const routes: CoreResult['routes'] = [];
  let k = 1;
  for (let r = 0; r < data[0]; r++) {
    const vehicle = data[k++];
    const len = data[k++];
    routes.push({ vehicle, steps: Array.from(data.subarray(k, k + len)) });
    k += len;
  }
  const missing = data[k++];
  const unserved = Array.from(data.subarray(k, k + missing));
  return { routes, unserved };
}

/** Lets pending events (abort, messages) run between chunks. */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the core on an encoded problem: construction, then chunks of ruin-and-recreate
 * iterations until the iteration budget, the time limit or an abort. Between chunks it
 * reports progress and yields to the event loop.
 *
 * @example
 * ```ts
 * const res = await runCore(input, { seed: 1, maxIterations: 1000, timeLimitMs: Infinity });
 * res.routes[0].steps; // job indices in visit order
 * ```
 */
export async function runCore(input: CoreInput, budget: RunBudget): Promise<CoreResult> {
  const started = performance.now();
  const { maxIterations, timeLimitMs, onProgress, signal } = budget;
  const core = await instantiateCore();
  writeInput(core, input);
  if (budget.localSearch === false) core.setParam(1, 0);
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
  const byIterations = maxIterations !== undefined;
  const trivial = input.jobs <= 1 || input.vehicles === 0;
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
    if (trivial) break; // nothing to improve on the construction
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
    onProgress?.({ iteration: iterations, bestCost: core.bestCost(), elapsedMs: performance.now() - started });
    await yieldToEventLoop();
  }
  const { routes, unserved } = readResult(core);
  return {
    routes,
    unserved,
    objective: core.bestCost(),
    routeCost: core.bestRouteCost(),
    iterations,
    stopReason,
    elapsedMs: performance.now() - started,
  };
}
