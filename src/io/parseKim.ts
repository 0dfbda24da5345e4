// Reader for the Kim, Kim & Sahoo (2006) waste-collection VRPTW instances (`NNN_stop.txt`,
// the shared `wcvrptw` set): one depot, regular stops, disposal sites, a lunch break.
import type { RoutingBreak, RoutingProblem, TimeWindow } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';
import { LIMITS, type ErrorCode } from '../errorCodes.js';
import { parseIntStrict, parseRealStrict, quote, tokenize } from './tokens.js';

/** Feet per mile. */
export const FEET_PER_MILE = 5280;
/** Metres per foot (international foot). */
export const METRES_PER_FOOT = 0.3048;
/** The lunch break must start between these times (seconds after midnight): 11:00–12:00. */
export const KIM_LUNCH_WINDOW: TimeWindow = [11 * 3600, 12 * 3600];
/** Fixed cost per used vehicle in the Kim model (in feet of the cost matrix): vehicles first. */
export const KIM_VEHICLE_FIXED_COST = 100_000_000;

/** One row of a Kim instance (row order kept). */
export interface KimStop {
  /** `Stop_ID` as written (not necessarily the row number, quirk 3). */
  id: number;
  /** Coordinates in feet. */
  x: number;
  y: number;
  /** Earliest / latest service start, seconds after midnight. */
  early: number;
  late: number;
  /** Service (for a disposal site: unloading) time in seconds. */
  service: number;
  /** Load in hundredths of a cubic yard (the depot and disposal rows' dummy 9999 is kept as read). */
  load: number;
  /** 0 depot, 1 regular stop, 2 disposal facility. */
  type: 0 | 1 | 2;
}

/** A Kim instance as read, in the file's units except where noted. */
export interface KimInstance {
  name: string;
  /** Vehicle capacity, hundredths of a cubic yard. */
  capacity: number;
  /** Most a vehicle may collect per day over all trips, hundredths of a cubic yard. */
  routeCapacity: number;
  /** Most regular stops per vehicle per day. */
  maxStops: number;
  /** Lunch duration, seconds. */
  lunch: number;
  /** Speed for the travel times, miles per hour. */
  mph: number;
  /** All rows in file order. */
  stops: KimStop[];
  /** Row index of the depot (the `Stop_Type 0` row). */
  depot: number;
  /** Row indices of the regular stops, in file order (job k of the model is `jobs[k]`). */
  jobs: number[];
  /** Row indices of the disposal sites, in file order (facility k of the model). */
  facilities: number[];
  /**
   * Fields that were not valid HHMM (minutes ≥ 60) and were read as decimal hours instead,
   * e.g. `"row 1484 (stop 1477): Early_St_Time 875 read as 8.75 h = 08:45"`.
   */
  notes: string[];
}

/** Options of {@link kimToRouting}. */
export interface KimModelOptions {
  /** Number of identical vehicles; default {@link kimFleetSize}. */
  vehicles?: number;
}

/**
 * Reads an HHMM time (not necessarily zero-padded: `0`, `600`, `0400`, `2400`) into seconds after
 * midnight. A value whose minutes are ≥ 60 is not HHMM; it is read as decimal hours (`875` →
 * 8.75 h = 08:45), as the shared wcvrptw README suggests, and `note` is called.
 *
 * @example
 * ```ts
 * hhmmToSeconds(430);  // 16200 (04:30)
 * hhmmToSeconds(2400); // 86400
 * hhmmToSeconds(875, (m) => console.log(m)); // 31500 (08:45), logs a note
 * ```
 */
export function hhmmToSeconds(v: number, note?: (message: string) => void): number {
  const h = Math.floor(v / 100);
  const m = v % 100;
  if (m < 60) return h * 3600 + m * 60;
  const seconds = Math.round((v / 100) * 3600);
  note?.(`${v} read as ${v / 100} h = ${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}`);
  return seconds;
}

/**
 * Parses a Kim et al. (2006) `NNN_stop.txt` file: five header lines (vehicle capacity in yards,
 * route yards per day, max stops per day, lunch seconds, mph; each may be followed by a
 * `//` comment after tabs or spaces), a column header line, then one row per stop
 * (`Stop_ID X Y Early Late Service Load Stop_Type`, any whitespace, trailing tabs ignored).
 * Handles the quirks listed in the wcvrptw README: HHMM without zero padding, the invalid
 * HHMM values (minutes ≥ 60, read as decimal hours and listed in `notes`), arbitrary stop ids
 * (rows are re-indexed, the depot is the `Stop_Type 0` row), zero loads, per-site windows and
 * unloading times, commented header lines.
 *
 * @throws InputError naming the line and field at fault.
 * @example
 * ```ts
 * const inst = parseKimInstance(readFileSync('102_stop.txt', 'utf8'), '102_stop.txt');
 * inst.jobs.length;       // 99
 * inst.facilities.length; // 2
 * ```
 */
export function parseKimInstance(text: string, fileName?: string): KimInstance {
  const lines = text.replace(/\r/g, '').split('\n');
  if (typeof text !== 'string') throw new InputError('parseKimInstance: text must be a string', { code: 'E0006', file: fileName, value: typeof text });
  const fail = (line: number, field: string, msg: string, code: ErrorCode): never => {
    throw new InputError(`line ${line}: ${field}: ${msg}`, { code, file: fileName, field });
  };
  const headerNames = ['vehicle capacity', 'route capacity', 'max stops', 'lunch duration', 'speed'];
  const header: number[] = [];
  for (let i = 0; i < 5; i++) {
    const raw = (lines[i] ?? '').split('//')[0];
    const tok = tokenize(raw);
    const v = tok.length === 1 ? parseRealStrict(tok[0]) : undefined;
    if (v === undefined || v <= 0) fail(i + 1, headerNames[i], `expected one positive number, got ${quote(raw.trim())}`, 'E3001');
    header.push(v!);
  }
  const [capYd, routeYd, maxStops, lunch, mph] = header;
  if (!Number.isInteger(maxStops)) fail(3, 'max stops', `expected an integer, got ${maxStops}`, 'E3003');
  if (!Number.isInteger(lunch)) fail(4, 'lunch duration', `expected whole seconds, got ${lunch}`, 'E3003');
  if (!/^\s*Stop_ID\b/i.test(lines[5] ?? '')) fail(6, 'header', `expected the column header starting with Stop_ID, got ${quote((lines[5] ?? '').trim())}`, 'E3001');

  const name = (fileName ?? 'kim').replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  const inst: KimInstance = {
    name,
    capacity: Math.round(capYd * 100),
    routeCapacity: Math.round(routeYd * 100),
    maxStops,
    lunch,
    mph,
    stops: [],
    depot: -1,
    jobs: [],
    facilities: [],
    notes: [],
  };
  const fields = ['Stop_ID', 'X', 'Y', 'Early_St_Time', 'Late_St_Time', 'Svice_Time', 'Load', 'Stop_Type'];
  const ids = new Map<number, number>();
  for (let i = 6; i < lines.length; i++) {
    const tok = tokenize(lines[i]);
    if (tok.length === 0) continue;
    const line = i + 1;
    if (tok.length !== 8) fail(line, 'stop row', `expected 8 fields (${fields.join(' ')}), got ${tok.length}`, 'E3002');
    const num = tok.map((t, k) => {
      const v = parseRealStrict(t);
      if (v === undefined) fail(line, fields[k], `not a number: ${quote(t)}`, 'E3002');
      return v!;
    });
    const [id, x, y, earlyRaw, lateRaw, service, loadYd, type] = num;
    for (const [k, v] of [[0, id], [3, earlyRaw], [4, lateRaw], [7, type]] as const) {
      if (parseIntStrict(tok[k]) === undefined) fail(line, fields[k], `expected an integer, got ${quote(tok[k])}`, 'E3003');
      if (v < 0) fail(line, fields[k], `negative (${v})`, 'E3003');
    }
    if (type !== 0 && type !== 1 && type !== 2) fail(line, 'Stop_Type', `expected 0 (depot), 1 (stop) or 2 (disposal site), got ${type}`, 'E3003');
    if (service < 0 || !Number.isInteger(service)) fail(line, 'Svice_Time', `expected whole non-negative seconds, got ${tok[5]}`, 'E3003');
    if (loadYd < 0) fail(line, 'Load', `negative (${loadYd})`, 'E3003');
    const load = Math.round(loadYd * 100);
    if (Math.abs(load - loadYd * 100) > 1e-6) fail(line, 'Load', `${tok[6]} has more than two decimals`, 'E3003');
    if (ids.has(id)) fail(line, 'Stop_ID', `${id} repeats the id of line ${ids.get(id)}`, 'E3004');
    ids.set(id, line);
    const row = inst.stops.length;
    if (row >= LIMITS.locations) fail(line, 'Stop_ID', `more than ${LIMITS.locations} stops, the limit for full matrices`, 'E7003');
    const time = (k: 3 | 4, v: number) => {
      if (v > 2400 + 0) fail(line, fields[k], `${v} is past 2400`, 'E3006');
      return hhmmToSeconds(v, (m) => inst.notes.push(`line ${line} (stop ${id}): ${fields[k]} ${tok[k]}: ${m}`));
    };
    const early = time(3, earlyRaw);
    const late = time(4, lateRaw);
    if (early > late) fail(line, 'Early_St_Time', `${tok[3]} is after Late_St_Time ${tok[4]}`, 'E3006');
    inst.stops.push({ id, x, y, early, late, service, load, type: type as 0 | 1 | 2 });
    if (type === 0) {
      if (inst.depot >= 0) fail(line, 'Stop_Type', `a second depot (the first is stop ${inst.stops[inst.depot].id})`, 'E3007');
      inst.depot = row;
    } else if (type === 1) {
      if (load > inst.capacity) fail(line, 'Load', `${loadYd} yd exceeds the vehicle capacity ${capYd} yd`, 'E3005');
      if (load > inst.routeCapacity) fail(line, 'Load', `${loadYd} yd exceeds the route capacity ${routeYd} yd`, 'E3005');
      inst.jobs.push(row);
    } else inst.facilities.push(row);
  }
  if (inst.depot < 0) throw new InputError('no depot row (Stop_Type 0)', { code: 'E3008', file: fileName, field: 'Stop_Type' });
  if (inst.jobs.length === 0) throw new InputError('no regular stops (Stop_Type 1)', { code: 'E3008', file: fileName, field: 'Stop_Type' });
  if (inst.facilities.length === 0) throw new InputError('no disposal site (Stop_Type 2): vehicles must return empty', { code: 'E3008', file: fileName, field: 'Stop_Type' });
  return inst;
}

/**
 * Manhattan distance in feet between rows `a` and `b`, exact (unrounded).
 *
 * @example
 * ```ts
 * kimFeet(parseKimInstance(text, '102_stop.txt'), 0, 5); // feet from the depot to row 5
 * ```
 */
export function kimFeet(inst: KimInstance, a: number, b: number): number {
  const p = inst.stops[a];
  const q = inst.stops[b];
  return Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
}

/**
 * Travel time in whole seconds between rows `a` and `b`: feet / 5280 / mph × 3600, rounded.
 *
 * @example
 * ```ts
 * kimSeconds(inst, 0, 5); // seconds from the depot to row 5 at the instance's speed
 * ```
 */
export function kimSeconds(inst: KimInstance, a: number, b: number): number {
  return Math.round((kimFeet(inst, a, b) / FEET_PER_MILE / inst.mph) * 3600);
}

/**
 * The README's trivial lower bound on the number of vehicles: the most of ⌈total load / route
 * capacity⌉, ⌈stops / max stops⌉ and ⌈total service / (depot hours − lunch)⌉.
 *
 * @example
 * ```ts
 * kimVehicleLowerBound(parseKimInstance(text102, '102_stop.txt')); // 3
 * ```
 */
export function kimVehicleLowerBound(inst: KimInstance): number {
  let load = 0;
  let service = 0;
  for (const r of inst.jobs) {
    load += inst.stops[r].load;
    service += inst.stops[r].service;
  }
  const d = inst.stops[inst.depot];
  const day = d.late - d.early - inst.lunch;
  return Math.max(
    1,
    Math.ceil(load / inst.routeCapacity),
    Math.ceil(inst.jobs.length / inst.maxStops),
    day > 0 ? Math.ceil(service / day) : inst.jobs.length,
  );
}

/**
 * A lower bound on the vehicles that also counts travel: the working time every solution needs
 * (all service times, for each stop the shortest way into it, and ⌈total load / capacity⌉
 * unloads each with the shortest way into a disposal site and the shortest unloading) divided by
 * the depot hours less lunch; at least {@link kimVehicleLowerBound}.
 *
 * @example
 * ```ts
 * kimTravelLowerBound(parseKimInstance(text2100, '2100_stop.txt')); // > kimVehicleLowerBound(…)
 * ```
 */
export function kimTravelLowerBound(inst: KimInstance): number {
  const rows = inst.stops.length;
  let work = 0;
  let load = 0;
  for (const j of inst.jobs) {
    let best = Infinity;
    for (let a = 0; a < rows; a++) if (a !== j) best = Math.min(best, kimSeconds(inst, a, j));
    work += inst.stops[j].service + best;
    load += inst.stops[j].load;
  }
  let unload = Infinity;
  for (const f of inst.facilities) {
    for (const j of inst.jobs) unload = Math.min(unload, kimSeconds(inst, j, f) + inst.stops[f].service);
  }
  work += Math.ceil(load / inst.capacity) * unload;
  const d = inst.stops[inst.depot];
  const day = d.late - d.early - inst.lunch;
  return Math.max(kimVehicleLowerBound(inst), day > 0 ? Math.ceil(work / day) : inst.jobs.length);
}

/**
 * The default fleet of {@link kimToRouting}: max(2 × {@link kimTravelLowerBound}, 10) identical
 * vehicles, but never more than the number of regular stops. The fixed cost per vehicle makes
 * the solver use as few of them as it can; the rest stay unused.
 *
 * @example
 * ```ts
 * kimFleetSize(parseKimInstance(text102, '102_stop.txt')); // 10
 * ```
 */
export function kimFleetSize(inst: KimInstance): number {
  return Math.min(inst.jobs.length, Math.max(2 * kimTravelLowerBound(inst), 10));
}

/**
 * The collection model of a Kim instance. Locations are the file's rows. Regular stops are jobs
 * (`id` = Stop_ID, `pickup` = load in hundredths of a yard, their window and service time);
 * disposal sites are facilities (their window, `service` = unloading time). Every vehicle starts
 * and ends at the depot within its hours, has capacity = vehicle yards and `routeCapacity` =
 * route yards per day (hundredths), `maxTasks` = max stops per day, may unload at every site,
 * must return empty (`returnEmpty`), and takes a lunch break (`service` = lunch seconds,
 * starting 11:00–12:00). Objective: vehicles first, then distance, through a custom cost matrix
 * in feet (Manhattan, rounded) and a fixed cost of {@link KIM_VEHICLE_FIXED_COST} per used
 * vehicle (10⁸ ft ≈ 18 900 mi, far above any instance's total distance). Durations are
 * feet / 5280 / mph × 3600 s, rounded per arc; distances are metres (feet × 0.3048, rounded).
 *
 * @throws InputError if a distance in feet does not fit a 32-bit matrix entry.
 * @example
 * ```ts
 * const problem = kimToRouting(parseKimInstance(text, '102_stop.txt'));
 * const solution = await solveRouting(problem, { maxIterations: 2000, seed: 1 });
 * ```
 */
export function kimToRouting(inst: KimInstance, options: KimModelOptions = {}): RoutingProblem {
  const n = inst.stops.length;
  const durations = new Int32Array(n * n);
  const distances = new Int32Array(n * n);
  const costs = new Int32Array(n * n);
  const MAX = 2 ** 31 - 1;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const ft = Math.round(kimFeet(inst, a, b));
      if (ft > MAX / 8) {
        // keeps route sums of a few hundred arcs far from overflow in any 32-bit consumer
        throw new InputError(`rows ${a + 7} and ${b + 7} are ${ft} ft apart, too far for the matrices`, { code: 'E7006', file: inst.name, field: 'X' });
      }
      costs[a * n + b] = ft;
      distances[a * n + b] = Math.round(ft * METRES_PER_FOOT);
      durations[a * n + b] = kimSeconds(inst, a, b);
    }
  }
  const vehicles = options.vehicles ?? kimFleetSize(inst);
  if (!Number.isInteger(vehicles) || vehicles < 1) throw new InputError(`vehicles: expected a positive integer, got ${vehicles}`, { code: 'E3003', file: inst.name, field: 'vehicles' });
  const depot = inst.stops[inst.depot];
  const lunch: RoutingBreak = { id: 1, description: 'lunch', service: inst.lunch, timeWindows: [[...KIM_LUNCH_WINDOW]] };
  const facilityIdx = inst.facilities.map((_, k) => k);
  return {
    dims: 1,
    size: n,
    matrices: [{ profile: 'truck', durations, distances, costs }],
    jobs: inst.jobs.map((row) => {
      const s = inst.stops[row];
      return {
        id: s.id,
        location: row,
        setup: 0,
        service: s.service,
        pickup: [s.load],
        delivery: [0],
        skills: [],
        priority: 0,
        timeWindows: [[s.early, s.late]],
      };
    }),
    vehicles: Array.from({ length: vehicles }, (_, r) => ({
      id: r + 1,
      profile: 0,
      start: inst.depot,
      end: inst.depot,
      capacity: [inst.capacity],
      skills: [],
      timeWindow: [depot.early, depot.late] as TimeWindow,
      breaks: [{ ...lunch, timeWindows: [[...KIM_LUNCH_WINDOW]] }],
      maxTasks: inst.maxStops,
      costs: { fixed: KIM_VEHICLE_FIXED_COST, perHour: 0, perKm: 0 },
      speedFactor: 1,
      facilities: [...facilityIdx],
      routeCapacity: [inst.routeCapacity],
      returnEmpty: true,
    })),
    facilities: inst.facilities.map((row) => {
      const s = inst.stops[row];
      return { id: s.id, description: 'disposal site', location: row, setup: 0, service: s.service, timeWindows: [[s.early, s.late]] };
    }),
  };
}

/**
 * Parses a Kim `NNN_stop.txt` file straight into the collection model:
 * `kimToRouting(parseKimInstance(text, fileName), options)`.
 *
 * @example
 * ```ts
 * const problem = parseKim(readFileSync('102_stop.txt', 'utf8'), '102_stop.txt');
 * problem.jobs.length;       // 99
 * problem.facilities.length; // 2
 * ```
 */
export function parseKim(text: string, fileName?: string, options: KimModelOptions = {}): RoutingProblem {
  return kimToRouting(parseKimInstance(text, fileName), options);
}
