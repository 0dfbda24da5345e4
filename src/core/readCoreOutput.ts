import type { CoreExports } from './loadCore.js';
import { CORE_CONSTANTS, STEP_KINDS } from './coreProtocol.js';

/** Kind of a step, by name. */
export type CoreStepKind = keyof typeof STEP_KINDS;

/** One step of a route as the core scheduled it (times in the problem's units). */
export interface CoreStep {
  kind: CoreStepKind;
  /** Job index, facility index, or the break's index in the core's order; -1 for start and end. */
  index: number;
  location: number;
  arrival: number;
  start: number;
  setup: number;
  service: number;
  departure: number;
  /** Travel time and distance so far, on arrival. */
  travel: number;
  distance: number;
  /** Load after the step, per dimension. */
  load: number[];
}

/** One used route of the core's answer. */
export interface CoreRoute {
  vehicle: number;
  /** Route cost as optimised: arc costs plus the fixed cost. */
  cost: number;
  /** False when the route failed the core's own final walk (a solver bug). */
  feasible: boolean;
  steps: CoreStep[];
}

/** The core's answer, read from its output (layout: coreProtocol.ts). */
export interface CoreOutput {
  routes: CoreRoute[];
  /** Unserved jobs (0-based job indices). */
  unserved: number[];
  /** Route costs, fixed costs included. */
  routeCost: number;
  /** Prizes of the optional jobs left unserved. */
  prizes: number;
  /** The core's objective: route costs plus the prices of every unserved job. */
  objective: number;
}

const KIND_BY_CODE = Object.fromEntries(Object.entries(STEP_KINDS).map(([k, v]) => [v, k])) as Record<number, CoreStepKind>;

/**
 * Reads the answer of a core (the best solution after a run, or routes loaded into it) with
 * every route's schedule, as the core's own route walk computed it.
 *
 * @example
 * ```ts
 * const run = await runCore(input, budget);
 * const out = readCoreOutput(run.core, input.dims);
 * out.routes[0].steps.map((s) => s.arrival);
 * ```
 */
export function readCoreOutput(core: CoreExports, dims: number): CoreOutput {
  const ptr = core.writeBest();
  const data = new Float64Array(core.memory.buffer, ptr, core.outputLength());
  const { HEADER_FIELDS, ROUTE_FIELDS, STEP_FIELDS } = CORE_CONSTANTS;
  const stride = STEP_FIELDS + Math.max(dims, 1); // the core keeps at least one dimension
  const routeCount = data[0];
  const unservedCount = data[1];
  let k = HEADER_FIELDS;
  const routes: CoreRoute[] = [];
  for (let r = 0; r < routeCount; r++) {
    const vehicle = data[k];
    const stepCount = data[k + 1];
    const cost = data[k + 2];
    const feasible = data[k + 3] === 1;
    k += ROUTE_FIELDS;
    const steps: CoreStep[] = [];
    for (let s = 0; s < stepCount; s++) {
      steps.push({
        kind: KIND_BY_CODE[data[k]],
        index: data[k + 1],
        location: data[k + 2],
        arrival: data[k + 3],
        start: data[k + 4],
        setup: data[k + 5],
        service: data[k + 6],
        departure: data[k + 7],
        travel: data[k + 8],
        distance: data[k + 9],
        load: Array.from(data.subarray(k + STEP_FIELDS, k + STEP_FIELDS + dims)),
      });
      k += stride;
    }
    routes.push({ vehicle, cost, feasible, steps });
  }
  const unserved = Array.from(data.subarray(k, k + unservedCount));
  return { routes, unserved, routeCost: data[2], prizes: data[3], objective: data[4] };
}
