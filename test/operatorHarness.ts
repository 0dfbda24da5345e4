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
import { encodeCvrp } from '../src/codec/encodeCvrp.js';
import type { CvrpProblem } from '../src/types.js';
import { CORE_PARAMS } from '../src/core/coreProtocol.js';

/** The core's switch for penalised time windows (CORE_PARAMS TIME_WARP). */
const TIME_WARP_PARAM = CORE_PARAMS.find((p) => p.name === 'TIME_WARP')!.id;

/** Operator ids, as in assembly/search/operators.ts. */
export const OP = { RELOCATE_UV: 0, RELOCATE_VU: 1, SWAP: 2, TWO_OPT: 3, TWO_OPT_STAR: 4, SWAP_STAR: 5 } as const;

interface HarnessExports extends CoreExports {
  loadRoutesForTest(): number;
  runOperator(op: number, ju: number, jv: number): number;
  lastDelta(): number;
  lastOperator(): number;
  solutionCost(): number;
  setLoadPenaltyForTest(weight16: number): void;
  penaltyCapable(): number;
  penaltyResults(): number;
  penaltyOverloaded(): number;
  setTimePenaltyForTest(weight16: number): void;
  timePenaltyCapable(): number;
  solutionWarp(): number;
  timePenaltyResults(): number;
  timePenaltyWarped(): number;
  bestCost(): number;
  setEjectWeightForTest(j: number, w: number): void;
  buildNeighboursForTest(k: number): void;
  runEjectInsert(j: number, bound: number): number;
  ejectedCount(): number;
  ejectedJob(i: number): number;
}

const HARNESS = readFileSync(new URL('../build/operatorHarness.wasm', import.meta.url));

/**
 * A fresh harness core with `problem` written and `routes` (job indices per vehicle) loaded;
 * `beforeLoad` sets parameters that must precede the load. Release it with `useCoreBinary(undefined)`.
 */
async function loadedHarness(problem: RoutingProblem, routes: number[][], beforeLoad?: (core: HarnessExports) => void) {
  useCoreBinary(HARNESS);
  const core = (await instantiateCore()) as HarnessExports;
  const input = encodeRouting(problem);
  writeCoreInput(core, input);
  beforeLoad?.(core);
  const data = [routes.length, ...routes.flatMap((jobs, vi) => [vi, jobs.length, ...jobs])];
  new Int32Array(core.memory.buffer, core.routesBuffer(data.length), data.length).set(data);
  if (core.loadRoutesForTest() !== 1) throw new Error('harness: routes do not fit the problem');
  return { core, input };
}

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

/**
 * Loads `routes` (job indices per vehicle) into a fresh harness core and runs one operator on
 * jobs ju, jv. `penaltyWeight16` > 0 prices load excess (model/loadPenalty.ts) at that many
 * sixteenths of a cost unit per unit of load instead of refusing it.
 */
export async function runOperator(
  problem: RoutingProblem,
  routes: number[][],
  op: number,
  ju: number,
  jv: number,
  penaltyWeight16 = 0,
): Promise<OperatorRun> {
  try {
    const { core, input } = await loadedHarness(problem, routes);
    core.setLoadPenaltyForTest(penaltyWeight16);
    if (penaltyWeight16 > 0 && core.penaltyCapable() !== 1) throw new Error('harness: the problem does not allow penalised capacity');
    const applied = core.runOperator(op, ju, jv) === 1;
    if (applied && core.lastOperator() !== op) throw new Error(`harness: move recorded by operator ${core.lastOperator()}, not ${op}`);
    const out = readCoreOutput(core, input.dims);
    if (out.routes.some((r) => !r.feasible)) {
      // only a penalised move may overload a route: the output cannot be decoded, so the
      // routes come from the raw steps and the loads are recomputed here
      if (penaltyWeight16 === 0) throw new Error('harness: an operator left an infeasible route with capacity hard');
      const after: number[][] = problem.vehicles.map(() => []);
      for (const r of out.routes) after[r.vehicle] = r.steps.filter((s) => s.kind === 'job').map((s) => s.index);
      return { applied, delta: core.lastDelta(), routes: after, cost: core.solutionCost(), violations: overloads(problem, after) };
    }
    const decoded = decodeRouting(problem, out);
    const after: number[][] = problem.vehicles.map(() => []);
    for (const r of decoded.routes) after[r.vehicle] = r.steps.filter((s) => s.type === 'job').map((s) => s.index);
    const solution: RoutingSolution = { ...decoded, reasons: [], cost: out.routeCost, elapsedMs: 0, iterations: 0, stopReason: 'iterations', seed: 0 };
    return { applied, delta: core.lastDelta(), routes: after, cost: core.solutionCost(), violations: checkCollectionSolution(problem, solution).violations };
  } finally {
    useCoreBinary(undefined);
  }
}

/** Loads above capacity in `routes` (job indices per vehicle), recomputed from the problem. */
function overloads(problem: RoutingProblem, routes: number[][]): string[] {
  const found: string[] = [];
  routes.forEach((jobs, vi) => {
    const cap = problem.vehicles[vi].capacity;
    cap.forEach((c, k) => {
      const load = jobs.reduce((sum, j) => sum + (problem.jobs[j].pickup[k] ?? 0), 0);
      if (load > c) found.push(`vehicle ${vi}: load ${load} > capacity ${c} in dimension ${k}`);
    });
  });
  return found;
}

/** What an annealing run of the harness core reports about penalised capacity. */
export interface PenaltyRun {
  /** Whether the problem qualified for penalised capacity. */
  capable: boolean;
  /** Local-search results the annealing judged, and how many of them overloaded a route. */
  results: number;
  overloaded: number;
  /** Objective of the best solution. */
  bestCost: number;
}

/**
 * Solves a CVRP (or a collection-model problem) with the harness core (a debug build: every accepted and best solution is
 * walked) for `iterations` iterations and reports the penalised-capacity counters. The run is
 * the one `solve(problem, { seed, maxIterations: iterations })` makes.
 */
export async function annealWithPenalty(problem: CvrpProblem | RoutingProblem, seed: number, iterations: number): Promise<PenaltyRun> {
  useCoreBinary(HARNESS);
  try {
    const core = (await instantiateCore()) as HarnessExports;
    writeCoreInput(core, 'demands' in problem ? encodeCvrp(problem) : encodeRouting(problem));
    core.init(seed >>> 0);
    while (core.prepare(1 << 20) !== 0);
    core.run(iterations, 0, 1 / iterations);
    return { capable: core.penaltyCapable() === 1, results: core.penaltyResults(), overloaded: core.penaltyOverloaded(), bestCost: core.bestCost() };
  } finally {
    useCoreBinary(undefined);
  }
}

/** What one operator call did under penalised time windows. */
export interface TimedOperatorRun {
  applied: boolean;
  /** The delta the operator evaluated (valid when applied): cost change plus time-warp price change. */
  delta: number;
  /** Job indices per vehicle afterwards. */
  routes: number[][];
  /** Core's total route cost afterwards. */
  cost: number;
  /** Time warp summed over the routes, from the core's caches, before and after the call. */
  warpBefore: number;
  warpAfter: number;
}

/**
 * Loads `routes` (which may arrive late) into a fresh harness core and runs one operator on jobs
 * ju, jv with time warp priced at `weight16` sixteenths of a cost unit per unit
 * (model/timePenalty.ts). The routes afterwards come from the raw steps (a route with time warp
 * does not decode).
 *
 * @example
 * ```ts
 * const run = await runOperatorTimed(problem, [[0], [1, 2]], OP.RELOCATE_UV, 2, 0, 16);
 * run.delta; // cost change plus the change of ⌈16 · warp / 16⌉ per route
 * ```
 */
export async function runOperatorTimed(problem: RoutingProblem, routes: number[][], op: number, ju: number, jv: number, weight16: number): Promise<TimedOperatorRun> {
  try {
    const { core, input } = await loadedHarness(problem, routes, (c) => c.setParam(TIME_WARP_PARAM, 1));
    if (core.timePenaltyCapable() !== 1) throw new Error('harness: the problem does not allow penalised time windows');
    core.setTimePenaltyForTest(weight16);
    const warpBefore = core.solutionWarp();
    const applied = core.runOperator(op, ju, jv) === 1;
    if (applied && core.lastOperator() !== op) throw new Error(`harness: move recorded by operator ${core.lastOperator()}, not ${op}`);
    const warpAfter = core.solutionWarp();
    const out = readCoreOutput(core, input.dims);
    const after: number[][] = problem.vehicles.map(() => []);
    for (const r of out.routes) after[r.vehicle] = r.steps.filter((s) => s.kind === 'job').map((s) => s.index);
    return { applied, delta: core.lastDelta(), routes: after, cost: core.solutionCost(), warpBefore, warpAfter };
  } finally {
    useCoreBinary(undefined);
  }
}

/** What an annealing run of the harness core reports about penalised time windows. */
export interface TimePenaltyRun {
  /** Whether the problem qualified for penalised time windows. */
  capable: boolean;
  /** Local-search results the annealing judged in that mode, and how many had time warp. */
  results: number;
  warped: number;
  /** Objective of the best solution. */
  bestCost: number;
}

/**
 * Solves `problem` with the harness core (a debug build: every accepted and best solution is
 * walked) for `iterations` iterations, with penalised time windows on unless `timeWarp` is false,
 * and reports their counters; the run is the one
 * `solve(problem, { seed, maxIterations: iterations, timeWarp })` makes.
 *
 * @example
 * ```ts
 * const run = await annealWithTimePenalty(problem, 1, 300);
 * run.capable && run.warped > 0; // the search crossed solutions that arrive late
 * ```
 */
export async function annealWithTimePenalty(problem: RoutingProblem, seed: number, iterations: number, timeWarp = true): Promise<TimePenaltyRun> {
  useCoreBinary(HARNESS);
  try {
    const core = (await instantiateCore()) as HarnessExports;
    writeCoreInput(core, encodeRouting(problem));
    if (timeWarp) core.setParam(TIME_WARP_PARAM, 1);
    core.init(seed >>> 0);
    while (core.prepare(1 << 20) !== 0);
    core.run(iterations, 0, 1 / iterations);
    return { capable: core.timePenaltyCapable() === 1, results: core.timePenaltyResults(), warped: core.timePenaltyWarped(), bestCost: core.bestCost() };
  } finally {
    useCoreBinary(undefined);
  }
}

/** What one insertion with ejections did. */
export interface EjectionRun {
  inserted: boolean;
  /** Jobs ejected (0-based), in no particular order. */
  ejected: number[];
  /** Job indices per vehicle afterwards. */
  routes: number[][];
  /** Violations found by the independent checker in the routes afterwards. */
  violations: string[];
}

/**
 * Loads `routes` into a fresh harness core and puts unrouted job `job` in with ejections
 * (assembly/meta/ejectInsert.ts): `weights[j]` is job j's weight, only choices with a weight
 * sum below `bound` are taken; `neighbours` > 0 builds neighbour lists of that length first.
 */
export async function runEjection(
  problem: RoutingProblem,
  routes: number[][],
  job: number,
  weights: number[],
  bound: number,
  neighbours = 0,
): Promise<EjectionRun> {
  try {
    const { core, input } = await loadedHarness(problem, routes);
    if (neighbours > 0) core.buildNeighboursForTest(neighbours);
    weights.forEach((w, j) => core.setEjectWeightForTest(j, w));
    const inserted = core.runEjectInsert(job, bound) === 1;
    const ejected = Array.from({ length: core.ejectedCount() }, (_, i) => core.ejectedJob(i));
    const out = readCoreOutput(core, input.dims);
    const decoded = decodeRouting(problem, out);
    const after: number[][] = problem.vehicles.map(() => []);
    for (const r of decoded.routes) after[r.vehicle] = r.steps.filter((s) => s.type === 'job').map((s) => s.index);
    const solution: RoutingSolution = { ...decoded, reasons: [], cost: out.routeCost, elapsedMs: 0, iterations: 0, stopReason: 'iterations', seed: 0 };
    return { inserted, ejected, routes: after, violations: checkCollectionSolution(problem, solution).violations };
  } finally {
    useCoreBinary(undefined);
  }
}
