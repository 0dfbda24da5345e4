// Drives build/operatorHarness.wasm (assembly/testing/operatorHarness.ts): loads given routes
// into the core, runs ONE local-search operator on one pair of jobs, and reads back the routes,
// the delta the operator evaluated, and the cost. Route costs are recomputed here from the
// matrix, apart from the core, so a test can check the operator's arithmetic.
import { readFileSync } from 'node:fs';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { encodeRouting } from '../src/codec/encodeRouting.js';
import { decodeRouting } from '../src/codec/decodeRouting.js';
import { instantiateCore, useCoreBinary, type CoreExports } from '../src/core/loadCore.js';
import { writeCoreInput } from '../src/core/writeCoreInput.js';
import { readCoreOutput } from '../src/core/readCoreOutput.js';
import type { RoutingProblem, RoutingSolution } from '../src/model/RoutingProblem.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';

/** Operator ids, as in assembly/search/operators.ts. */
export const OP = { RELOCATE_UV: 0, RELOCATE_VU: 1, SWAP: 2, TWO_OPT: 3, TWO_OPT_STAR: 4, SWAP_STAR: 5 } as const;

interface HarnessExports extends CoreExports {
  loadRoutesForTest(): number;
  runOperator(op: number, ju: number, jv: number): number;
  lastDelta(): number;
  lastOperator(): number;
  solutionCost(): number;
}

const HARNESS = readFileSync(new URL('../build/operatorHarness.wasm', import.meta.url));

/** A small problem on the plane: `points[0]` is the depot, job i sits at `points[i + 1]`; travel = rounded Euclidean distance. */
export function planeProblem(points: [number, number][], vehicles: Record<string, unknown>[], jobs: Record<string, unknown>[] = []): RoutingProblem {
  const durations = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return fromVroom({
    vehicles: vehicles.map((v, i) => ({ id: i + 1, start_index: 0, end_index: 0, ...v })),
    jobs: points.slice(1).map((_, i) => ({ id: i + 1, location_index: i + 1, ...(jobs[i] ?? {}) })),
    matrices: { car: { durations } },
  });
}

/** Cost of routes (job indices per vehicle), recomputed from the problem's matrix. */
export function routesCost(problem: RoutingProblem, routes: number[][]): number {
  const d = problem.matrices[0].durations;
  const m = problem.size;
  let c = 0;
  routes.forEach((jobs, vi) => {
    if (jobs.length === 0) return;
    const v = problem.vehicles[vi];
    let at = v.start!;
    for (const j of jobs) {
      c += d[at * m + problem.jobs[j].location];
      at = problem.jobs[j].location;
    }
    c += d[at * m + v.end!];
  });
  return c;
}

/** What one operator call did. */
export interface OperatorRun {
  applied: boolean;
  /** The delta the operator evaluated (valid when applied). */
  delta: number;
  /** Job indices per vehicle afterwards. */
  routes: number[][];
  /** Core's total route cost afterwards. */
  cost: number;
  /** Violations found by the independent checker in the routes afterwards. */
  violations: string[];
}

/** Loads `routes` (job indices per vehicle) into a fresh harness core and runs one operator on jobs ju, jv. */
export async function runOperator(problem: RoutingProblem, routes: number[][], op: number, ju: number, jv: number): Promise<OperatorRun> {
  useCoreBinary(HARNESS);
  try {
    const core = (await instantiateCore()) as HarnessExports;
    const input = encodeRouting(problem);
    writeCoreInput(core, input);
    const data = [routes.length, ...routes.flatMap((jobs, vi) => [vi, jobs.length, ...jobs])];
    new Int32Array(core.memory.buffer, core.routesBuffer(data.length), data.length).set(data);
    if (core.loadRoutesForTest() !== 1) throw new Error('harness: routes do not fit the problem');
    const applied = core.runOperator(op, ju, jv) === 1;
    if (applied && core.lastOperator() !== op) throw new Error(`harness: move recorded by operator ${core.lastOperator()}, not ${op}`);
    const out = readCoreOutput(core, input.dims);
    const decoded = decodeRouting(problem, out);
    const after: number[][] = problem.vehicles.map(() => []);
    for (const r of decoded.routes) after[r.vehicle] = r.steps.filter((s) => s.type === 'job').map((s) => s.index);
    const solution: RoutingSolution = { ...decoded, reasons: [], cost: out.routeCost, elapsedMs: 0, iterations: 0, stopReason: 'iterations', seed: 0 };
    return { applied, delta: core.lastDelta(), routes: after, cost: core.solutionCost(), violations: checkCollectionSolution(problem, solution).violations };
  } finally {
    useCoreBinary(undefined);
  }
}
