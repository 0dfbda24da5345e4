import { InputError, ProblemCollector } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { LIMITS } from '../errorCodes.js';
import { checkJsonDepth } from '../common/checkJsonDepth.js';
import type {
  RoutingBreak,
  RoutingFacility,
  RoutingJob,
  RoutingMatrices,
  RoutingProblem,
  RoutingVehicle,
  TimeWindow,
} from '../model/RoutingProblem.js';
import { GEO_ARCS_ABOVE, MAX_LOCATIONS, NO_LIMIT } from '../core/coreInput.js';
import { haversineMatrices } from './haversineMatrices.js';
import { geoMatrices, type GeoMatrixOptions } from './geoMatrices.js';

const MAX_TIME = 2_147_483_647;
const MAX_U32 = 4_294_967_295;
const DEFAULT_PROFILE = 'car';

type Obj = Record<string, unknown>;

function fail(path: string, message: string, code: ErrorCode, value?: unknown): never {
  throw new InputError(`${path}: ${message}`, { code, field: path, value });
}

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'undefined';
  let s: string;
  try {
    s = JSON.stringify(v) ?? typeof v;
  } catch {
    s = typeof v === 'bigint' ? `${v}n` : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) fail(path, `expected an object, got ${show(v)}`, v === undefined ? 'E1005' : 'E1001', v);
  return v;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected an array, got ${show(v)}`, v === undefined ? 'E1005' : 'E1001', v);
  return v;
}

function int(v: unknown, path: string, max = MAX_TIME, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, `${show(v)} is not an integer`, v === undefined ? 'E1005' : 'E1002', v);
  if (v < min) fail(path, min === 0 ? `${v} is negative` : `${v} is below ${min}`, min === 0 ? 'E1003' : 'E1004', v);
  if (v > max) fail(path, `${v} exceeds ${max}`, max === MAX_TIME ? 'E7005' : 'E1004', v);
  return v;
}

function optInt(o: Obj, key: string, path: string, dflt: number, max = MAX_TIME): number {
  return o[key] === undefined ? dflt : int(o[key], `${path}.${key}`, max);
}

function id(v: unknown, path: string): number {
  if (v === undefined) fail(path, 'missing id', 'E1005');
  return int(v, path, Number.MAX_SAFE_INTEGER);
}

function str(v: unknown, path: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') fail(path, `expected a string, got ${show(v)}`, 'E1001', v);
  return v;
}

function intArray(v: unknown, path: string, max = MAX_TIME): number[] {
  return arr(v, path).map((x, i) => int(x, `${path}[${i}]`, max));
}

function skills(v: unknown, path: string): number[] {
  if (v === undefined) return [];
  return [...new Set(intArray(v, path, MAX_U32))].sort((a, b) => a - b);
}

function timeWindow(v: unknown, path: string): TimeWindow {
  const a = arr(v, path);
  if (a.length !== 2) fail(path, `expected [start, end], got ${show(v)}`, 'E1009', v);
  const start = int(a[0], `${path}[0]`);
  const end = int(a[1], `${path}[1]`);
  if (start > end) fail(path, `start ${start} > end ${end}`, 'E1009', v);
  return [start, end];
}

/** Parses, sorts and merges overlapping windows (a union of intervals is the same constraint). */
function timeWindows(v: unknown, path: string): TimeWindow[] {
  if (v === undefined) return [];
  const list = arr(v, path);
  if (list.length === 0) fail(path, 'empty list (omit the key for "any time")', 'E1009', v);
  const tws = list.map((w, i) => timeWindow(w, `${path}[${i}]`)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: TimeWindow[] = [];
  for (const w of tws) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 1) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

function coordinates(v: unknown, path: string): [number, number] {
  const a = arr(v, path);
  if (a.length !== 2) fail(path, `expected [lon, lat], got ${show(v)}`, 'E1012', v);
  const [lon, lat] = a;
  if (typeof lon !== 'number' || !Number.isFinite(lon)) fail(`${path}[0]`, `longitude ${show(lon)} is not a finite number`, 'E1012', lon);
  if (typeof lat !== 'number' || !Number.isFinite(lat)) fail(`${path}[1]`, `latitude ${show(lat)} is not a finite number`, 'E1012', lat);
  if (lon < -180 || lon > 180) fail(`${path}[0]`, `longitude ${lon} is outside [-180, 180]`, 'E1012', lon);
  if (lat < -90 || lat > 90) fail(`${path}[1]`, `latitude ${lat} is outside [-90, 90]`, 'E1012', lat);
  return [lon, lat];
}

function rejectKeys(o: Obj, path: string, keys: Record<string, string>): void {
  for (const [k, why] of Object.entries(keys)) if (o[k] !== undefined) fail(`${path}.${k}`, why, 'E1011');
}

/** Amount arrays: all must have the same number of dimensions. */
class Dims {
  n: number | undefined;
  from = '';
  check(v: unknown, path: string): number[] {
    const a = intArray(v, path);
    if (this.n === undefined) {
      this.n = a.length;
      this.from = path;
    } else if (a.length !== this.n) {
      fail(path, `${a.length} dimension(s), but ${this.from} has ${this.n}`, 'E1010', v);
    }
    return a;
  }
}

/** A place given by coordinates and/or a matrix index, resolved once the mode is known. */
interface PlaceRef {
  /** The object holding the place, e.g. `jobs[3]`. */
  path: string;
  /** Its index key, e.g. `location_index` or `start_index`. */
  indexKey: string;
  coords?: [number, number];
  index?: number;
}

function placeRef(o: Obj, coordKey: string, indexKey: string, path: string): PlaceRef | undefined {
  const coords = o[coordKey] === undefined ? undefined : coordinates(o[coordKey], `${path}.${coordKey}`);
  const index = o[indexKey] === undefined ? undefined : int(o[indexKey], `${path}.${indexKey}`, MAX_TIME);
  if (coords === undefined && index === undefined) return undefined;
  return { path, indexKey, coords, index };
}

function parseMatrix(v: unknown, path: string, size: number | undefined): Int32Array {
  const rows = arr(v, path);
  const m = size ?? rows.length;
  if (rows.length !== m) fail(path, `${rows.length} rows, expected ${m} (the size of the other matrices)`, 'E1008');
  const out = new Int32Array(m * m);
  rows.forEach((row, i) => {
    const r = arr(row, `${path}[${i}]`);
    if (r.length !== m) fail(`${path}[${i}]`, `row has ${r.length} entries, expected ${m} (matrices must be square)`, 'E1008');
    r.forEach((x, j) => {
      if (x === null) {
        out[i * m + j] = NO_LIMIT;
        return;
      }
      const value = int(x, `${path}[${i}][${j}]`, Number.MAX_SAFE_INTEGER);
      out[i * m + j] = Math.min(value, NO_LIMIT);
    });
  });
  return out;
}

interface ParsedMatrices {
  size: number;
  byProfile: Map<string, { durations: Int32Array; distances: Int32Array; costs?: Int32Array }>;
}

/**
 * The `arcs` extension: `matrices.<profile>.arcs = { detour, speed }` (speed in km/h) for every
 * profile, instead of matrices: arcs are computed from the coordinates (docs/format.md).
 */
function parseArcs(v: Obj, profiles: readonly string[], vehicles: readonly Obj[]): GeoMatrixOptions {
  const detours: Record<string, number> = {};
  const speedsKmh: Record<string, number> = {};
  for (const profile of profiles) {
    const path = `matrices.${profile}`;
    if (v[profile] === undefined) {
      const vi = vehicles.findIndex((w) => (w.profile ?? 'car') === profile);
      fail(`vehicles[${vi}].profile`, `no matrices.${profile}.arcs, while computed arcs are given for ${Object.keys(v).join(', ')}`, 'E1007', profile);
    }
    const m = obj(v[profile], path);
    for (const key of Object.keys(m)) if (key !== 'arcs') fail(`${path}.${key}`, 'not allowed beside arcs (computed arcs replace the matrices)', 'E1014');
    const a = obj(m.arcs, `${path}.arcs`);
    const num = (key: string, lo: number, hi: number): number => {
      const x = a[key];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi) fail(`${path}.arcs.${key}`, `expected a number from ${lo} to ${hi}, got ${show(x)}`, 'E1004', x);
      return x as number;
    };
    detours[profile] = num('detour', 1, 10);
    speedsKmh[profile] = num('speed', 1, 200);
  }
  return { detours, speedsKmh };
}

function parseMatrices(v: Obj): ParsedMatrices {
  let size: number | undefined;
  let sizeFrom = '';
  const byProfile: ParsedMatrices['byProfile'] = new Map();
  for (const [profile, raw] of Object.entries(v)) {
    const path = /^[A-Za-z_][\w-]*$/.test(profile) ? `matrices.${profile}` : `matrices[${JSON.stringify(profile)}]`;
    const m = obj(raw, path);
    if (m.durations === undefined) fail(`${path}.durations`, 'missing (binroute needs durations for every profile)', 'E1005');
    for (const key of ['durations', 'distances', 'costs'] as const) {
      if (m[key] === undefined) continue;
      const rows = arr(m[key], `${path}.${key}`);
      if (rows.length > MAX_LOCATIONS) fail(`${path}.${key}`, `${rows.length}×${rows.length}, above the ${MAX_LOCATIONS} locations binroute can hold in full matrices`, 'E7003', rows.length);
      if (size === undefined) {
        size = rows.length;
        sizeFrom = `${path}.${key}`;
      } else if (rows.length !== size) {
        fail(`${path}.${key}`, `${rows.length}×${rows.length}, but ${sizeFrom} is ${size}×${size}`, 'E1008', rows.length);
      }
    }
    const durations = parseMatrix(m.durations, `${path}.durations`, size);
    const distances =
      m.distances === undefined ? new Int32Array(durations.length) : parseMatrix(m.distances, `${path}.distances`, size);
    const costs = m.costs === undefined ? undefined : parseMatrix(m.costs, `${path}.costs`, size);
    byProfile.set(profile, { durations, distances, costs });
  }
  return { size: size ?? 0, byProfile };
}

/**
 * Converts a VROOM JSON problem (with binroute's extensions `facilities`, `max_reloads`,
 * `prize`) into the normalised {@link RoutingProblem}. Without `matrices`, locations are
 * deduplicated by exact coordinates and the matrices come from {@link haversineMatrices}.
 * Every rule is in docs/format.md.
 *
 * @throws InputError whose message starts with the offending field path, e.g.
 *   `jobs[12].time_windows[0]: start 3600 > end 1800`.
 * @example
 * ```ts
 * const problem = fromVroom({
 *   vehicles: [{ id: 1, profile: 'bike', start: [127.044, 37.547], end: [127.044, 37.547], capacity: [40] }],
 *   jobs: [{ id: 7, location: [127.056, 37.544], pickup: [12], service: 120 }],
 * });
 * problem.size; // 2 (start and end share one location)
 * ```
 */
export function fromVroom(json: unknown): RoutingProblem {
  checkJsonDepth(json, 'input');
  const root = obj(json, 'input');
  if (root.matrix !== undefined) fail('matrix', 'the deprecated top-level matrix is not supported; use matrices.<profile>.durations', 'E1011');
  if (root.shipments !== undefined && arr(root.shipments, 'shipments').length > 0) {
    fail('shipments', 'not supported (binroute has no pickup-and-delivery pairs); model each stop as a job', 'E1011');
  }
  if (root.vehicles === undefined) fail('vehicles', 'missing', 'E1005');
  const rawVehicles = arr(root.vehicles, 'vehicles');
  if (rawVehicles.length === 0) fail('vehicles', 'no vehicles', 'E1013', []);
  const rawJobs = root.jobs === undefined ? [] : arr(root.jobs, 'jobs');
  const rawFacilities = root.facilities === undefined ? [] : arr(root.facilities, 'facilities');
  if (rawJobs.length > LIMITS.jobs) fail('jobs', `${rawJobs.length} jobs, above the limit of ${LIMITS.jobs}`, 'E7001', rawJobs.length);
  if (rawVehicles.length > LIMITS.vehicles) fail('vehicles', `${rawVehicles.length} vehicles, above the limit of ${LIMITS.vehicles}`, 'E7002', rawVehicles.length);
  if (rawFacilities.length > LIMITS.facilities) fail('facilities', `${rawFacilities.length} facilities, above the limit of ${LIMITS.facilities}`, 'E7007', rawFacilities.length);
  // vehicles, facilities and jobs are read independently: every bad one is reported (up to a cap)
  const problems = new ProblemCollector();
  const matricesObj = root.matrices === undefined ? undefined : obj(root.matrices, 'matrices');
  // binroute extension: `matrices.<profile>.arcs` = computed arcs from the coordinates
  const arcsGiven = matricesObj !== undefined && Object.values(matricesObj).some((m) => typeof m === 'object' && m !== null && 'arcs' in m);
  const matrixMode = !arcsGiven && matricesObj !== undefined && Object.keys(matricesObj).length > 0;

  const dims = new Dims();
  const places: PlaceRef[] = [];
  const place = (ref: PlaceRef | undefined, path: string, required: boolean): number => {
    if (ref === undefined) {
      if (required) fail(path, 'needs location or location_index', 'E1005');
      return -1;
    }
    places.push(ref);
    return places.length - 1;
  };

  // --- vehicles (places first, so the vehicles' depots get the smallest location indices)
  const vehicleIds = new Set<number>();
  const profileNames: string[] = [];
  const parsedVehicles = rawVehicles.map((raw, vi) => problems.attempt(() => {
    const path = `vehicles[${vi}]`;
    const v = obj(raw, path);
    rejectKeys(v, path, { steps: 'not supported (initial or fixed routes)' });
    const vid = id(v.id, `${path}.id`);
    if (vehicleIds.has(vid)) fail(`${path}.id`, `duplicate vehicle id ${vid}`, 'E1006', vid);
    vehicleIds.add(vid);
    const profile = str(v.profile, `${path}.profile`) ?? DEFAULT_PROFILE;
    if (!profileNames.includes(profile)) profileNames.push(profile);
    const start = placeRef(v, 'start', 'start_index', path);
    const end = placeRef(v, 'end', 'end_index', path);
    if (!start && !end) fail(path, 'needs a start or an end (start, start_index, end or end_index)', 'E1005');
    const startPlace = place(start, path, false);
    const endPlace = place(end, path, false);
    const capacity = v.capacity === undefined ? undefined : dims.check(v.capacity, `${path}.capacity`);
    const costsObj = v.costs === undefined ? {} : obj(v.costs, `${path}.costs`);
    if (costsObj.per_task_hour !== undefined && int(costsObj.per_task_hour, `${path}.costs.per_task_hour`) !== 0) {
      fail(`${path}.costs.per_task_hour`, 'not supported (only 0)', 'E1011', costsObj.per_task_hour);
    }
    let speedFactor = 1;
    if (v.speed_factor !== undefined) {
      const sf = v.speed_factor;
      if (typeof sf !== 'number' || !Number.isFinite(sf) || sf <= 0 || sf > 5) {
        fail(`${path}.speed_factor`, `${show(sf)} is not in (0, 5]`, 'E1004', sf);
      }
      speedFactor = sf;
    }
    const breakIds = new Set<number>();
    const breaks = (v.breaks === undefined ? [] : arr(v.breaks, `${path}.breaks`)).map((rb, bi) => {
      const bpath = `${path}.breaks[${bi}]`;
      const b = obj(rb, bpath);
      const bid = id(b.id, `${bpath}.id`);
      if (breakIds.has(bid)) fail(`${bpath}.id`, `duplicate break id ${bid} in this vehicle`, 'E1006', bid);
      breakIds.add(bid);
      const tws = timeWindows(b.time_windows, `${bpath}.time_windows`);
      const brk: RoutingBreak = {
        id: bid,
        description: str(b.description, `${bpath}.description`),
        timeWindows: tws.length ? tws : [[0, MAX_TIME]],
        service: optInt(b, 'service', bpath, 0),
      };
      if (b.max_load !== undefined) brk.maxLoad = dims.check(b.max_load, `${bpath}.max_load`);
      return brk;
    });
    return {
      path,
      raw: v,
      vid,
      profile,
      startPlace,
      endPlace,
      capacity,
      costs: {
        fixed: optInt(costsObj, 'fixed', `${path}.costs`, 0, Number.MAX_SAFE_INTEGER),
        perHour: optInt(costsObj, 'per_hour', `${path}.costs`, 3600, Number.MAX_SAFE_INTEGER),
        perKm: optInt(costsObj, 'per_km', `${path}.costs`, 0, Number.MAX_SAFE_INTEGER),
      },
      speedFactor,
      breaks,
    };
  }));

  // --- facilities
  const facilityIds = new Map<number, number>();
  const parsedFacilities = rawFacilities.map((raw, fi) => problems.attempt(() => {
    const path = `facilities[${fi}]`;
    const f = obj(raw, path);
    const fid = id(f.id, `${path}.id`);
    if (facilityIds.has(fid)) fail(`${path}.id`, `duplicate facility id ${fid}`, 'E1006', fid);
    facilityIds.set(fid, fi);
    return {
      fid,
      place: place(placeRef(f, 'location', 'location_index', path), path, true),
      description: str(f.description, `${path}.description`),
      setup: optInt(f, 'setup', path, 0),
      service: optInt(f, 'service', path, 0),
      timeWindows: timeWindows(f.time_windows, `${path}.time_windows`),
    };
  }));

  // --- jobs
  const jobIds = new Set<number>();
  const parsedJobs = rawJobs.map((raw, ji) => problems.attempt(() => {
    const path = `jobs[${ji}]`;
    const j = obj(raw, path);
    rejectKeys(j, path, {
      amount: 'deprecated; use pickup and/or delivery',
      setup_per_type: 'not supported (vehicle types)',
      service_per_type: 'not supported (vehicle types)',
    });
    const jid = id(j.id, `${path}.id`);
    if (jobIds.has(jid)) fail(`${path}.id`, `duplicate job id ${jid}`, 'E1006', jid);
    jobIds.add(jid);
    let prize: number | undefined;
    if (j.prize !== undefined) {
      prize = int(j.prize, `${path}.prize`, Number.MAX_SAFE_INTEGER);
      if (prize === 0) fail(`${path}.prize`, 'must be a positive integer (omit it for a mandatory job)', 'E1004', 0);
    }
    return {
      jid,
      path,
      place: place(placeRef(j, 'location', 'location_index', path), path, true),
      description: str(j.description, `${path}.description`),
      setup: optInt(j, 'setup', path, 0),
      service: optInt(j, 'service', path, 0),
      pickup: j.pickup === undefined ? undefined : dims.check(j.pickup, `${path}.pickup`),
      delivery: j.delivery === undefined ? undefined : dims.check(j.delivery, `${path}.delivery`),
      skills: skills(j.skills, `${path}.skills`),
      priority: optInt(j, 'priority', path, 0, 100),
      timeWindows: timeWindows(j.time_windows, `${path}.time_windows`),
      prize,
      release: j.release === undefined ? undefined : int(j.release, `${path}.release`),
    };
  }));
  problems.throwIfAny();
  // every part was read (the collector threw otherwise)
  const vehicles = parsedVehicles as NonNullable<(typeof parsedVehicles)[number]>[];
  const facilities = parsedFacilities as NonNullable<(typeof parsedFacilities)[number]>[];
  const jobs = parsedJobs as NonNullable<(typeof parsedJobs)[number]>[];

  // --- locations and matrices
  let size: number;
  let matrices: RoutingMatrices[];
  const placeIndex: number[] = new Array(places.length);
  if (matrixMode) {
    const parsed = parseMatrices(matricesObj!);
    size = parsed.size;
    places.forEach((p, k) => {
      if (p.index === undefined) fail(p.path, `${p.indexKey} is required when matrices are given`, 'E1005');
      if (p.index >= size) fail(`${p.path}.${p.indexKey}`, `${p.index} is outside the ${size}×${size} matrices`, 'E1007', p.index);
      placeIndex[k] = p.index;
    });
    matrices = profileNames.map((profile) => {
      const m = parsed.byProfile.get(profile);
      if (!m) {
        const vi = vehicles.findIndex((v) => v.profile === profile);
        fail(
          `vehicles[${vi}].profile`,
          `no matrices.${profile}, while matrices are given for ${[...parsed.byProfile.keys()].join(', ')}`,
          'E1007',
          profile,
        );
      }
      return { profile, ...m };
    });
  } else {
    const seen = new Map<string, number>();
    const coords: [number, number][] = [];
    places.forEach((p, k) => {
      if (p.coords === undefined) fail(`${p.path}.${p.indexKey}`, 'needs matrices; give coordinates [lon, lat] instead', 'E1014', p.index);
      const key = `${p.coords[0]},${p.coords[1]}`;
      let idx = seen.get(key);
      if (idx === undefined) {
        idx = coords.length;
        seen.set(key, idx);
        coords.push(p.coords);
      }
      placeIndex[k] = idx;
    });
    size = coords.length;
    if (arcsGiven) matrices = geoMatrices(coords, profileNames, parseArcs(matricesObj!, profileNames, vehicles));
    else if (size > GEO_ARCS_ABOVE) matrices = geoMatrices(coords, profileNames);
    else matrices = haversineMatrices(coords, profileNames);
  }
  const loc = (k: number): number | undefined => (k < 0 ? undefined : placeIndex[k]);
  const co = (k: number): [number, number] | undefined => (k < 0 ? undefined : places[k].coords);

  const d = dims.n ?? 0;
  const zeros = (): number[] => new Array<number>(d).fill(0);

  const outVehicles: RoutingVehicle[] = vehicles.map((v) => {
    const raw = v.raw;
    if (v.capacity === undefined && d > 0) fail(`${v.path}.capacity`, `missing, while amounts have ${d} dimension(s)`, 'E1010');
    let allowed: number[];
    if (raw.facilities === undefined) {
      allowed = facilities.map((_, i) => i);
    } else {
      const list = intArray(raw.facilities, `${v.path}.facilities`, Number.MAX_SAFE_INTEGER);
      allowed = [];
      list.forEach((fid, i) => {
        const fi = facilityIds.get(fid);
        if (fi === undefined) fail(`${v.path}.facilities[${i}]`, `unknown facility id ${fid}`, 'E1007', fid);
        if (!allowed.includes(fi)) allowed.push(fi);
      });
      allowed.sort((a, b) => a - b);
    }
    const out: RoutingVehicle = {
      id: v.vid,
      description: str(raw.description, `${v.path}.description`),
      profile: profileNames.indexOf(v.profile),
      start: loc(v.startPlace),
      end: loc(v.endPlace),
      startCoordinates: co(v.startPlace),
      endCoordinates: co(v.endPlace),
      capacity: v.capacity ?? zeros(),
      skills: skills(raw.skills, `${v.path}.skills`),
      timeWindow: raw.time_window === undefined ? [0, MAX_TIME] : timeWindow(raw.time_window, `${v.path}.time_window`),
      breaks: v.breaks,
      costs: v.costs,
      speedFactor: v.speedFactor,
      facilities: allowed,
    };
    if (raw.max_tasks !== undefined) out.maxTasks = int(raw.max_tasks, `${v.path}.max_tasks`);
    if (raw.max_travel_time !== undefined) out.maxTravelTime = int(raw.max_travel_time, `${v.path}.max_travel_time`);
    if (raw.max_distance !== undefined) out.maxDistance = int(raw.max_distance, `${v.path}.max_distance`);
    if (raw.max_reloads !== undefined) out.maxReloads = int(raw.max_reloads, `${v.path}.max_reloads`);
    if (raw.route_capacity !== undefined) {
      if (d === 0) fail(`${v.path}.route_capacity`, 'given, while no job has amounts', 'E1014');
      out.routeCapacity = dims.check(raw.route_capacity, `${v.path}.route_capacity`);
    }
    if (raw.return_empty !== undefined) {
      if (typeof raw.return_empty !== 'boolean') fail(`${v.path}.return_empty`, `must be true or false, got ${show(raw.return_empty)}`, 'E1001', raw.return_empty);
      if (raw.return_empty && allowed.length === 0) fail(`${v.path}.return_empty`, 'the vehicle must unload before its end but may use no facility', 'E1014', true);
      if (raw.return_empty) out.returnEmpty = true;
    }
    return out;
  });

  const outFacilities: RoutingFacility[] = facilities.map((f) => ({
    id: f.fid,
    description: f.description,
    location: loc(f.place)!,
    coordinates: co(f.place),
    setup: f.setup,
    service: f.service,
    timeWindows: f.timeWindows,
  }));

  const outJobs: RoutingJob[] = jobs.map((j) => {
    const job: RoutingJob = {
      id: j.jid,
      description: j.description,
      location: loc(j.place)!,
      coordinates: co(j.place),
      setup: j.setup,
      service: j.service,
      pickup: j.pickup ?? zeros(),
      delivery: j.delivery ?? zeros(),
      skills: j.skills,
      priority: j.priority,
      timeWindows: j.timeWindows,
    };
    if (j.prize !== undefined) job.prize = j.prize;
    if (j.release !== undefined) job.release = j.release;
    return job;
  });

  return { dims: d, size, matrices, jobs: outJobs, vehicles: outVehicles, facilities: outFacilities };
}
