import type { CvrpProblem } from '../types.js';
import { InputError } from '../errors.js';
import { emptyCoreInput, NO_LIMIT, type CoreInput } from '../core/coreInput.js';

/** Largest number of nodes (depot included) the core accepts with a full matrix. */
export const MAX_NODES = 16000;
const MAX_INT = 2 ** 31 - 1;
/** Largest arc cost: NO_LIMIT itself means "no road" to the core. */
const MAX_ARC = NO_LIMIT - 1;

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/**
 * Checks a {@link CvrpProblem} and encodes it into the core's flat arrays: customers are jobs
 * 0..n-2 at locations 1..n-1, served by n-1 identical vehicles at location 0. Every problem is
 * reported as an {@link InputError} whose message names the field.
 *
 * @example
 * ```ts
 * const input = encodeCvrp({ capacity: 10, demands: [0, 4, 5], coordinates: [0, 0, 3, 4, 6, 8] });
 * input.mats[0][1]; // 5 (depot → customer 1)
 * ```
 */
export function encodeCvrp(problem: CvrpProblem): CoreInput {
  if (problem === null || typeof problem !== 'object') throw new InputError('problem: must be an object', { code: 'E2011' });
  const { capacity, demands, distances, coordinates } = problem;
  if (!isInt(capacity) || capacity <= 0 || capacity > MAX_INT) {
    throw new InputError(`capacity: must be a positive integer, got ${String(capacity)}`, { code: 'E2005', field: 'capacity' });
  }
  if (demands === null || typeof demands !== 'object' || typeof demands.length !== 'number') {
    throw new InputError('demands: must be an array', { code: 'E2011', field: 'demands' });
  }
  const n = demands.length;
  if (n < 1) throw new InputError('demands: must hold at least the depot (index 0)', { code: 'E2011', field: 'demands' });
  if (n > MAX_NODES) {
    throw new InputError(`demands: ${n} nodes exceed the supported maximum of ${MAX_NODES}`, { code: 'E7001', field: 'demands' });
  }
  const dem = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q = demands[i];
    if (!isInt(q)) throw new InputError(`demands[${i}]: must be an integer, got ${String(q)}`, { code: 'E2004', field: 'demands' });
    if (q < 0) throw new InputError(`demands[${i}]: ${q} is negative`, { code: 'E2005', field: 'demands' });
    if (q > capacity) {
      throw new InputError(`demands[${i}]: ${q} exceeds the vehicle capacity ${capacity}`, { code: 'E2009', field: 'demands' });
    }
    dem[i] = q;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += dem[i];
  if (total > MAX_INT) {
    // the core adds loads in 32-bit integers; any route load is at most the total
    throw new InputError(`demands: their sum ${total} exceeds ${MAX_INT}; scale the amounts down`, { code: 'E7004', field: 'demands' });
  }
  if (dem[0] !== 0) throw new InputError(`demands[0]: the depot's demand must be 0, got ${dem[0]}`, { code: 'E2010', field: 'demands' });

  const dist = new Int32Array(n * n);
  if (distances !== undefined && distances !== null) {
    if (typeof distances !== 'object' || typeof distances.length !== 'number') {
      throw new InputError('distances: must be a flat array of n×n numbers', { code: 'E2011', field: 'distances' });
    }
    if (distances.length !== n * n) {
      throw new InputError(`distances: expected ${n}×${n} = ${n * n} entries for ${n} nodes, got ${distances.length}`, { code: 'E2006', field: 'distances' });
    }
    for (let k = 0; k < n * n; k++) {
      const v = distances[k];
      if (!isInt(v) || v < 0 || v > MAX_ARC) {
        const i = Math.floor(k / n);
        throw new InputError(`distances[${i}][${k - i * n}]: must be an integer from 0 to ${MAX_ARC}, got ${String(v)}`, { code: 'E2004', field: 'distances' });
      }
      dist[k] = v;
    }
  } else if (coordinates !== undefined && coordinates !== null) {
    if (typeof coordinates !== 'object' || coordinates.length !== 2 * n) {
      throw new InputError(`coordinates: expected ${2 * n} numbers (x, y per node), got ${String(coordinates?.length)}`, { code: 'E2006', field: 'coordinates' });
    }
    for (let k = 0; k < 2 * n; k++) {
      if (typeof coordinates[k] !== 'number' || !Number.isFinite(coordinates[k])) {
        throw new InputError(`coordinates[${k >> 1}]: ${k & 1 ? 'y' : 'x'} must be a finite number, got ${String(coordinates[k])}`, { code: 'E2004', field: 'coordinates' });
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = Math.round(Math.hypot(coordinates[2 * i] - coordinates[2 * j], coordinates[2 * i + 1] - coordinates[2 * j + 1]));
        if (v > MAX_ARC) throw new InputError(`coordinates: distance ${i}→${j} is too large (${v})`, { code: 'E7006', field: 'coordinates' });
        dist[i * n + j] = v;
      }
    }
  } else {
    throw new InputError('problem: give either distances or coordinates', { code: 'E2011', field: 'distances' });
  }
  const jobs = n - 1;
  const input = emptyCoreInput({ jobs, vehicles: Math.max(jobs, 1), m: n, dims: 1, facilities: 0, classes: 1, windows: 0 });
  input.mats.push(dist);
  input.vCap.fill(capacity);
  for (let j = 0; j < jobs; j++) {
    input.jLoc[j] = j + 1;
    input.jPick[j] = dem[j + 1];
  }
  return input;
}
