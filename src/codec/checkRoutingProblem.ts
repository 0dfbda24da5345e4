import type { RoutingProblem } from '../model/RoutingProblem.js';
import { InputError, ProblemCollector } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { LIMITS } from '../errorCodes.js';

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * Checks a {@link RoutingProblem} built by hand (fromVroom's output always passes): sizes,
 * matrices of M×M entries, and every field of every job, vehicle and facility the encoder reads
 * (integers in range, windows in order, amounts of `dims` entries, indices that exist). Every
 * bad item is reported in one {@link InputError} (codes E1002…E1015, E7005); raw VROOM JSON
 * gets a hint.
 *
 * @example
 * ```ts
 * checkRoutingProblem(fromVroom(json)); // ok
 * checkRoutingProblem({ jobs: [], vehicles: [] } as never); // throws InputError "problem.dims: …"
 * ```
 */
export function checkRoutingProblem(problem: RoutingProblem): void {
  if (!isObject(problem)) throw new InputError('problem: must be an object (a RoutingProblem, or VROOM JSON read with fromVroom)', { code: 'E1015' });
  const p = problem as unknown as Record<string, unknown>;
  if (!isCount(p.dims)) throw new InputError(`problem.dims: must be a non-negative integer, got ${String(p.dims)} (for VROOM JSON, call fromVroom(json) first)`, { code: 'E1015', field: 'dims' });
  if (!isCount(p.size)) throw new InputError(`problem.size: must be a non-negative integer, got ${String(p.size)}`, { code: 'E1015', field: 'size' });
  for (const key of ['matrices', 'jobs', 'vehicles', 'facilities'] as const) {
    if (!Array.isArray(p[key])) throw new InputError(`problem.${key}: must be an array`, { code: 'E1015', field: key });
  }
  const cells = problem.size * problem.size;
  const geo = problem.matrices.filter((m) => isObject(m) && m.geo !== undefined).length;
  if (geo > 0 && geo < problem.matrices.length) {
    throw new InputError('problem.matrices: either every profile has computed arcs (geo) or none has', { code: 'E1015', field: 'matrices' });
  }
  problem.matrices.forEach((m, i) => {
    if (geo > 0) {
      const g = m.geo!;
      if (!(g.points instanceof Float64Array) || g.points.length !== 3 * problem.size) {
        throw new InputError(`problem.matrices[${i}].geo.points: must be a Float64Array of 3 × size = ${3 * problem.size} entries`, { code: 'E1015', field: `matrices[${i}].geo.points` });
      }
      if (g.points !== problem.matrices[0].geo!.points && g.points.some((x, k) => x !== problem.matrices[0].geo!.points[k])) {
        throw new InputError(`problem.matrices[${i}].geo.points: every profile must share the same points`, { code: 'E1015', field: `matrices[${i}].geo.points` });
      }
      if (!Number.isFinite(g.detour) || g.detour < 1 || g.detour > 10) {
        throw new InputError(`problem.matrices[${i}].geo.detour: must be a number from 1 to 10, got ${String(g.detour)}`, { code: 'E1015', field: `matrices[${i}].geo.detour` });
      }
      if (!Number.isFinite(g.secondsPerMetre) || g.secondsPerMetre <= 0 || g.secondsPerMetre > 10) {
        throw new InputError(`problem.matrices[${i}].geo.secondsPerMetre: must be a number in (0, 10], got ${String(g.secondsPerMetre)}`, { code: 'E1015', field: `matrices[${i}].geo.secondsPerMetre` });
      }
      if (m.costs !== undefined) throw new InputError(`problem.matrices[${i}].costs: custom costs need stored matrices, not computed arcs`, { code: 'E1015', field: `matrices[${i}].costs` });
      return;
    }
    for (const key of ['durations', 'distances', 'costs'] as const) {
      const a = (m as unknown as Record<string, unknown>)?.[key];
      if (key === 'costs' && a === undefined) continue;
      if (!(a instanceof Int32Array) || a.length !== cells) {
        throw new InputError(`problem.matrices[${i}].${key}: must be an Int32Array of size × size = ${cells} entries`, { code: 'E1015', field: `matrices[${i}].${key}` });
      }
      const negative = a.findIndex((x) => x < 0);
      if (negative >= 0) {
        const at = `matrices[${i}].${key}[${negative}]`;
        throw new InputError(`problem.${at}: ${a[negative]} is negative`, { code: 'E1003', field: at, value: a[negative] });
      }
    }
  });
  // every job, vehicle and facility field the encoder reads, each bad item reported (up to the cap)
  const problems = new ProblemCollector();
  const t = new ItemChecks(problem);
  problem.jobs.forEach((j, i) => problems.attempt(() => t.job(j, `jobs[${i}]`)));
  problem.vehicles.forEach((v, i) => problems.attempt(() => t.vehicle(v, `vehicles[${i}]`)));
  problem.facilities.forEach((f, i) => problems.attempt(() => t.place(f, `facilities[${i}]`)));
  problems.throwIfAny();
}

function fail(path: string, what: string, code: ErrorCode, value?: unknown): never {
  const shown = typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new InputError(`problem.${path}: ${what}, got ${shown}`, { code, field: path, value });
}

/** The field checks of one problem's jobs, vehicles and facilities. */
class ItemChecks {
  constructor(private readonly p: RoutingProblem) {}

  int(v: unknown, path: string, max: number = LIMITS.time, min = 0): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, 'must be an integer', 'E1002', v);
    if (v < min) fail(path, `must be at least ${min}`, min === 0 ? 'E1003' : 'E1004', v);
    if (v > max) fail(path, `must be at most ${max}`, max === LIMITS.time ? 'E7005' : 'E1004', v);
    return v;
  }

  optInt(o: Record<string, unknown>, key: string, path: string, max?: number): void {
    if (o[key] !== undefined) this.int(o[key], `${path}.${key}`, max);
  }

  num(v: unknown, path: string, lo: number, hi: number): void {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) fail(path, `must be a number from ${lo} to ${hi}`, 'E1004', v);
  }

  obj(v: unknown, path: string): Record<string, unknown> {
    if (!isObject(v) || Array.isArray(v)) fail(path, 'must be an object', 'E1015', v);
    return v as Record<string, unknown>;
  }

  list(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) fail(path, 'must be an array', 'E1015', v);
    return v;
  }

  amounts(v: unknown, path: string): void {
    const a = this.list(v, path);
    if (a.length !== this.p.dims) fail(path, `must hold dims = ${this.p.dims} amounts`, 'E1010', a.length);
    a.forEach((x, k) => {
      if (typeof x === 'number' && x > LIMITS.time) fail(`${path}[${k}]`, `must be at most ${LIMITS.time}`, 'E7004', x);
      this.int(x, `${path}[${k}]`);
    });
  }

  location(v: unknown, path: string, optional = false): void {
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= this.p.size) fail(path, `must be a location below size ${this.p.size}`, 'E1007', v);
  }

  window(v: unknown, path: string): void {
    const w = this.list(v, path);
    if (w.length !== 2) fail(path, 'must be [start, end]', 'E1009', w.length);
    const a = this.int(w[0], `${path}[0]`);
    const b = this.int(w[1], `${path}[1]`);
    if (a > b) fail(path, `starts at ${a}, after its end`, 'E1009', b);
  }

  windows(v: unknown, path: string): void {
    this.list(v, path).forEach((w, k) => this.window(w, `${path}[${k}]`));
  }

  place(x: unknown, path: string): Record<string, unknown> {
    const o = this.obj(x, path);
    this.location(o.location, `${path}.location`);
    this.int(o.setup, `${path}.setup`);
    this.int(o.service, `${path}.service`);
    this.windows(o.timeWindows, `${path}.timeWindows`);
    return o;
  }

  job(x: unknown, path: string): void {
    const o = this.place(x, path);
    this.amounts(o.pickup, `${path}.pickup`);
    this.amounts(o.delivery, `${path}.delivery`);
    this.list(o.skills, `${path}.skills`).forEach((k, i) => this.int(k, `${path}.skills[${i}]`, 2 ** 32 - 1));
    this.int(o.priority, `${path}.priority`, 100);
    if (o.prize !== undefined) this.int(o.prize, `${path}.prize`, Number.MAX_SAFE_INTEGER, 1);
    this.optInt(o, 'release', path);
  }

  vehicle(x: unknown, path: string): void {
    const o = this.obj(x, path);
    if (typeof o.profile !== 'number' || !Number.isInteger(o.profile) || o.profile < 0 || o.profile >= this.p.matrices.length) {
      fail(`${path}.profile`, `must index matrices (0..${this.p.matrices.length - 1})`, 'E1007', o.profile);
    }
    this.location(o.start, `${path}.start`, true);
    this.location(o.end, `${path}.end`, true);
    if (o.start === undefined && o.end === undefined) fail(path, 'needs a start or an end', 'E1005', undefined);
    this.amounts(o.capacity, `${path}.capacity`);
    this.list(o.skills, `${path}.skills`).forEach((k, i) => this.int(k, `${path}.skills[${i}]`, 2 ** 32 - 1));
    this.window(o.timeWindow, `${path}.timeWindow`);
    this.list(o.breaks, `${path}.breaks`).forEach((b, i) => {
      const bo = this.obj(b, `${path}.breaks[${i}]`);
      this.int(bo.service, `${path}.breaks[${i}].service`);
      this.windows(bo.timeWindows, `${path}.breaks[${i}].timeWindows`);
      if (bo.maxLoad !== undefined) this.amounts(bo.maxLoad, `${path}.breaks[${i}].maxLoad`);
    });
    const c = this.obj(o.costs, `${path}.costs`);
    for (const k of ['fixed', 'perHour', 'perKm']) this.int(c[k], `${path}.costs.${k}`, Number.MAX_SAFE_INTEGER);
    this.num(o.speedFactor, `${path}.speedFactor`, 1e-9, 5);
    this.list(o.facilities, `${path}.facilities`).forEach((f, i) => this.int(f, `${path}.facilities[${i}]`, this.p.facilities.length - 1));
    for (const k of ['maxTasks', 'maxTravelTime', 'maxDistance', 'maxReloads']) this.optInt(o, k, path);
    if (o.routeCapacity !== undefined) this.amounts(o.routeCapacity, `${path}.routeCapacity`);
    if (o.returnEmpty !== undefined && typeof o.returnEmpty !== 'boolean') fail(`${path}.returnEmpty`, 'must be true or false', 'E1001', o.returnEmpty);
  }
}
