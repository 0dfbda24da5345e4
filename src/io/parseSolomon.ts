import type { RoutingProblem } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';
import { LIMITS } from '../errorCodes.js';

/** Largest |x|, |y| of a Solomon node: distances × 1000 stay far below 2^31. */
const MAX_SOLOMON_COORD = 100_000;
/** Largest Solomon time (ready, due, service): × 1000 it stays below 2^31. */
const MAX_SOLOMON_TIME = 2_000_000;

/** Fixed-point scale of Solomon times and distances in the integer core (1/1000 unit). */
export const SOLOMON_SCALE = 1000;

/** A Solomon VRPTW instance as read from its text file (unscaled numbers). */
export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Node 0 is the depot. */
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
}

/**
 * Parses a Solomon (1987) / Gehring–Homberger VRPTW text file: name line, `VEHICLE` block
 * (`NUMBER CAPACITY`), `CUSTOMER` table with one row per node (`CUST NO. XCOORD. YCOORD.
 * DEMAND READY TIME DUE DATE SERVICE TIME`), node 0 being the depot.
 *
 * @example
 * ```ts
 * const inst = parseSolomon(readFileSync('C101.txt', 'utf8'), 'C101.txt');
 * inst.vehicles; // 25
 * ```
 */
export function parseSolomon(text: string, fileName?: string): SolomonInstance {
  const lines = text.replace(/\r/g, '').split('\n');
  const name = (lines[0] ?? '').trim();
  const vIdx = lines.findIndex((l) => l.trim().toUpperCase() === 'VEHICLE');
  const cIdx = lines.findIndex((l) => l.trim().toUpperCase() === 'CUSTOMER');
  if (vIdx < 0) throw new InputError('missing VEHICLE section', { code: 'E3001', file: fileName, field: 'VEHICLE' });
  if (cIdx < 0) throw new InputError('missing CUSTOMER section', { code: 'E3001', file: fileName, field: 'CUSTOMER' });
  const numbersAfter = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const t = lines[i].trim();
      if (/^[-+\d.]/.test(t)) return { line: i + 1, values: t.split(/\s+/).map(Number) };
    }
    return undefined;
  };
  const fleet = numbersAfter(vIdx + 1, cIdx);
  if (!fleet || fleet.values.length < 2 || fleet.values.some((v) => !Number.isFinite(v))) {
    throw new InputError('VEHICLE: expected "NUMBER CAPACITY"', { code: 'E3002', file: fileName, field: 'VEHICLE' });
  }
  const [vehicles, capacity] = fleet.values;
  if (!Number.isInteger(vehicles) || vehicles <= 0) throw new InputError(`VEHICLE: NUMBER must be a positive integer, got ${vehicles}`, { code: 'E3003', file: fileName, field: 'VEHICLE' });
  if (!Number.isInteger(capacity) || capacity <= 0) throw new InputError(`VEHICLE: CAPACITY must be a positive integer, got ${capacity}`, { code: 'E3003', file: fileName, field: 'VEHICLE' });
  if (vehicles > LIMITS.vehicles) throw new InputError(`VEHICLE: NUMBER ${vehicles} is above the limit of ${LIMITS.vehicles} vehicles`, { code: 'E7002', file: fileName, field: 'VEHICLE', value: vehicles });
  if (capacity > LIMITS.amountSum) throw new InputError(`VEHICLE: CAPACITY ${capacity} is above ${LIMITS.amountSum}`, { code: 'E7004', file: fileName, field: 'VEHICLE', value: capacity });
  const inst: SolomonInstance = { name, vehicles, capacity, x: [], y: [], demand: [], ready: [], due: [], service: [] };
  for (let i = cIdx + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!/^\d/.test(t)) continue;
    const v = t.split(/\s+/).map(Number);
    if (v.length < 7 || v.slice(0, 7).some((x) => !Number.isFinite(x))) {
      throw new InputError(`line ${i + 1}: expected 7 numbers (id x y demand ready due service)`, { code: 'E3002', file: fileName, field: 'CUSTOMER' });
    }
    if (v[0] !== inst.x.length) throw new InputError(`line ${i + 1}: customer number ${v[0]}, expected ${inst.x.length}`, { code: 'E3004', file: fileName, field: 'CUSTOMER' });
    if (v[3] < 0 || !Number.isInteger(v[3])) throw new InputError(`line ${i + 1}: demand ${v[3]} must be a non-negative integer`, { code: 'E3003', file: fileName, field: 'CUSTOMER' });
    if (v[3] > capacity) throw new InputError(`line ${i + 1}: demand ${v[3]} exceeds the capacity ${capacity}`, { code: 'E3005', file: fileName, field: 'CUSTOMER' });
    if (Math.abs(v[1]) > MAX_SOLOMON_COORD || Math.abs(v[2]) > MAX_SOLOMON_COORD) {
      throw new InputError(`line ${i + 1}: coordinates (${v[1]}, ${v[2]}) beyond ±${MAX_SOLOMON_COORD}: distances would not fit the core's 32-bit arcs`, { code: 'E7006', file: fileName, field: 'CUSTOMER' });
    }
    for (const [k, what] of [[4, 'ready time'], [5, 'due date'], [6, 'service time']] as const) {
      if (v[k] < 0) throw new InputError(`line ${i + 1}: ${what} ${v[k]} is negative`, { code: 'E3003', file: fileName, field: 'CUSTOMER', value: v[k] });
      if (v[k] > MAX_SOLOMON_TIME) throw new InputError(`line ${i + 1}: ${what} ${v[k]} is above ${MAX_SOLOMON_TIME} (times are held ×${SOLOMON_SCALE} in 32 bits)`, { code: 'E7005', file: fileName, field: 'CUSTOMER', value: v[k] });
    }
    if (v[4] > v[5]) throw new InputError(`line ${i + 1}: ready time ${v[4]} > due date ${v[5]}`, { code: 'E3006', file: fileName, field: 'CUSTOMER' });
    if (inst.x.length >= LIMITS.locations) throw new InputError(`line ${i + 1}: more than ${LIMITS.locations} nodes, the limit for full matrices`, { code: 'E7003', file: fileName, field: 'CUSTOMER' });
    inst.x.push(v[1]);
    inst.y.push(v[2]);
    inst.demand.push(v[3]);
    inst.ready.push(v[4]);
    inst.due.push(v[5]);
    inst.service.push(v[6]);
  }
  if (inst.x.length < 1) throw new InputError('CUSTOMER: no depot row', { code: 'E3001', file: fileName, field: 'CUSTOMER' });
  // a customer that even a vehicle of its own cannot serve in time makes the instance unsolvable
  for (let i = 1; i < inst.x.length; i++) {
    const d = Math.hypot(inst.x[i] - inst.x[0], inst.y[i] - inst.y[0]);
    const start = Math.max(inst.ready[i], inst.ready[0] + d);
    if (start > inst.due[i] + 1e-9 || start + inst.service[i] + d > inst.due[0] + 1e-9) {
      throw new InputError(`customer ${i}: cannot be served in time even by a vehicle of its own (earliest start ${start.toFixed(1)}, due ${inst.due[i]}, back at the depot ${(start + inst.service[i] + d).toFixed(1)} > ${inst.due[0]})`, { code: 'E3009', file: fileName, field: 'CUSTOMER' });
    }
  }
  return inst;
}

/**
 * Euclidean distance between Solomon nodes i and j (unrounded, as in the literature).
 *
 * @example
 * ```ts
 * solomonDistance(parseSolomon(text), 0, 1); // from the depot to customer 1
 * ```
 */
export function solomonDistance(inst: SolomonInstance, i: number, j: number): number {
  return Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]);
}

/**
 * The collection model of a Solomon instance, minimising total distance: times and distances
 * in 1/1000 units; travel times are rounded up (so an integer-feasible route is feasible with
 * exact distances) and costs to the nearest unit. Jobs are customers 1..n in order.
 *
 * @example
 * ```ts
 * const problem = solomonToRouting(parseSolomon(text));
 * const sol = await solveRouting(problem, { timeLimitMs: 10_000 });
 * ```
 */
export function solomonToRouting(inst: SolomonInstance): RoutingProblem {
  const n = inst.x.length;
  const S = SOLOMON_SCALE;
  const durations = new Int32Array(n * n);
  const distances = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = solomonDistance(inst, i, j) * S;
      durations[i * n + j] = Math.ceil(d - 1e-9);
      distances[i * n + j] = Math.round(d);
    }
  }
  return {
    dims: 1,
    size: n,
    matrices: [{ profile: 'car', durations, distances, costs: distances }],
    jobs: Array.from({ length: n - 1 }, (_, k) => {
      const i = k + 1;
      return {
        id: i,
        location: i,
        setup: 0,
        service: inst.service[i] * S,
        pickup: [inst.demand[i]],
        delivery: [0],
        skills: [],
        priority: 0,
        timeWindows: [[inst.ready[i] * S, inst.due[i] * S]],
      };
    }),
    vehicles: Array.from({ length: inst.vehicles }, (_, r) => ({
      id: r,
      profile: 0,
      start: 0,
      end: 0,
      capacity: [inst.capacity],
      skills: [],
      timeWindow: [inst.ready[0] * S, inst.due[0] * S] as [number, number],
      breaks: [],
      costs: { fixed: 0, perHour: 0, perKm: 0 },
      speedFactor: 1,
      facilities: [],
    })),
    facilities: [],
  };
}
