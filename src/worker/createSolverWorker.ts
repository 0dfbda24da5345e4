import { solverWorkerClient, type SolverWorker } from './solverWorkerClient.js';

export type { SolverWorker, WorkerSolveOptions, WorkerPlanOptions } from './solverWorkerClient.js';
export type { WorkerStats } from './solverService.js';

/** Options of {@link createSolverWorker}. */
export interface SolverWorkerOptions {
  /** The worker script, if you serve it yourself (default: `solverWorker.js` beside this module; bundlers follow it). */
  url?: string | URL;
}

/**
 * Starts the solver in a module `Worker` (browsers; `binroute/worker` in Node starts it in
 * `worker_threads` instead). `solve` and `plan` take the main thread's options: `onProgress` is
 * a plain function and `signal` a plain `AbortSignal`; the results are the same objects,
 * `stopReason: 'aborted'` after a cancel included. The `.wasm` is embedded in the worker's
 * bundle and compiled once per worker.
 *
 * @example
 * ```ts
 * import { createSolverWorker } from 'binroute/worker';
 * const solver = createSolverWorker();
 * const ctrl = new AbortController();
 * const plan = await solver.plan(input, { solve: { timeLimitMs: 5000, signal: ctrl.signal, onProgress: (p) => bar(p.bestCost) } });
 * solver.terminate();
 * ```
 */
export function createSolverWorker(options: SolverWorkerOptions = {}): SolverWorker {
  return solverWorkerClient(
    () => {
      const worker = options.url
        ? new Worker(options.url, { type: 'module', name: 'binroute-solver' })
        : new Worker(new URL('./solverWorker.js', import.meta.url), { type: 'module', name: 'binroute-solver' });
      return { endpoint: worker, terminate: () => worker.terminate() };
    },
    () => (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1,
  );
}
