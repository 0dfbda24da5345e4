import * as Comlink from 'comlink';
import type { CvrpProblem, Progress, Solution, SolveOptions } from '../types.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import type { VroomInput } from '../vroom/types.js';
import type { Plan, PlanInput, PlanOptions } from '../plan/plan.js';
import { fromVroom } from '../vroom/fromVroom.js';
import { checkSolveOptions } from '../solveOptions.js';
import { InputError } from '../errors.js';
import type { Outcome, PortablePlanOptions, PortableSolveOptions, SolverService, WorkerStats } from './solverService.js';
import { fromPortableError } from './toPortableError.js';
import { transferList } from './transferList.js';
import { pickBest } from './pickBest.js';

/** Options of a worker's `solve`: the main thread's, plus parallel seeds and input transfer. */
export interface WorkerSolveOptions extends SolveOptions {
  /**
   * Run this many workers, with seeds `seed, seed+1, …`, and keep the best plan (ranked as
   * `solve` ranks plans: priority served, jobs served, cost; ties go to the lower seed).
   * `'auto'` = the machine's parallelism (`navigator.hardwareConcurrency`,
   * `os.availableParallelism()`). Default 1: the same result as `solve()` on the main thread.
   */
  workers?: number | 'auto';
  /**
   * Transfer the problem's typed arrays (matrices) to the worker instead of copying them. Faster
   * for large matrices, but the caller's arrays are detached (empty) afterwards. Results always
   * come back transferred. Default false. With `workers` above 1 the problem is copied to each.
   */
  transfer?: boolean;
}

/** Options of a worker's `plan`: `plan()`'s, with the matrix provider given by name. */
export type WorkerPlanOptions = Omit<PlanOptions, 'matrix'> & { matrix?: 'road' | 'haversine' | 'osrm' };

/** A solver running in a worker: the main thread's `solve` and `plan`, off the main thread. */
export interface SolverWorker {
  solve(problem: CvrpProblem, options?: WorkerSolveOptions): Promise<Solution>;
  solve(problem: RoutingProblem | VroomInput, options?: WorkerSolveOptions): Promise<RoutingSolution>;
  plan(input: PlanInput, options?: WorkerPlanOptions): Promise<Plan>;
  /** Memory figures of each worker started so far (for leak checks and the bench). */
  stats(): Promise<WorkerStats[]>;
  /** Ends every worker of this solver; pending calls reject. */
  terminate(): void;
}

/** A started worker, seen through a comlink endpoint. */
export interface SpawnedWorker {
  endpoint: Comlink.Endpoint;
  terminate(): void;
}

interface Slot {
  remote: Comlink.Remote<SolverService>;
  worker: SpawnedWorker;
}

const TERMINATED = 'binroute: this solver worker was terminated';

/**
 * The platform-neutral client behind `createSolverWorker`: starts workers with `spawn` (lazily,
 * the first one at once), turns `onProgress` into a comlink proxy and `signal` into a cancel
 * message, rebuilds `InputError`s, and for `workers: n` runs n seeds and keeps the best.
 *
 * @example
 * ```ts
 * const solver = solverWorkerClient(() => {
 *   const w = new Worker(new URL('./solverWorker.js', import.meta.url), { type: 'module' });
 *   return { endpoint: w, terminate: () => w.terminate() };
 * }, () => navigator.hardwareConcurrency);
 * const sol = await solver.solve(problem, { maxIterations: 1000 });
 * ```
 */
export function solverWorkerClient(spawn: () => SpawnedWorker, parallelism: () => number): SolverWorker {
  const slots: Slot[] = [];
  const pending = new Set<(e: Error) => void>();
  let nextId = 1;
  let ended = false;

  const slot = (i: number): Slot => {
    while (slots.length <= i) {
      const worker = spawn();
      slots.push({ worker, remote: Comlink.wrap<SolverService>(worker.endpoint) });
    }
    return slots[i];
  };
  slot(0);

  /** One call on worker `i`: progress proxied, cancel on abort, the outcome unwrapped. */
  async function call<T>(i: number, signal: AbortSignal | undefined, onProgress: ((p: Progress) => void) | undefined, send: (remote: Comlink.Remote<SolverService>, id: number, progress: ((p: Progress) => void) | undefined, aborted: boolean) => Promise<Outcome<T>>): Promise<T> {
    if (ended) throw new Error(TERMINATED);
    const { remote } = slot(i);
    const id = nextId++;
    const progress = onProgress ? Comlink.proxy((p: Progress) => onProgress(p)) : undefined;
    const abort = () => void remote.cancel(id);
    let reject!: (e: Error) => void;
    const stopped = new Promise<never>((_, r) => (reject = r));
    pending.add(reject);
    try {
      // aborted already: say so with the call (a cancel message after it could land a few chunks late)
      const sent = send(remote, id, progress, signal?.aborted === true);
      signal?.addEventListener('abort', abort, { once: true });
      const outcome = await Promise.race([sent, stopped]);
      if (!outcome.ok) throw fromPortableError(outcome.error);
      return outcome.value;
    } finally {
      pending.delete(reject);
      signal?.removeEventListener('abort', abort);
    }
  }

  function workerCount(n: WorkerSolveOptions['workers']): number {
    if (n === undefined) return 1;
    if (n === 'auto') return Math.max(1, parallelism());
    if (!Number.isInteger(n) || n < 1) throw new InputError(`options.workers: must be a positive integer or 'auto', got ${String(n)}`, { code: 'E6001', field: 'workers', value: n });
    return n;
  }

  async function solve(problem: CvrpProblem | RoutingProblem | VroomInput, options: WorkerSolveOptions = {}): Promise<Solution | RoutingSolution> {
    checkSolveOptions(options);
    const { onProgress, signal, workers, transfer, ...rest } = options;
    const n = workerCount(workers);
    const portable: PortableSolveOptions = rest;
    if (n === 1) {
      const sent = transfer ? Comlink.transfer(problem, transferList(problem)) : problem;
      return call(0, signal, onProgress, (r, id, p, a) => r.solve(id, sent, portable, p, a));
    }
    // several seeds: the plans are ranked on the normalised problem, so read VROOM JSON here once
    const isVroom = 'vehicles' in problem && !('dims' in problem);
    const normal = isVroom ? fromVroom(problem as VroomInput) : problem;
    const seed0 = options.seed ?? 1;
    const last: (Progress | undefined)[] = new Array(n).fill(undefined);
    const report = onProgress
      ? (i: number) => (p: Progress) => {
          last[i] = p;
          const seen = last.filter((x): x is Progress => x !== undefined);
          const best = seen.reduce((a, b) => (b.unassigned < a.unassigned || (b.unassigned === a.unassigned && b.bestCost < a.bestCost) ? b : a));
          onProgress({ iteration: seen.reduce((s, x) => s + x.iteration, 0), bestCost: best.bestCost, unassigned: best.unassigned, elapsedMs: Math.max(...seen.map((x) => x.elapsedMs)) });
        }
      : () => undefined;
    const runs = Array.from({ length: n }, (_, i) => {
      const opts: PortableSolveOptions = { ...portable, seed: (seed0 + i) >>> 0 };
      return call(i, signal, report(i), (r, id, p, a) => r.solve(id, normal, opts, p, a));
    });
    const solutions = await Promise.all(runs);
    return pickBest(normal, solutions as (Solution | RoutingSolution)[]);
  }

  return {
    solve: solve as SolverWorker['solve'],
    async plan(input, options = {}) {
      const { solve: solveOptions = {}, ...rest } = options;
      checkSolveOptions(solveOptions);
      const { onProgress, signal, ...portableSolve } = solveOptions;
      const portable: PortablePlanOptions = { ...rest, solve: portableSolve };
      return call(0, signal, onProgress, (r, id, p, a) => r.plan(id, input, portable, p, a));
    },
    async stats() {
      return Promise.all(slots.map((s) => s.remote.stats()));
    },
    terminate() {
      if (ended) return;
      ended = true;
      for (const s of slots) {
        s.remote[Comlink.releaseProxy]();
        s.worker.terminate();
      }
      for (const reject of pending) reject(new Error(TERMINATED));
      pending.clear();
    },
  };
}
