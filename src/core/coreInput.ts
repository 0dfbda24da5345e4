import { CORE_CONSTANTS } from './coreProtocol.js';

/**
 * The flat arrays the WASM core reads, one field per entry of `CORE_ARRAYS` (same names) plus
 * the sizes. Job arrays are indexed by job (0-based) here; the writer shifts them to the core's
 * visit numbering (visit = job + 1).
 */
export interface CoreInput {
  jobs: number;
  vehicles: number;
  /** Matrix size (locations). */
  m: number;
  /** Row-major m×m matrices, written one after the other (`vCost`… hold their offsets). */
  mats: Int32Array[];
  dims: number;
  facilities: number;
  classes: number;
  vCost: Int32Array;
  vDur: Int32Array;
  vDist: Int32Array;
  vStart: Int32Array;
  vEnd: Int32Array;
  vTwStart: Int32Array;
  vTwEnd: Int32Array;
  /** vehicles × dims */
  vCap: Int32Array;
  vFixed: Int32Array;
  vClass: Int32Array;
  vMaxTasks: Int32Array;
  vMaxTravel: Int32Array;
  vMaxDist: Int32Array;
  vMaxReloads: Int32Array;
  vFacMask: BigInt64Array;
  /** vehicles × dims: most collected over all trips; NO_LIMIT = none */
  vRouteCap: Int32Array;
  /** 1: the route must end with a reload (return empty) */
  vReturnEmpty: Int32Array;
  jLoc: Int32Array;
  jService: Int32Array;
  jSetup: Int32Array;
  /** jobs × dims */
  jPick: Int32Array;
  jDel: Int32Array;
  jTwFirst: Int32Array;
  jTwCount: Int32Array;
  jPrize: BigInt64Array;
  /** Price of leaving each job unserved (prize, or penalty plus priority weight). */
  jMiss: BigInt64Array;
  /** Release time per job: its trip leaves at or after it. */
  jRelease: Int32Array;
  /** jobs × classes: 1 when the class may serve the job */
  compat: Uint8Array;
  fLoc: Int32Array;
  fService: Int32Array;
  fSetup: Int32Array;
  fTwFirst: Int32Array;
  fTwCount: Int32Array;
  /** [start, end] pairs */
  tw: Int32Array;
  /** Per vehicle: index of its first break and how many (breaks sorted by first window). */
  vBreakFirst: Int32Array;
  vBreakCount: Int32Array;
  bService: Int32Array;
  bTwFirst: Int32Array;
  bTwCount: Int32Array;
  /** breaks × dims; NO_LIMIT = none */
  bMaxLoad: Int32Array;
}

/** "No limit" for the core's i32 limits and window ends, and "no road" in a matrix. */
export const NO_LIMIT = CORE_CONSTANTS.NO_LIMIT;

/** Default price of leaving a mandatory job unserved: above any route cost the core accepts. */
export const MISSING_PENALTY = 2n ** 40n;

/**
 * An input with every array sized and filled with neutral defaults (no windows, no limits,
 * one class, start = end = location 0); callers overwrite what their problem defines.
 *
 * @example
 * ```ts
 * const input = emptyCoreInput({ jobs: 3, vehicles: 3, m: 4, dims: 1, facilities: 0, classes: 1, windows: 0 });
 * input.mats.push(new Int32Array(16));
 * ```
 */
export function emptyCoreInput(s: {
  jobs: number;
  vehicles: number;
  m: number;
  dims: number;
  facilities: number;
  classes: number;
  windows: number;
  breaks?: number;
}): CoreInput {
  const { jobs, vehicles, m, dims, facilities, classes, windows } = s;
  const breaks = s.breaks ?? 0;
  const filled = (n: number, v: number) => new Int32Array(n).fill(v);
  return {
    jobs,
    vehicles,
    m,
    mats: [],
    dims,
    facilities,
    classes,
    vCost: new Int32Array(vehicles),
    vDur: new Int32Array(vehicles),
    vDist: new Int32Array(vehicles),
    vStart: new Int32Array(vehicles),
    vEnd: new Int32Array(vehicles),
    vTwStart: new Int32Array(vehicles),
    vTwEnd: filled(vehicles, NO_LIMIT),
    vCap: new Int32Array(vehicles * dims),
    vFixed: new Int32Array(vehicles),
    vClass: new Int32Array(vehicles),
    vMaxTasks: filled(vehicles, NO_LIMIT),
    vMaxTravel: filled(vehicles, NO_LIMIT),
    vMaxDist: filled(vehicles, NO_LIMIT),
    vMaxReloads: new Int32Array(vehicles),
    vFacMask: new BigInt64Array(vehicles),
    vRouteCap: filled(vehicles * dims, NO_LIMIT),
    vReturnEmpty: new Int32Array(vehicles),
    jLoc: new Int32Array(jobs),
    jService: new Int32Array(jobs),
    jSetup: new Int32Array(jobs),
    jPick: new Int32Array(jobs * dims),
    jDel: new Int32Array(jobs * dims),
    jTwFirst: filled(jobs, -1),
    jTwCount: new Int32Array(jobs),
    jPrize: new BigInt64Array(jobs),
    jMiss: new BigInt64Array(jobs).fill(MISSING_PENALTY),
    jRelease: new Int32Array(jobs),
    compat: new Uint8Array(jobs * classes).fill(1),
    fLoc: new Int32Array(facilities),
    fService: new Int32Array(facilities),
    fSetup: new Int32Array(facilities),
    fTwFirst: filled(facilities, -1),
    fTwCount: new Int32Array(facilities),
    tw: new Int32Array(2 * windows),
    vBreakFirst: new Int32Array(vehicles),
    vBreakCount: new Int32Array(vehicles),
    bService: new Int32Array(breaks),
    bTwFirst: filled(breaks, -1),
    bTwCount: new Int32Array(breaks),
    bMaxLoad: filled(breaks * dims, NO_LIMIT),
  };
}
