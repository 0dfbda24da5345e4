import type { RoutingProblem } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';
import { LIMITS } from '../errorCodes.js';

/** Largest |x|, |y| of an MTVRPTWR node: distances in tenths stay far below 2^31. */
const MAX_MT_COORD = 10_000_000;
/** Largest MTVRPTWR time: in tenths it stays below 2^31. */
const MAX_MT_TIME = 200_000_000;

/**
 * Reads the VRPLIB multi-trip VRPTW-with-release-dates format of PyVRP's `MTVRPTWR` set
 * (Yang 2023/2024): `DIMENSION`, `VEHICLES`, `CAPACITY`, `SERVICE_TIME`, then
 * `NODE_COORD_SECTION`, `DEMAND_SECTION`, `TIME_WINDOW_SECTION`, `RELEASE_TIME_SECTION`,
 * `VEHICLES_RELOAD_DEPOT_SECTION` and `DEPOT_SECTION`. Distances and times follow the DIMACS
 * convention the best-known solutions use: Euclidean distance truncated to one decimal; in
 * the integer model everything is in tenths (so a cost of 15006 is a distance of 1500.6).
 * Clients are delivered (their goods are on board from the depot); a vehicle may reload at
 * the depot any number of times.
 *
 * @example
 * ```ts
 * const problem = parseMtvrptwr(readFileSync('C201R0.25.vrp', 'utf8'), 'C201R0.25.vrp');
 * problem.vehicles.length; // 8
 * ```
 */
export function parseMtvrptwr(text: string, fileName?: string): RoutingProblem {
  const lines = text.replace(/\r/g, '').split('\n');
  const header = new Map<string, string>();
  const sections = new Map<string, number[][]>();
  let current: number[][] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '') {
      current = undefined; // a blank line ends a section, as the DIMACS checker reads it
      continue;
    }
    if (t === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(t);
    if (kv) {
      if (header.has(kv[1])) throw new InputError(`line ${i + 1}: ${kv[1]} given twice`, { code: 'E3010', file: fileName, field: kv[1] });
      header.set(kv[1], kv[2].trim());
      current = undefined;
      continue;
    }
    if (/^[A-Z_]+_SECTION$/.test(t)) {
      if (sections.has(t)) throw new InputError(`line ${i + 1}: ${t} given twice`, { code: 'E3010', file: fileName, field: t });
      current = [];
      sections.set(t, current);
      continue;
    }
    if (!current) throw new InputError(`line ${i + 1}: data outside a section`, { code: 'E3002', file: fileName });
    const nums = t.split(/\s+/).map(Number);
    if (nums.some((x) => !Number.isFinite(x))) throw new InputError(`line ${i + 1}: expected numbers, got "${t}"`, { code: 'E3002', file: fileName });
    current.push(nums);
  }
  const intHeader = (key: string): number => {
    const v = Number(header.get(key));
    if (!header.has(key) || !Number.isInteger(v) || v <= 0) throw new InputError(`${key}: missing or not a positive integer`, { code: 'E3003', file: fileName, field: key });
    return v;
  };
  const n = intHeader('DIMENSION');
  const vehicles = intHeader('VEHICLES');
  const capacity = intHeader('CAPACITY');
  if (!header.has('SERVICE_TIME')) throw new InputError('missing SERVICE_TIME', { code: 'E3001', file: fileName, field: 'SERVICE_TIME' });
  const service = Number(header.get('SERVICE_TIME'));
  const section = (name: string, width: number): number[][] => {
    const rows = sections.get(name);
    if (!rows) throw new InputError(`missing ${name}`, { code: 'E3001', file: fileName, field: name });
    if (rows.length !== n) throw new InputError(`${name}: expected ${n} rows, got ${rows.length}`, { code: 'E3002', file: fileName, field: name });
    rows.forEach((r, i) => {
      if (r.length < width || r[0] !== i + 1) throw new InputError(`${name}: row ${i + 1} malformed`, { code: 'E3002', file: fileName, field: name });
    });
    return rows;
  };
  if (n > LIMITS.locations) throw new InputError(`DIMENSION: ${n} is above the limit of ${LIMITS.locations} locations for full matrices`, { code: 'E7003', file: fileName, field: 'DIMENSION', value: n });
  if (vehicles > LIMITS.vehicles) throw new InputError(`VEHICLES: ${vehicles} is above the limit of ${LIMITS.vehicles}`, { code: 'E7002', file: fileName, field: 'VEHICLES', value: vehicles });
  if (capacity > LIMITS.amountSum) throw new InputError(`CAPACITY: ${capacity} is above ${LIMITS.amountSum}`, { code: 'E7004', file: fileName, field: 'CAPACITY', value: capacity });
  if (!(service >= 0 && service <= MAX_MT_TIME)) throw new InputError(`SERVICE_TIME: expected a number from 0 to ${MAX_MT_TIME}, got ${header.get('SERVICE_TIME')}`, { code: 'E3003', file: fileName, field: 'SERVICE_TIME' });
  const coords = section('NODE_COORD_SECTION', 3);
  const demand = section('DEMAND_SECTION', 2);
  const tws = section('TIME_WINDOW_SECTION', 3);
  const release = sections.has('RELEASE_TIME_SECTION') ? section('RELEASE_TIME_SECTION', 2) : undefined;
  coords.forEach((r, i) => {
    if (Math.abs(r[1]) > MAX_MT_COORD || Math.abs(r[2]) > MAX_MT_COORD) {
      throw new InputError(`NODE_COORD_SECTION: node ${i + 1} at (${r[1]}, ${r[2]}) is beyond ±${MAX_MT_COORD}: distances would not fit 32 bits`, { code: 'E7006', file: fileName, field: 'NODE_COORD_SECTION' });
    }
  });
  demand.forEach((r, i) => {
    if (!Number.isInteger(r[1]) || r[1] < 0) throw new InputError(`DEMAND_SECTION: demand ${r[1]} of node ${i + 1} must be a non-negative integer`, { code: 'E3003', file: fileName, field: 'DEMAND_SECTION', value: r[1] });
  });
  tws.forEach((r, i) => {
    if (r[1] < 0 || r[2] > MAX_MT_TIME) throw new InputError(`TIME_WINDOW_SECTION: window [${r[1]}, ${r[2]}] of node ${i + 1} is outside 0 … ${MAX_MT_TIME}`, { code: 'E7005', file: fileName, field: 'TIME_WINDOW_SECTION' });
    if (r[1] > r[2]) throw new InputError(`TIME_WINDOW_SECTION: window of node ${i + 1} starts at ${r[1]}, after its end ${r[2]}`, { code: 'E3006', file: fileName, field: 'TIME_WINDOW_SECTION' });
  });
  release?.forEach((r, i) => {
    if (!(r[1] >= 0 && r[1] <= MAX_MT_TIME)) throw new InputError(`RELEASE_TIME_SECTION: release ${r[1]} of node ${i + 1} is outside 0 … ${MAX_MT_TIME}`, { code: 'E7005', file: fileName, field: 'RELEASE_TIME_SECTION' });
  });
  const depots = sections.get('DEPOT_SECTION')?.flat().filter((x) => x !== -1) ?? [1];
  if (depots.length !== 1 || depots[0] !== 1) throw new InputError('DEPOT_SECTION: only node 1 as the single depot is supported', { code: 'E3007', file: fileName, field: 'DEPOT_SECTION' });
  const distances = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      distances[i * n + j] = Math.floor(10 * Math.hypot(coords[i][1] - coords[j][1], coords[i][2] - coords[j][2]) + 1e-9);
    }
  }
  // times in tenths, rounded as the DIMACS checker reads them
  const tenths = (x: number) => Math.round(x * 10);
  const horizon: [number, number] = [tenths(tws[0][1]), tenths(tws[0][2])];
  return {
    dims: 1,
    size: n,
    matrices: [{ profile: 'car', durations: distances, distances, costs: distances }],
    jobs: Array.from({ length: n - 1 }, (_, k) => {
      const i = k + 1;
      if (demand[i][1] > capacity) throw new InputError(`DEMAND_SECTION: demand ${demand[i][1]} of node ${i + 1} exceeds the capacity ${capacity}`, { code: 'E3005', file: fileName, field: 'DEMAND_SECTION' });
      return {
        id: i,
        location: i,
        setup: 0,
        service: Math.round(service * 10),
        pickup: [0],
        delivery: [demand[i][1]],
        skills: [],
        priority: 0,
        timeWindows: [[tenths(tws[i][1]), tenths(tws[i][2])]],
        release: release ? tenths(release[i][1]) : 0,
      };
    }),
    vehicles: Array.from({ length: vehicles }, (_, r) => ({
      id: r + 1,
      profile: 0,
      start: 0,
      end: 0,
      capacity: [capacity],
      skills: [],
      timeWindow: horizon,
      breaks: [],
      costs: { fixed: 0, perHour: 0, perKm: 0 },
      speedFactor: 1,
      facilities: [0],
    })),
    facilities: [{ id: 0, location: 0, setup: 0, service: 0, timeWindows: [horizon] }],
  };
}
