/**
 * The one definition of the host–core interface: the arrays the host writes (name, element
 * type, length, initial value), the tuning parameters, the constants both sides share, the
 * layout of the core's output and the codes of the core's feasibility failures.
 *
 * `scripts/gen-core-protocol.mjs` turns this file into `assembly/protocol.generated.ts`
 * (constants) and `assembly/arrays.generated.ts` (every array's declaration, its allocation and
 * the `ptr(id)` switch) at build time; a test checks that the committed generated files match.
 * On the host, `CoreInput`'s array fields are typed from {@link CORE_ARRAYS} and
 * `emptyCoreInput` sizes and fills them from it. Adding a core array is therefore one entry
 * here (then the encoder fills it and the core reads it); adding a parameter is one entry in
 * {@link CORE_PARAMS} (then the line of `assembly/index.ts#setParam` that uses it).
 */

/** Element type of a core array, as the core stores it. */
export type CoreElement = 'i32' | 'i64' | 'u8' | 'f64';

/**
 * Length of a core array, in the problem's sizes: per vehicle, job, facility or break, times
 * the capacity dimensions or the vehicle classes; `windows×2` for the [start, end] pairs;
 * `matrices` for the list of M×M matrices; `locations×3` for a point per location, `vehicles×4`
 * for the rule of each geometric arc class.
 */
export type CoreSize =
  | 'matrices'
  | 'locations×3'
  | 'vehicles×4'
  | 'vehicles'
  | 'vehicles×dims'
  | 'jobs'
  | 'jobs×dims'
  | 'jobs×classes'
  | 'facilities'
  | 'windows×2'
  | 'breaks'
  | 'breaks×dims';

/** One array the host writes into the core's memory before `finish()`. */
export interface CoreArraySpec {
  /** Name of the field in `CoreInput` and of the global in the core (`assembly/arrays.generated.ts`). */
  readonly name: string;
  readonly type: CoreElement;
  /**
   * Its length. Job arrays are indexed by job in `CoreInput` and by visit (= job + 1) in the
   * core: the core allocates one more row and the writer shifts them by one row.
   */
  readonly size: CoreSize;
  /** Value of every entry until the encoder sets it (default 0). */
  readonly fill?: 'NO_LIMIT' | 'NONE' | 'ONE' | 'MISSING_PENALTY';
  readonly doc: string;
}

/** The arrays, in id order (the id is the index). */
export const CORE_ARRAYS = [
  { name: 'mats', type: 'i32', size: 'matrices', doc: 'matrices × M × M, row-major, concatenated' },
  { name: 'vCost', type: 'i32', size: 'vehicles', doc: "per vehicle: offset of its cost matrix in mats (matrix index × M²)" },
  { name: 'vDur', type: 'i32', size: 'vehicles', doc: 'per vehicle: offset of its duration matrix (speed factor applied)' },
  { name: 'vDist', type: 'i32', size: 'vehicles', doc: 'per vehicle: offset of its distance matrix' },
  { name: 'vStart', type: 'i32', size: 'vehicles', doc: 'per vehicle: start location' },
  { name: 'vEnd', type: 'i32', size: 'vehicles', doc: 'per vehicle: end location' },
  { name: 'vTwStart', type: 'i32', size: 'vehicles', doc: 'per vehicle: start of its working hours' },
  { name: 'vTwEnd', type: 'i32', size: 'vehicles', fill: 'NO_LIMIT', doc: 'per vehicle: end of its working hours' },
  { name: 'vCap', type: 'i32', size: 'vehicles×dims', doc: 'vehicles × D: capacity per trip' },
  { name: 'vFixed', type: 'i32', size: 'vehicles', doc: 'per vehicle: fixed cost when used' },
  { name: 'vClass', type: 'i32', size: 'vehicles', doc: 'per vehicle: class (vehicles with identical attributes share one)' },
  { name: 'vMaxTasks', type: 'i32', size: 'vehicles', fill: 'NO_LIMIT', doc: 'per vehicle: most jobs (NO_LIMIT = none)' },
  { name: 'vMaxTravel', type: 'i32', size: 'vehicles', fill: 'NO_LIMIT', doc: 'per vehicle: most travel time (NO_LIMIT = none)' },
  { name: 'vMaxDist', type: 'i32', size: 'vehicles', fill: 'NO_LIMIT', doc: 'per vehicle: most distance (NO_LIMIT = none)' },
  { name: 'vMaxReloads', type: 'i32', size: 'vehicles', doc: 'per vehicle: most reloads' },
  { name: 'vFacMask', type: 'i64', size: 'vehicles', doc: 'per vehicle: facilities it may unload at (bit f)' },
  { name: 'jLoc', type: 'i32', size: 'jobs', doc: 'per job: location' },
  { name: 'jService', type: 'i32', size: 'jobs', doc: 'per job: service time' },
  { name: 'jSetup', type: 'i32', size: 'jobs', doc: 'per job: setup time (skipped after a stop at the same location)' },
  { name: 'jPick', type: 'i32', size: 'jobs×dims', doc: 'jobs × D: amount picked up' },
  { name: 'jDel', type: 'i32', size: 'jobs×dims', doc: 'jobs × D: amount delivered' },
  { name: 'jTwFirst', type: 'i32', size: 'jobs', fill: 'NONE', doc: 'per job: first of its windows in tw (-1 = any time)' },
  { name: 'jTwCount', type: 'i32', size: 'jobs', doc: 'per job: number of windows' },
  { name: 'jPrize', type: 'i64', size: 'jobs', doc: 'per job: prize of an optional job (0 = mandatory)' },
  { name: 'compat', type: 'u8', size: 'jobs×classes', fill: 'ONE', doc: 'jobs × classes: 1 when the class may serve the job' },
  { name: 'fLoc', type: 'i32', size: 'facilities', doc: 'per facility: location' },
  { name: 'fService', type: 'i32', size: 'facilities', doc: 'per facility: unloading time' },
  { name: 'fSetup', type: 'i32', size: 'facilities', doc: 'per facility: setup time' },
  { name: 'fTwFirst', type: 'i32', size: 'facilities', fill: 'NONE', doc: 'per facility: first window (-1 = any time)' },
  { name: 'fTwCount', type: 'i32', size: 'facilities', doc: 'per facility: number of windows' },
  { name: 'tw', type: 'i32', size: 'windows×2', doc: 'time windows as [start, end] pairs' },
  { name: 'vBreakFirst', type: 'i32', size: 'vehicles', doc: "per vehicle: its first break (breaks sorted by first window)" },
  { name: 'vBreakCount', type: 'i32', size: 'vehicles', doc: 'per vehicle: number of breaks' },
  { name: 'bService', type: 'i32', size: 'breaks', doc: 'per break: duration' },
  { name: 'bTwFirst', type: 'i32', size: 'breaks', fill: 'NONE', doc: 'per break: first window' },
  { name: 'bTwCount', type: 'i32', size: 'breaks', doc: 'per break: number of windows' },
  { name: 'bMaxLoad', type: 'i32', size: 'breaks×dims', fill: 'NO_LIMIT', doc: 'breaks × D: most load when the break starts (NO_LIMIT = none)' },
  { name: 'jRelease', type: 'i32', size: 'jobs', doc: "per job: release time (its trip leaves at or after it)" },
  { name: 'vRouteCap', type: 'i32', size: 'vehicles×dims', fill: 'NO_LIMIT', doc: 'vehicles × D: most collected over all trips (NO_LIMIT = none)' },
  { name: 'vReturnEmpty', type: 'i32', size: 'vehicles', doc: 'per vehicle: 1 when the route must end with a reload' },
  { name: 'jMiss', type: 'i64', size: 'jobs', fill: 'MISSING_PENALTY', doc: 'per job: price of leaving it unserved (prize, or penalty plus priority weight)' },
  { name: 'geoPts', type: 'f64', size: 'locations×3', doc: 'geo build: per location, x, y, z in metres on the sphere (computed arcs, no matrices)' },
  { name: 'geoRule', type: 'f64', size: 'vehicles×4', doc: 'geo build: per arc class g (= vCost, vDur, vDist of its vehicles), detour factor, seconds per metre, cost per hour, cost per km' },
] as const satisfies readonly CoreArraySpec[];

/** One tuning parameter of the core (`setParam(id, value)`). */
export interface CoreParamSpec {
  readonly name: string;
  readonly id: number;
  readonly defaultValue: number;
  readonly doc: string;
}

/** Tuning parameters; the id is fixed here and used by name on both sides. */
export const CORE_PARAMS = [
  { name: 'LOCAL_SEARCH', id: 1, defaultValue: 1, doc: 'local search after each ruin-and-recreate step (0 = off)' },
  { name: 'LS_GRANULARITY', id: 2, defaultValue: 30, doc: 'neighbours scanned per job by the local search' },
  { name: 'NEIGHBOURS', id: 3, defaultValue: 100, doc: 'length of the neighbour lists' },
  { name: 'T0_FACTOR', id: 4, defaultValue: 0.3, doc: 'start temperature, as a fraction of the average arc cost' },
  { name: 'TF_FACTOR', id: 5, defaultValue: 0.003, doc: 'final temperature, as a fraction of the average arc cost' },
  { name: 'AVG_REMOVED', id: 6, defaultValue: 10, doc: 'average number of jobs a ruin removes' },
  { name: 'MAX_STRING', id: 7, defaultValue: 10, doc: 'longest string a ruin removes' },
  { name: 'STALL_LIMIT', id: 8, defaultValue: 0, doc: 'stop after this many iterations without a new best (0 = never)' },
  { name: 'TIME_WARP', id: 9, defaultValue: 0, doc: 'penalised time windows (time warp) on eligible VRPTW-like problems (1 = on; 0 = off: windows stay hard)' },
  { name: 'DEADLINE', id: 10, defaultValue: 0, doc: 'performance.now() time in ms at which the local search stops early, read through the env.clock import (0 = none)' },
] as const satisfies readonly CoreParamSpec[];

/**
 * Output layout (Float64, written by `writeBest()`; all values are integers below 2^53):
 *
 * - header (`HEADER_FIELDS`): routes, unserved, route cost (fixed costs included), prizes of
 *   unserved optional jobs, objective, 1 when every route passed the final walk;
 * - per used route, a header (`ROUTE_FIELDS`): vehicle, steps, cost, 1 when its walk passed;
 *   then per step (`STEP_FIELDS` + D): kind (`STEP_KINDS`), index (job, facility, or the
 *   vehicle's break in the core's order; -1 for start and end), location, arrival, service
 *   start, setup, service, departure, travel time and distance so far (on arrival), then the
 *   load after the step per dimension;
 * - the unserved jobs (0-based job indices).
 *
 * These constants are the field counts of that layout, and the values both sides share.
 */
export const CORE_CONSTANTS = {
  /** "No limit" for the core's i32 limits and window ends, and "no road" in a matrix. */
  NO_LIMIT: 2147483647,
  /** "None" for an index (a first window when there is none). */
  NONE: -1,
  /** Fields of one step in the output, before its D loads. */
  STEP_FIELDS: 10,
  /** Fields of one route header in the output. */
  ROUTE_FIELDS: 4,
  /** Fields of the output header. */
  HEADER_FIELDS: 6,
} as const;

/** Kind of a step in the core's output. */
export const STEP_KINDS = { start: 0, job: 1, reload: 2, break: 3, end: 4 } as const;

/**
 * Why the core's full route walk refused a route, first failure wins (`failCode`). The TS side
 * maps them to the user-facing unassigned reasons.
 */
export const FAIL_CODES = {
  OK: 0,
  SKILLS: 1,
  FACILITY: 2,
  MAX_RELOADS: 3,
  MAX_TASKS: 4,
  RETURN_EMPTY: 5,
  ROUTE_CAPACITY: 6,
  TRIP_DELIVERIES: 7,
  CAPACITY: 8,
  BREAK_WINDOW: 9,
  BREAK_BEFORE_STOP: 10,
  BREAK_MAX_LOAD: 11,
  VEHICLE_TIME_WINDOW: 12,
  TIME_WINDOW: 13,
  MISSING_BREAK: 14,
  MAX_TRAVEL_TIME: 15,
  MAX_DISTANCE: 16,
  UNREACHABLE: 17,
} as const;
