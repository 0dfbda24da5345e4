import type { RoutingProblem, RoutingVehicle } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';
import { LIMITS } from '../errorCodes.js';
import { emptyCoreInput, MAX_LOCATIONS, MAX_MATRIX_CELLS, MISSING_PENALTY, NO_LIMIT, type CoreInput } from '../core/coreInput.js';
import { geoCost, geoDuration, geoSecondsPerMetre } from '../model/geoArcs.js';

/** Facilities a vehicle can refer to in the core's bit mask. */
const MAX_FACILITIES = 62;

function clampInt(x: number): number {
  if (!Number.isFinite(x) || x >= NO_LIMIT) return NO_LIMIT;
  return Math.max(-NO_LIMIT, Math.round(x));
}

/** Matrices of the core: the problem's locations plus one "anywhere" location for open ends. */
class MatrixBank {
  readonly list: Int32Array[] = [];
  private readonly keys = new Map<string, number>();
  constructor(private readonly problem: RoutingProblem, readonly m: number) {}

  /** Offset in the core's concatenated matrices of the matrix built by `make` under `key`, building it once. */
  get(key: string, make: () => Int32Array): number {
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(this.widen(make()));
      this.keys.set(key, i);
    }
    return i * this.m * this.m;
  }

  /** Copies a size×size matrix into m×m, the extra row and column being zero. */
  private widen(src: Int32Array): Int32Array {
    const n = this.problem.size;
    const m = this.m;
    if (n === m) return src;
    const out = new Int32Array(m * m);
    for (let i = 0; i < n; i++) out.set(src.subarray(i * n, i * n + n), i * m);
    return out;
  }
}

/**
 * A vehicle's breaks in the order the core numbers them: by first window start, then input
 * order. Entry i is the input index of the core's break i.
 *
 * @example
 * ```ts
 * breakOrder(problem.vehicles[0]); // e.g. [1, 0]: the core's break 0 is the input's break 1
 * ```
 */
export function breakOrder(v: RoutingVehicle): number[] {
  const first = (i: number) => (v.breaks[i].timeWindows.length ? v.breaks[i].timeWindows[0][0] : 0);
  return v.breaks.map((_, i) => i).sort((a, b) => first(a) - first(b) || a - b);
}

function durationsFor(problem: RoutingProblem, v: RoutingVehicle): Int32Array {
  const base = problem.matrices[v.profile].durations;
  if (v.speedFactor === 1) return base;
  return base.map((d) => (d >= NO_LIMIT ? NO_LIMIT : Math.round(d / v.speedFactor)));
}

/**
 * Arc costs — the one cost rule of binroute: the profile's custom `costs` matrix, else
 * `round(per_hour · duration / 3600 + per_km · distance / 1000)` per arc, with the vehicle's
 * speed factor in the duration. An arc without a road (a duration or distance of NO_LIMIT)
 * costs NO_LIMIT, which the core reads as "unreachable". A route costs the sum of its arcs
 * plus the fixed cost; that sum is what the search minimises and what the result reports.
 */
function costsFor(problem: RoutingProblem, v: RoutingVehicle, durations: Int32Array): Int32Array {
  const mats = problem.matrices[v.profile];
  const { perHour, perKm } = v.costs;
  const dist = mats.distances;
  const out = new Int32Array(durations.length);
  for (let i = 0; i < out.length; i++) {
    if (durations[i] >= NO_LIMIT || dist[i] >= NO_LIMIT) out[i] = NO_LIMIT;
    else if (mats.costs) out[i] = Math.min(mats.costs[i], NO_LIMIT);
    else out[i] = Math.min(NO_LIMIT - 1, clampInt((perHour * durations[i]) / 3600 + (perKm * dist[i]) / 1000));
  }
  return out;
}

/**
 * Computed arcs: writes the points and one rule per arc class (profile, speed factor, cost
 * rates) into the core's geo arrays; returns each vehicle's class.
 */
function geoArcClasses(problem: RoutingProblem, input: CoreInput): number[] {
  input.geoPts.set(problem.matrices[0].geo!.points);
  const classes = new Map<string, number>();
  return problem.vehicles.map((v) => {
    const key = `${v.profile}:${v.speedFactor}:${v.costs.perHour}:${v.costs.perKm}`;
    let g = classes.get(key);
    if (g === undefined) {
      g = classes.size;
      classes.set(key, g);
      const arcs = problem.matrices[v.profile].geo!;
      input.geoRule.set([arcs.detour, geoSecondsPerMetre(arcs, v.speedFactor), v.costs.perHour, v.costs.perKm], 4 * g);
    }
    return g;
  });
}

/** An upper bound of any arc's cost under computed arcs: twice the largest distance from the points' centre. */
function largestGeoArc(problem: RoutingProblem, input: CoreInput): number {
  const pts = input.geoPts;
  const n = pts.length / 3;
  const c = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) c[k] += pts[3 * i + k] / n;
  let r = 0;
  for (let i = 0; i < n; i++) r = Math.max(r, Math.hypot(pts[3 * i] - c[0], pts[3 * i + 1] - c[1], pts[3 * i + 2] - c[2]));
  let most = 0;
  for (const v of problem.vehicles) {
    const arcs = problem.matrices[v.profile].geo!;
    const d = Math.ceil(2 * r * arcs.detour) + 1;
    most = Math.max(most, geoCost(v.costs.perHour, v.costs.perKm, geoDuration(arcs, v.speedFactor, d) + 1, d));
  }
  return most;
}

/** Largest arc cost with a road over the given matrices. */
function largestArc(mats: Int32Array[]): number {
  let most = 0;
  for (const mat of mats) for (let i = 0; i < mat.length; i++) if (mat[i] < NO_LIMIT && mat[i] > most) most = mat[i];
  return most;
}

/**
 * The price of leaving each job unserved (`jMiss`), which makes the objective rank plans as
 * VROOM does: the largest priority sum of served jobs first, then the most served jobs, then
 * the lowest cost. An optional job's price is its prize; a mandatory job's is a penalty above
 * any plan's route costs; a priority p adds p times a weight above the penalties of all jobs.
 */
function missPrices(problem: RoutingProblem, input: CoreInput, largest: number): void {
  const { jobs, vehicles, facilities } = problem;
  const stops = jobs.length + 2 * vehicles.length + (facilities.length > 0 ? jobs.length + vehicles.length : 0);
  let bound = BigInt(largest) * BigInt(stops + 1);
  for (const v of vehicles) bound += BigInt(Math.max(0, clampInt(v.costs.fixed)));
  let penalty = MISSING_PENALTY;
  while (penalty <= bound) penalty *= 2n;
  const prioritised = jobs.some((j) => j.priority > 0);
  const weight = prioritised ? penalty * BigInt(jobs.length + 1) : 0n;
  let total = 0n;
  jobs.forEach((j, i) => {
    const base = j.prize !== undefined && j.prize > 0 ? BigInt(Math.round(j.prize)) : penalty;
    const price = base + BigInt(j.priority) * weight;
    input.jMiss[i] = price;
    total += price;
  });
  if (total >= 2n ** 62n) {
    throw new InputError(`jobs: ${jobs.length} jobs with priorities and route costs up to ${bound} exceed the objective's 63-bit range; use fewer priority levels or smaller costs`, { code: 'E7006', field: 'jobs' });
  }
}

/** Per location, the largest finite entry of any matrix of `key` leading into it (durations slowed by the slowest speed factor of the profile). */
function maxInto(problem: RoutingProblem, key: 'durations' | 'distances'): Float64Array {
  const n = problem.size;
  const out = new Float64Array(n);
  problem.matrices.forEach((mats, profile) => {
    const speeds = problem.vehicles.filter((v) => v.profile === profile).map((v) => v.speedFactor);
    if (speeds.length === 0) return;
    const scale = key === 'durations' ? 1 / Math.min(...speeds) : 1;
    const a = mats[key];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = a[i * n + j];
        if (x < NO_LIMIT && x * scale > out[j]) out[j] = x * scale;
      }
    }
  });
  return out;
}

/**
 * The core keeps times and distances along a route in 32-bit integers. Refuses a problem in
 * which some route — all jobs in one, with a reload before each — could take its clock or its
 * distance past 2^31 − 1: the latest window start plus every job's setup, service and longest
 * way in, every reload's, and the longest way to an end (E7005 for times, E7008 for distances).
 * Real inputs are far below (846 bins: about 10^6 s); epoch-second timestamps fit until 2038.
 */
function checkRouteTotals(problem: RoutingProblem): void {
  const { jobs, vehicles, facilities } = problem;
  if (problem.size === 0 || vehicles.length === 0) return;
  const into = { durations: maxInto(problem, 'durations'), distances: maxInto(problem, 'distances') };
  let latestStart = 0;
  const starts = (ws: readonly (readonly [number, number])[]) => ws.forEach((w) => (latestStart = Math.max(latestStart, w[0] < NO_LIMIT ? w[0] : 0)));
  jobs.forEach((j) => starts(j.timeWindows));
  facilities.forEach((f) => starts(f.timeWindows));
  vehicles.forEach((v) => {
    starts([v.timeWindow]);
    v.breaks.forEach((b) => starts(b.timeWindows));
  });
  const ends = (key: 'durations' | 'distances') => Math.max(0, ...vehicles.map((v) => (v.end === undefined ? 0 : into[key][v.end])));
  const reload = (key: 'durations' | 'distances') =>
    facilities.length === 0 ? 0 : Math.max(...facilities.map((f) => into[key][f.location] + (key === 'durations' ? f.setup + f.service : 0)));
  let time = latestStart + ends('durations') + Math.max(...vehicles.map((v) => v.breaks.reduce((t, b) => t + b.service, 0)));
  let distance = ends('distances');
  const [reloadTime, reloadDistance] = [reload('durations'), reload('distances')];
  for (const j of jobs) {
    time += j.setup + j.service + into.durations[j.location] + reloadTime;
    distance += into.distances[j.location] + reloadDistance;
  }
  if (time > NO_LIMIT) {
    throw new InputError(`matrices: a route could take ${Math.round(time)} s (latest window start ${latestStart} + every job's setup, service and longest way in), beyond ${NO_LIMIT}; scale the times down (e.g. minutes instead of seconds)`, { code: 'E7005', field: 'matrices', value: Math.round(time) });
  }
  if (distance > NO_LIMIT) {
    throw new InputError(`matrices: a route could run ${Math.round(distance)} m (every job's longest way in), beyond ${NO_LIMIT}; scale the distances down`, { code: 'E7008', field: 'matrices', value: Math.round(distance) });
  }
}

/**
 * Encodes a {@link RoutingProblem} into the core's flat arrays (`CoreInput`): one matrix per
 * distinct duration / distance / cost need, vehicle classes, windows, breaks in the core's
 * order, and the price of leaving each job out.
 *
 * @example
 * ```ts
 * const input = encodeRouting(fromVroom(json));
 * input.vehicles; // number of vehicles
 * ```
 */
export function encodeRouting(problem: RoutingProblem): CoreInput {
  const { jobs, vehicles, facilities, dims } = problem;
  if (jobs.length > LIMITS.jobs) throw new InputError(`jobs: ${jobs.length} jobs, above the limit of ${LIMITS.jobs}`, { code: 'E7001', field: 'jobs', value: jobs.length });
  if (vehicles.length > LIMITS.vehicles) throw new InputError(`vehicles: ${vehicles.length} vehicles, above the limit of ${LIMITS.vehicles}`, { code: 'E7002', field: 'vehicles', value: vehicles.length });
  for (let k = 0; k < dims; k++) {
    let total = 0;
    for (const j of jobs) total += (j.pickup[k] ?? 0) + (j.delivery[k] ?? 0);
    if (total > NO_LIMIT) {
      // the core adds loads in 32-bit integers; any load is at most this total
      throw new InputError(`jobs: the amounts of dimension ${k} add up to ${total}, above ${NO_LIMIT}; scale them down`, { code: 'E7004', field: 'jobs' });
    }
  }
  if (facilities.length > MAX_FACILITIES) {
    throw new InputError(`facilities: at most ${MAX_FACILITIES} facilities are supported, got ${facilities.length}`, { code: 'E7007', field: 'facilities' });
  }
  const open = vehicles.some((v) => v.start === undefined || v.end === undefined);
  const anywhere = problem.size; // zero-cost location for open route ends
  const geo = problem.matrices.length > 0 && problem.matrices[0].geo !== undefined;
  if (geo && open) {
    const r = vehicles.findIndex((v) => v.start === undefined || v.end === undefined);
    throw new InputError(`vehicles[${r}]: computed arcs (problems above the matrix limit) need a start and an end for every vehicle`, { code: 'E1014', field: `vehicles[${r}]` });
  }
  const m = problem.size + (open ? 1 : 0);
  // the matrices the core will hold: durations per (profile, speed), distances per profile,
  // costs per (profile, speed, cost rates) — checked before any is built
  const needed = new Set(vehicles.flatMap((v) => [`d:${v.profile}:${v.speedFactor}`, `m:${v.profile}`, `c:${v.profile}:${v.speedFactor}:${v.costs.perHour}:${v.costs.perKm}`]));
  if (!geo && (m > MAX_LOCATIONS || m * m * needed.size > MAX_MATRIX_CELLS)) {
    throw new InputError(`matrices: ${m} locations × ${needed.size} matrices need ${m * m * needed.size} cells, above binroute's limit of ${MAX_MATRIX_CELLS} (${MAX_LOCATIONS} locations at most); neighbour-limited matrices for larger problems are not implemented yet`, { code: 'E7003', field: 'matrices' });
  }
  if (!geo) checkRouteTotals(problem);
  const bank = new MatrixBank(problem, m);
  // vehicle classes: vehicles the core may treat as interchangeable
  const classKey = (v: RoutingVehicle) =>
    JSON.stringify([v.profile, v.speedFactor, v.costs, v.start, v.end, v.timeWindow, v.capacity, [...v.skills].sort(), v.maxTasks, v.maxTravelTime, v.maxDistance, [...v.facilities].sort(), v.maxReloads, v.routeCapacity, v.returnEmpty ?? false]);
  const classOf = new Map<string, number>();
  const vClass = vehicles.map((v) => {
    const k = classKey(v);
    if (!classOf.has(k)) classOf.set(k, classOf.size);
    return classOf.get(k)!;
  });
  const classes = Math.max(classOf.size, 1);
  const breakCount = vehicles.reduce((a, v) => a + v.breaks.length, 0);
  const windows =
    jobs.reduce((a, j) => a + j.timeWindows.length, 0) +
    facilities.reduce((a, f) => a + f.timeWindows.length, 0) +
    vehicles.reduce((a, v) => a + v.breaks.reduce((b, br) => b + br.timeWindows.length, 0), 0);
  const input = emptyCoreInput({ jobs: jobs.length, vehicles: vehicles.length, m, dims, facilities: facilities.length, classes, windows, breaks: breakCount, geo });
  const arcClass = geo ? geoArcClasses(problem, input) : [];
  vehicles.forEach((v, r) => {
    if (geo) {
      input.vDur[r] = input.vDist[r] = input.vCost[r] = arcClass[r];
    } else {
      const durKey = `d:${v.profile}:${v.speedFactor}`;
      input.vDur[r] = bank.get(durKey, () => durationsFor(problem, v));
      input.vDist[r] = bank.get(`m:${v.profile}`, () => problem.matrices[v.profile].distances);
      input.vCost[r] = bank.get(`c:${v.profile}:${v.speedFactor}:${v.costs.perHour}:${v.costs.perKm}`, () =>
        costsFor(problem, v, durationsFor(problem, v)),
      );
    }
    input.vStart[r] = v.start ?? anywhere;
    input.vEnd[r] = v.end ?? anywhere;
    input.vTwStart[r] = clampInt(v.timeWindow[0]);
    input.vTwEnd[r] = clampInt(v.timeWindow[1]);
    for (let k = 0; k < dims; k++) input.vCap[r * dims + k] = v.capacity[k];
    input.vFixed[r] = clampInt(v.costs.fixed);
    input.vClass[r] = vClass[r];
    if (v.maxTasks !== undefined) input.vMaxTasks[r] = clampInt(v.maxTasks);
    if (v.maxTravelTime !== undefined) input.vMaxTravel[r] = clampInt(v.maxTravelTime);
    if (v.maxDistance !== undefined) input.vMaxDist[r] = clampInt(v.maxDistance);
    input.vMaxReloads[r] = v.facilities.length === 0 ? 0 : clampInt(v.maxReloads ?? NO_LIMIT);
    if (v.routeCapacity) for (let k = 0; k < dims; k++) input.vRouteCap[r * dims + k] = clampInt(v.routeCapacity[k] ?? NO_LIMIT);
    if (v.returnEmpty) {
      if (v.facilities.length === 0) {
        throw new InputError(`vehicles[${r}].return_empty: vehicle ${v.id} must unload before its end but may use no facility`, { code: 'E1014', field: `vehicles[${r}].return_empty` });
      }
      input.vReturnEmpty[r] = 1;
    }
    let mask = 0n;
    for (const f of v.facilities) mask |= 1n << BigInt(f);
    input.vFacMask[r] = mask;
  });
  input.mats.push(...bank.list);
  const costOffsets = [...new Set(Array.from(input.vCost))];
  missPrices(problem, input, geo ? largestGeoArc(problem, input) : largestArc(costOffsets.map((o) => input.mats[o / (m * m)])));
  let w = 0;
  /** Appends windows to the shared list; returns [first, count] (-1, 0 for "any time"). */
  const pushWindows = (list: [number, number][]): [number, number] => {
    if (list.length === 0) return [-1, 0];
    const first = w;
    for (const [a, b] of list) {
      input.tw[2 * w] = clampInt(a);
      input.tw[2 * w + 1] = clampInt(b);
      w++;
    }
    return [first, list.length];
  };
  jobs.forEach((j, i) => {
    input.jLoc[i] = j.location;
    input.jService[i] = clampInt(j.service);
    input.jSetup[i] = clampInt(j.setup);
    for (let k = 0; k < dims; k++) {
      input.jPick[i * dims + k] = j.pickup[k] ?? 0;
      input.jDel[i * dims + k] = j.delivery[k] ?? 0;
    }
    [input.jTwFirst[i], input.jTwCount[i]] = pushWindows(j.timeWindows);
    input.jRelease[i] = clampInt(j.release ?? 0);
    input.jPrize[i] = BigInt(j.prize !== undefined && j.prize > 0 ? Math.round(j.prize) : 0);
    for (const [key, c] of classOf) {
      const v = vehicles[vClass.indexOf(c)];
      input.compat[i * classes + c] = j.skills.every((s) => v.skills.includes(s)) ? 1 : 0;
      void key;
    }
  });
  let b = 0;
  vehicles.forEach((v, r) => {
    input.vBreakFirst[r] = b;
    input.vBreakCount[r] = v.breaks.length;
    for (const i of breakOrder(v)) {
      const br = v.breaks[i];
      input.bService[b] = clampInt(br.service);
      [input.bTwFirst[b], input.bTwCount[b]] = pushWindows(br.timeWindows);
      if (br.maxLoad) for (let k = 0; k < dims; k++) input.bMaxLoad[b * dims + k] = clampInt(br.maxLoad[k] ?? NO_LIMIT);
      b++;
    }
  });
  facilities.forEach((f, i) => {
    input.fLoc[i] = f.location;
    input.fService[i] = clampInt(f.service);
    input.fSetup[i] = clampInt(f.setup);
    [input.fTwFirst[i], input.fTwCount[i]] = pushWindows(f.timeWindows);
  });
  return input;
}

