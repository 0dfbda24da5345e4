import * as Comlink from 'comlink';
import type { CvrpProblem, Progress, Solution, SolveOptions } from '../types.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import type { VroomInput } from '../vroom/types.js';
import { solve } from '../solve.js';
import { plan, type Plan, type PlanInput, type PlanOptions } from '../plan/plan.js';
import { coreCompileCount, lastCoreMemoryBytes } from '../core/loadCore.js';
import { InputError } from '../errors.js';
import { toPortableError, type PortableError } from './toPortableError.js';
import { transferList } from './transferList.js';

/** Solve options that cross to a worker: no function and no signal (the client keeps those). */
export type PortableSolveOptions = Omit<SolveOptions, 'onProgress' | 'signal'>;

/** Plan options that cross to a worker (a matrix provider by name only). */
export type PortablePlanOptions = Omit<PlanOptions, 'solve' | 'matrix'> & { matrix?: 'road' | 'haversine' | 'osrm'; solve?: PortableSolveOptions };

/** A call's outcome: its value, or the error it threw. */
export type { PortableError };

/** A call's outcome: its value, or the error it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PortableError };

/** Memory figures of one worker, for leak checks. */
export interface WorkerStats {
  /** Times a `.wasm` module was compiled in this worker (once per core build used). */
  compiles: number;
  /** Solves and plans run so far. */
  calls: number;
  /** Linear memory of the last core instance, bytes. */
  wasmMemoryBytes: number;
  /** JS heap in use, bytes (Node: `process.memoryUsage().heapUsed`; Chromium: `performance.memory`), or -1. */
  heapUsedBytes: number;
  /** Memory outside the JS heap (Node: `external`, which counts ArrayBuffers and WebAssembly memories), or -1 where unknown. */
  externalBytes: number;
}

/** What a worker exposes (through comlink). The client in `createSolverWorker` wraps it. */
export interface SolverService {
  /** `aborted`: the caller's signal was aborted before the call (then the construction alone comes back, as on the main thread). */
  solve(id: number, problem: CvrpProblem | RoutingProblem | VroomInput, options: PortableSolveOptions, onProgress?: (p: Progress) => void, aborted?: boolean): Promise<Outcome<Solution | RoutingSolution>>;
  plan(id: number, input: PlanInput, options: PortablePlanOptions, onProgress?: (p: Progress) => void, aborted?: boolean): Promise<Outcome<Plan>>;
  /** Aborts call `id` (its result comes back with `stopReason: 'aborted'`). */
  cancel(id: number): void;
  stats(): WorkerStats;
}

function heapFigures(): { heap: number; external: number } {
  const proc = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number; external: number; arrayBuffers: number } } }).process;
  if (proc?.memoryUsage) {
    const m = proc.memoryUsage();
    return { heap: m.heapUsed, external: m.external };
  }
  const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return { heap: mem ? mem.usedJSHeapSize : -1, external: -1 };
}

/**
 * The object a solver worker exposes: `solve` and `plan` with an id per call (so the client can
 * cancel it), progress through a callback proxy, and the memory figures. Errors come back as
 * data ({@link Outcome}) so that the client can rebuild an `InputError` with its field.
 *
 * @example
 * ```ts
 * import * as Comlink from 'comlink';
 * Comlink.expose(solverService()); // inside a worker
 * ```
 */
export function solverService(): SolverService {
  const running = new Map<number, AbortController>();
  let calls = 0;
  async function call<T>(id: number, onProgress: ((p: Progress) => void) | undefined, aborted: boolean | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
    const controller = new AbortController();
    if (aborted) controller.abort();
    running.set(id, controller);
    calls++;
    try {
      const value = await run(controller.signal);
      // the result's typed arrays (matrices of a plan) move to the caller instead of being copied
      return Comlink.transfer({ ok: true, value }, transferList(value));
    } catch (e) {
      return { ok: false, error: toPortableError(e) };
    } finally {
      running.delete(id);
      // a comlink proxy of the caller's callback holds a port open until released
      const release = (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy];
      if (typeof release === 'function') release.call(onProgress);
    }
  }
  const progressOf = (onProgress?: (p: Progress) => void) =>
    onProgress
      ? (p: Progress) => {
          // fire and forget: the search must not wait for the page
          void Promise.resolve(onProgress(p)).catch(() => undefined);
        }
      : undefined;
  return {
    solve(id, problem, options, onProgress, aborted) {
      return call(id, onProgress, aborted, (signal) => solve(problem as RoutingProblem, { ...options, signal, onProgress: progressOf(onProgress) }));
    },
    plan(id, input, options, onProgress, aborted) {
      return call(id, onProgress, aborted, (signal) => {
        if (options?.matrix !== undefined && typeof options.matrix !== 'string') throw new InputError('options.matrix: a worker takes a matrix kind by name', { code: 'E6006', field: 'matrix', value: options.matrix });
        return plan(input, { ...options, solve: { ...options?.solve, signal, onProgress: progressOf(onProgress) } });
      });
    },
    cancel(id) {
      running.get(id)?.abort();
    },
    stats() {
      const { heap, external } = heapFigures();
      return { compiles: coreCompileCount(), calls, wasmMemoryBytes: lastCoreMemoryBytes(), heapUsedBytes: heap, externalBytes: external };
    },
  };
}
