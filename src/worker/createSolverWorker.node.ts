import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { solverWorkerClient, type SolverWorker } from './solverWorkerClient.js';
import type { SolverWorkerOptions } from './createSolverWorker.js';

export type { SolverWorker, WorkerSolveOptions, WorkerPlanOptions } from './solverWorkerClient.js';
export type { WorkerStats } from './solverService.js';
export type { SolverWorkerOptions } from './createSolverWorker.js';

/**
 * Starts the solver in a `worker_threads` worker (what `binroute/worker` gives in Node), through
 * comlink's Node adapter. Same API as in browsers: `solve`, `plan`, `stats`, `terminate`; call
 * `terminate()` when done, or the worker keeps the process alive.
 *
 * @example
 * ```ts
 * import { createSolverWorker } from 'binroute/worker';
 * const solver = createSolverWorker();
 * const sol = await solver.solve(problem, { maxIterations: 2000, seed: 1 });
 * solver.terminate();
 * ```
 */
export function createSolverWorker(options: SolverWorkerOptions = {}): SolverWorker {
  return solverWorkerClient(
    () => {
      const worker = new Worker(options.url ?? new URL('./solverWorker.node.js', import.meta.url), { name: 'binroute-solver' });
      return { endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
    },
    () => availableParallelism(),
  );
}
