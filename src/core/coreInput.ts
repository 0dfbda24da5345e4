import { CORE_ARRAYS, CORE_CONSTANTS, type CoreSize } from './coreProtocol.js';

/** "No limit" for the core's i32 limits and window ends, and "no road" in a matrix. */
export const NO_LIMIT = CORE_CONSTANTS.NO_LIMIT;

/**
 * Most distinct locations of a problem given as full M×M matrices (8,000: one Int32 matrix is
 * then 256 MB). Larger problems use computed arcs (`RoutingMatrices.geo`).
 */
export const MAX_LOCATIONS = 8000;

/**
 * Problems without matrices (coordinates only) with more distinct locations than this use
 * computed arcs instead of full haversine matrices (2,000 locations: 16 MB per matrix).
 */
export const GEO_ARCS_ABOVE = 2000;

/** Most matrix cells the core holds in all (2^28 Int32 = 1 GB). */
export const MAX_MATRIX_CELLS = 2 ** 28;

/** Default price of leaving a mandatory job unserved: above any route cost the core accepts. */
export const MISSING_PENALTY = 2n ** 40n;

/** The sizes of an encoded problem. */
export interface CoreSizes {
  jobs: number;
  vehicles: number;
  /** Matrix size (locations). */
  m: number;
  dims: number;
  facilities: number;
  classes: number;
  /**
   * Arcs computed from points (`geoPts`, `geoRule`) instead of stored matrices: the input is
   * for the core's geo build (see docs/architecture.md, "Problems above the matrix limit").
   */
  geo?: boolean;
}

type CoreArray = (typeof CORE_ARRAYS)[number];
type ElementArrays = { i32: Int32Array; i64: BigInt64Array; u8: Uint8Array; f64: Float64Array };

/**
 * The flat arrays the WASM core reads: one field per entry of `CORE_ARRAYS` (same name, its
 * element type; `mats` is the list of M×M matrices), plus the sizes. Job arrays are indexed by
 * job (0-based) here; the writer shifts them to the core's visit numbering (visit = job + 1).
 * The meaning of each array is its `doc` in `CORE_ARRAYS`.
 */
export type CoreInput = CoreSizes & {
  [A in CoreArray as A['name']]: A['size'] extends 'matrices' ? Int32Array[] : ElementArrays[A['type']];
};

/**
 * An input with every array sized and filled with its initial value from `CORE_ARRAYS` (no
 * windows, no limits, one class, start = end = location 0, the default penalty for a missed
 * job); callers overwrite what their problem defines.
 *
 * @example
 * ```ts
 * const input = emptyCoreInput({ jobs: 3, vehicles: 3, m: 4, dims: 1, facilities: 0, classes: 1, windows: 0 });
 * input.mats.push(new Int32Array(16));
 * ```
 */
export function emptyCoreInput(s: CoreSizes & { windows: number; breaks?: number }): CoreInput {
  const breaks = s.breaks ?? 0;
  const length: Record<Exclude<CoreSize, 'matrices'>, number> = {
    vehicles: s.vehicles,
    'vehicles×dims': s.vehicles * s.dims,
    jobs: s.jobs,
    'jobs×dims': s.jobs * s.dims,
    'jobs×classes': s.jobs * s.classes,
    facilities: s.facilities,
    'windows×2': 2 * s.windows,
    breaks,
    'breaks×dims': breaks * s.dims,
    'locations×3': Math.max(s.m, 1) * 3,
    'vehicles×4': Math.max(s.vehicles, 1) * 4,
  };
  const fills = { NO_LIMIT: NO_LIMIT, NONE: CORE_CONSTANTS.NONE, ONE: 1, MISSING_PENALTY };
  const input: Record<string, unknown> = { jobs: s.jobs, vehicles: s.vehicles, m: s.m, dims: s.dims, facilities: s.facilities, classes: s.classes, geo: s.geo ?? false };
  for (const a of CORE_ARRAYS as readonly { name: string; type: keyof ElementArrays; size: CoreSize; fill?: keyof typeof fills }[]) {
    if (a.size === 'matrices') {
      input[a.name] = [];
      continue;
    }
    const n = length[a.size];
    const fill = a.fill === undefined ? 0 : fills[a.fill];
    if (a.type === 'i64') input[a.name] = new BigInt64Array(n).fill(BigInt(fill));
    else if (a.type === 'u8') input[a.name] = new Uint8Array(n).fill(Number(fill));
    else if (a.type === 'f64') input[a.name] = new Float64Array(n).fill(Number(fill));
    else input[a.name] = new Int32Array(n).fill(Number(fill));
  }
  return input as unknown as CoreInput;
}
