// Independent checks of Solomon, MTVRPTWR and Kim solutions. Like verifySolution.ts, this code
// shares nothing with the solver or with the test reference simulator: it re-reads what it needs from the
// instance's own numbers and walks every route itself.
import type { SolomonInstance } from '../src/io/parseSolomon.js';
import type { KimInstance } from '../src/io/parseKim.js';

/** Common part of the verifiers' results. */
export interface CollectionCheck {
  /** No violation found. */
  ok: boolean;
  /** One human-readable line per violation (at most 20). */
  errors: string[];
  /** Routes with at least one client. */
  vehicles: number;
}

function collector(): { errors: string[]; err: (m: string) => void } {
  const errors: string[] = [];
  return { errors, err: (m) => void (errors.length < 20 && errors.push(m)) };
}

function checkVisits(n: number, seen: Int32Array, err: (m: string) => void, what: string): void {
  for (let c = 1; c < n; c++) {
    if (seen[c] === 0) err(`${what} ${c} is not visited`);
    else if (seen[c] > 1) err(`${what} ${c} is visited ${seen[c]} times`);
  }
}

/** Result of {@link verifySolomon}. */
export interface SolomonCheck extends CollectionCheck {
  /** Total distance with unrounded double Euclidean distances. */
  distance: number;
}

/**
 * Checks a Solomon VRPTW solution with exact double distances and times (travel time =
 * distance): each customer once, every route load ≤ capacity, service starts at max(arrival,
 * ready) and no later than due, every route back at the depot by its due date, at most the
 * available vehicles. Routes list customer numbers 1..n−1. A 10⁻⁹ tolerance absorbs float
 * summation noise only.
 *
 * @example
 * ```ts
 * const check = verifySolomon(parseSolomon(text, 'C101.txt'), [[5, 3, 7], [2, 1]]);
 * check.ok; check.distance;
 * ```
 */
export function verifySolomon(inst: SolomonInstance, routes: number[][]): SolomonCheck {
  const { errors, err } = collector();
  const n = inst.x.length;
  const eps = 1e-9;
  const d = (i: number, j: number) => Math.sqrt((inst.x[i] - inst.x[j]) ** 2 + (inst.y[i] - inst.y[j]) ** 2);
  const seen = new Int32Array(n);
  let distance = 0;
  let vehicles = 0;
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let t = inst.ready[0];
    let load = 0;
    let prev = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c >= n) {
        err(`route ${r + 1}: ${String(c)} is not a customer`);
        continue;
      }
      seen[c]++;
      distance += d(prev, c);
      const start = Math.max(t + d(prev, c), inst.ready[c]);
      if (start > inst.due[c] + eps) err(`route ${r + 1}: customer ${c} served at ${start.toFixed(3)} > due ${inst.due[c]}`);
      t = start + inst.service[c];
      load += inst.demand[c];
      prev = c;
    }
    distance += d(prev, 0);
    const back = t + d(prev, 0);
    if (back > inst.due[0] + eps) err(`route ${r + 1}: back at the depot at ${back.toFixed(3)} > ${inst.due[0]}`);
    if (load > inst.capacity) err(`route ${r + 1}: load ${load} > capacity ${inst.capacity}`);
  });
  checkVisits(n, seen, err, 'customer');
  if (vehicles > inst.vehicles) err(`${vehicles} routes, only ${inst.vehicles} vehicles`);
  return { ok: errors.length === 0, errors, vehicles, distance };
}

/** An MTVRPTWR instance as the verifier reads it, all times in tenths (integers). */
export interface MtvrptwrData {
  name: string;
  vehicles: number;
  capacity: number;
  /** Service time per client, tenths. */
  service: number;
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  release: number[];
}

/**
 * Reads the numbers of an MTVRPTWR `.vrp` file for {@link verifyMtvrptwr}, with its own minimal
 * parser (it does not use `parseMtvrptwr`). Times are multiplied by 10 (tenths).
 *
 * @example
 * ```ts
 * const data = readMtvrptwrData(readFileSync('C201R0.25.vrp', 'utf8'));
 * data.vehicles; // 8
 * ```
 */
export function readMtvrptwrData(text: string): MtvrptwrData {
  const head = (k: string) => {
    const m = new RegExp(`^\\s*${k}\\s*:\\s*(\\S+)`, 'm').exec(text);
    if (!m) throw new Error(`readMtvrptwrData: no ${k}`);
    return Number(m[1]);
  };
  const section = (name: string): number[][] => {
    const lines = text.replace(/\r/g, '').split('\n');
    const i = lines.findIndex((l) => l.trim() === name);
    if (i < 0) return [];
    const rows: number[][] = [];
    for (let k = i + 1; k < lines.length && /^\s*-?\d/.test(lines[k]); k++) rows.push(lines[k].trim().split(/\s+/).map(Number));
    return rows;
  };
  const nm = /^\s*NAME\s*:\s*(\S+)/m.exec(text);
  const coords = section('NODE_COORD_SECTION');
  const tw = section('TIME_WINDOW_SECTION');
  const rel = section('RELEASE_TIME_SECTION');
  return {
    name: nm ? nm[1] : '?',
    vehicles: head('VEHICLES'),
    capacity: head('CAPACITY'),
    service: Math.round(10 * head('SERVICE_TIME')),
    x: coords.map((r) => r[1]),
    y: coords.map((r) => r[2]),
    demand: section('DEMAND_SECTION').map((r) => r[1]),
    ready: tw.map((r) => Math.round(10 * r[1])),
    due: tw.map((r) => Math.round(10 * r[2])),
    release: coords.map((_, i) => Math.round(10 * (rel[i]?.[1] ?? 0))),
  };
}

/** Result of {@link verifyMtvrptwr}. */
export interface MtvrptwrCheck extends CollectionCheck {
  /** Total distance in tenths (DIMACS: each edge truncated to one decimal). */
  cost: number;
  /** Depot visits inside routes (returns to reload). */
  reloads: number;
}

/**
 * Checks an MTVRPTWR solution in tenths with DIMACS truncated distances (travel time =
 * distance): routes list clients 1..n−1 and `0` for a return to the depot to reload, as in the
 * `.sol` files. Each client once; every trip's demand ≤ capacity; a trip leaves the depot no
 * earlier than the release time of each of its clients; service starts at max(arrival, ready)
 * and no later than due; back at the depot by its due date; at most `VEHICLES` routes.
 *
 * @example
 * ```ts
 * const check = verifyMtvrptwr(readMtvrptwrData(text), [[45, 51, 0, 50]]);
 * check.cost; // tenths, comparable with the .sol Cost line
 * ```
 */
export function verifyMtvrptwr(inst: MtvrptwrData, routes: number[][]): MtvrptwrCheck {
  const { errors, err } = collector();
  const n = inst.x.length;
  const d = (i: number, j: number) => Math.floor(10 * Math.sqrt((inst.x[i] - inst.x[j]) ** 2 + (inst.y[i] - inst.y[j]) ** 2) + 1e-9);
  const seen = new Int32Array(n);
  let cost = 0;
  let vehicles = 0;
  let reloads = 0;
  routes.forEach((route, r) => {
    if (!route.some((c) => c !== 0)) return;
    vehicles++;
    // split into trips at the depot visits
    const trips: number[][] = [[]];
    for (const c of route) {
      if (c === 0) {
        trips.push([]);
        reloads++;
      } else trips[trips.length - 1].push(c);
    }
    let t = inst.ready[0];
    trips.forEach((trip, k) => {
      if (trip.length === 0) return;
      let leave = t;
      let load = 0;
      for (const c of trip) {
        if (!Number.isInteger(c) || c < 1 || c >= n) continue;
        leave = Math.max(leave, inst.release[c]);
        load += inst.demand[c];
      }
      if (load > inst.capacity) err(`route ${r + 1} trip ${k + 1}: load ${load} > capacity ${inst.capacity}`);
      t = leave;
      let prev = 0;
      for (const c of trip) {
        if (!Number.isInteger(c) || c < 1 || c >= n) {
          err(`route ${r + 1}: ${String(c)} is not a client`);
          continue;
        }
        seen[c]++;
        cost += d(prev, c);
        const start = Math.max(t + d(prev, c), inst.ready[c]);
        if (start > inst.due[c]) err(`route ${r + 1}: client ${c} served at ${start / 10} > due ${inst.due[c] / 10}`);
        t = start + inst.service;
        prev = c;
      }
      cost += d(prev, 0);
      t += d(prev, 0);
    });
    if (t > inst.due[0]) err(`route ${r + 1}: back at the depot at ${t / 10} > ${inst.due[0] / 10}`);
  });
  checkVisits(n, seen, err, 'client');
  if (vehicles > inst.vehicles) err(`${vehicles} routes, only ${inst.vehicles} vehicles`);
  // empty trips (two reloads in a row) are harmless; count only reloads between clients
  return { ok: errors.length === 0, errors, vehicles, cost, reloads };
}

/** A Kim route step: a regular stop or disposal site (by file row), or the lunch break. */
export type KimStep = { kind: 'stop'; row: number } | { kind: 'disposal'; row: number } | { kind: 'lunch' };

/** Result of {@link verifyKim}. */
export interface KimCheck extends CollectionCheck {
  /** Total distance in miles (unrounded Manhattan feet / 5280). */
  miles: number;
  /** Per used route: working time in seconds (end − latest departure keeping the earliest end). */
  durations: number[];
  /** Unloads at disposal sites over all routes. */
  disposalTrips: number;
}

/**
 * Checks a Kim waste-collection solution under Kim's rules, in whole seconds with travel times
 * `round(feet / 5280 / mph × 3600)` per arc (the model's convention): each regular stop once;
 * service starts within each stop's and disposal site's window; the load never exceeds the
 * vehicle capacity (reset by each unload); the day's total ≤ route capacity; ≤ max stops; one
 * lunch break per used route (none when `inst.lunch` is negative: the breaks were left out), starting 11:00–12:00 where the vehicle is; the last stop before
 * the depot is a disposal site (return empty); back by the depot's closing time; at most
 * `fleet` routes. Route durations use the latest departure that keeps the earliest end.
 *
 * @example
 * ```ts
 * const check = verifyKim(inst, [[{ kind: 'stop', row: 3 }, { kind: 'lunch' }, { kind: 'disposal', row: 1 }]], 10);
 * check.ok; check.miles;
 * ```
 */
export function verifyKim(inst: KimInstance, routes: KimStep[][], fleet: number): KimCheck {
  const { errors, err } = collector();
  const n = inst.stops.length;
  const feet = (a: number, b: number) => Math.abs(inst.stops[a].x - inst.stops[b].x) + Math.abs(inst.stops[a].y - inst.stops[b].y);
  const sec = (a: number, b: number) => Math.round((feet(a, b) / 5280 / inst.mph) * 3600);
  const depot = inst.stops[inst.depot];
  const seen = new Int32Array(n);
  let miles = 0;
  let vehicles = 0;
  let disposalTrips = 0;
  const durations: number[] = [];

  /** Walks a route leaving the depot at `t0`; returns the end time and the violations. */
  const walk = (route: KimStep[], t0: number) => {
    const v: string[] = [];
    let t = t0;
    let here = inst.depot;
    let load = 0;
    let dayLoad = 0;
    let stops = 0;
    let lunches = 0;
    for (const s of route) {
      if (s.kind === 'lunch') {
        lunches++;
        const start = Math.max(t, 11 * 3600);
        if (start > 12 * 3600) v.push(`lunch starts at ${start} s > 12:00`);
        t = start + inst.lunch;
        continue;
      }
      const st = inst.stops[s.row];
      const start = Math.max(t + sec(here, s.row), st.early);
      if (start > st.late) v.push(`${s.kind} ${st.id} served at ${start} s > ${st.late} s`);
      t = start + st.service;
      here = s.row;
      if (s.kind === 'stop') {
        load += st.load;
        dayLoad += st.load;
        stops++;
        if (load > inst.capacity) v.push(`load ${load / 100} yd > capacity ${inst.capacity / 100} yd at stop ${st.id}`);
      } else load = 0;
    }
    const end = t + sec(here, inst.depot);
    if (end > depot.late) v.push(`back at the depot at ${end} s > ${depot.late} s`);
    if (dayLoad > inst.routeCapacity) v.push(`collects ${dayLoad / 100} yd > route capacity ${inst.routeCapacity / 100} yd`);
    if (stops > inst.maxStops) v.push(`${stops} stops > max ${inst.maxStops}`);
    if (lunches !== (inst.lunch < 0 ? 0 : 1)) v.push(`${lunches} lunch breaks`);
    const last = [...route].reverse().find((s) => s.kind !== 'lunch');
    if (last?.kind !== 'disposal') v.push('does not unload before returning to the depot');
    return { end, v };
  };

  routes.forEach((route, r) => {
    if (!route.some((s) => s.kind !== 'lunch')) return;
    vehicles++;
    let here = inst.depot;
    for (const s of route) {
      if (s.kind === 'lunch') continue;
      const want = s.kind === 'stop' ? 1 : 2;
      if (!Number.isInteger(s.row) || s.row < 0 || s.row >= n || inst.stops[s.row].type !== want) {
        err(`route ${r + 1}: row ${s.row} is not a ${s.kind === 'stop' ? 'regular stop' : 'disposal site'}`);
        return;
      }
      if (s.kind === 'stop') seen[s.row]++;
      else disposalTrips++;
      miles += feet(here, s.row) / 5280;
      here = s.row;
    }
    miles += feet(here, inst.depot) / 5280;
    const first = walk(route, depot.early);
    for (const m of first.v) err(`route ${r + 1}: ${m}`);
    // latest departure with the same (earliest) end: binary search, feasibility is monotone
    let lo = depot.early;
    let hi = first.end;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const w = walk(route, mid);
      if (w.end === first.end && w.v.length <= first.v.length) lo = mid;
      else hi = mid - 1;
    }
    durations.push(first.end - lo);
  });
  for (const row of inst.jobs) {
    if (seen[row] === 0) err(`stop ${inst.stops[row].id} is not visited`);
    else if (seen[row] > 1) err(`stop ${inst.stops[row].id} is visited ${seen[row]} times`);
  }
  if (vehicles > fleet) err(`${vehicles} routes, only ${fleet} vehicles`);
  return { ok: errors.length === 0, errors, vehicles, miles, durations, disposalTrips };
}
