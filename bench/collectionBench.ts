// Benchmark suites for the collection model (solveRouting): Solomon VRPTW (minimum distance),
// MTVRPTWR (multi-trip with release dates) and Kim's waste-collection instances. Every solution
// is checked by the independent verifiers of verifyCollection.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../src/errors.js';
import type { RoutingProblem, RoutingSolution } from '../src/model/RoutingProblem.js';
import { solveRouting } from '../src/solveRouting.js';
import type { Progress, StopReason } from '../src/types.js';
import { readTextFile } from '../src/io/readFiles.js';
import { loadCollectionInstance, type LoadedCollectionInstance } from '../src/io/formats.js';
import { fixed, formatTable } from './formatTable.js';
import { parseCsv } from '../src/io/parseCsv.js';
import { findBenchmarksDir } from './locate.js';
import type { MachineInfo } from './machineInfo.js';
import { readMtvrptwrData, verifyKim, verifyMtvrptwr, verifySolomon, type KimStep } from './verifyCollection.js';

/** Suites of the collection model. */
export const COLLECTION_SUITES = ['solomon', 'homberger', 'mtvrptwr', 'kim'] as const;
/** A collection-model suite name. */
export type CollectionSuite = (typeof COLLECTION_SUITES)[number];

/**
 * True when `s` names a collection-model suite.
 *
 * @example
 * ```ts
 * isCollectionSuite('kim');   // true
 * isCollectionSuite('x-dev'); // false
 * ```
 */
export function isCollectionSuite(s: string): s is CollectionSuite {
  return (COLLECTION_SUITES as readonly string[]).includes(s);
}

const SUBDIR: Record<CollectionSuite, string> = { solomon: 'solomon', homberger: 'homberger-200', mtvrptwr: 'mtvrptwr', kim: join('wcvrptw', 'instances') };

/** Solomon and Homberger share the Solomon file format and verification. */
const isSolomonLike = (suite: CollectionSuite) => suite === 'solomon' || suite === 'homberger';

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The folder holding a suite's files. `data` (the `--data` flag) may name the benchmarks folder
 * or the suite's own folder; without it `../shared/benchmarks` is searched upwards from `starts`.
 *
 * @example
 * ```ts
 * resolveSuiteDir('solomon', undefined, [process.cwd()]); // '/work/shared/benchmarks/solomon'
 * ```
 */
export function resolveSuiteDir(suite: CollectionSuite, data: string | undefined, starts: string[]): string {
  if (data !== undefined) {
    const d = resolve(data);
    if (!isDir(d)) throw new InputError('--data: not a directory', { code: 'E0001', file: data, field: 'data' });
    if (isDir(join(d, SUBDIR[suite]))) return join(d, SUBDIR[suite]);
    if (suite === 'kim' && isDir(join(d, 'instances'))) return join(d, 'instances');
    return d;
  }
  const found = findBenchmarksDir(starts);
  if (!found || !isDir(join(found, SUBDIR[suite]))) {
    throw new InputError(`cannot find the benchmark data: no ../shared/benchmarks/${SUBDIR[suite]} above ${starts.join(' or ')}; pass --data <dir>`, { code: 'E0001' });
  }
  return join(found, SUBDIR[suite]);
}

/** One instance of a collection suite. */
export interface CollectionInstance {
  name: string;
  path: string;
  /** Solomon class (C1, C2, R1, R2, RC1, RC2); MTVRPTWR base (e.g. C201); Kim: the row count. */
  group: string;
}

const SOLOMON_CLASSES = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2'];
const solomonClass = (name: string) => /^(RC|C|R)(\d)/.exec(name)?.slice(1, 3).join('') ?? '?';

/**
 * The instances of a suite in run order: Solomon by class then number (56); MTVRPTWR by name,
 * by default only the 100-client ones (`C201R*` … `RC208R*`, 81 files; `only` may name any of
 * the 171); Kim by size (10). `only` (the `--instances` flag) picks names in the order given;
 * unknown names throw an {@link InputError}.
 *
 * @example
 * ```ts
 * listCollectionSuite('solomon', '/work/shared/benchmarks/solomon').length; // 56
 * listCollectionSuite('kim', dir, ['102_stop']);
 * ```
 */
export function listCollectionSuite(suite: CollectionSuite, dir: string, only?: string[]): CollectionInstance[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    throw new InputError(`cannot list ${dir}: is --data the shared benchmarks folder?`, { code: 'E0001', file: dir });
  }
  let all: CollectionInstance[];
  if (suite === 'solomon') {
    all = files
      .filter((f) => /^(C|R|RC)\d{3}\.txt$/i.test(f))
      .map((f) => ({ name: f.slice(0, -4), path: join(dir, f), group: solomonClass(f) }))
      .sort((a, b) => SOLOMON_CLASSES.indexOf(a.group) - SOLOMON_CLASSES.indexOf(b.group) || (a.name < b.name ? -1 : 1));
  } else if (suite === 'homberger') {
    const num = (n: string) => Number(n.split('_')[2]);
    all = files
      .filter((f) => /^(c|r|rc)[12]_2_\d+\.txt$/i.test(f))
      .map((f) => ({ name: f.slice(0, -4), path: join(dir, f), group: f.split('_')[0].toUpperCase() }))
      .sort((a, b) => SOLOMON_CLASSES.indexOf(a.group) - SOLOMON_CLASSES.indexOf(b.group) || num(a.name) - num(b.name));
  } else if (suite === 'mtvrptwr') {
    all = files
      .filter((f) => f.endsWith('.vrp'))
      .map((f) => ({ name: f.slice(0, -4), path: join(dir, f), group: f.replace(/R0\..*$/, '') }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  } else {
    all = files
      .filter((f) => /^\d+_stop\.txt$/.test(f))
      .map((f) => ({ name: f.slice(0, -4), path: join(dir, f), group: f.split('_')[0] }))
      .sort((a, b) => Number(a.group) - Number(b.group));
  }
  if (only && only.length > 0) {
    const byName = new Map(all.map((i) => [i.name.toLowerCase(), i]));
    return only.map((raw) => {
      const inst = byName.get(raw.replace(/\.(txt|vrp)$/i, '').toLowerCase()) ?? byName.get(`${raw.toLowerCase()}_stop`);
      if (!inst) throw new InputError(`--instances: "${raw}" is not an instance of the ${suite} suite in ${dir}`, { code: 'E6004', field: 'instances' });
      return inst;
    });
  }
  if (suite === 'mtvrptwr') return all.filter((i) => !i.name.includes('_'));
  return all;
}

/** One solve of one instance with one seed. */
export interface CollectionRun {
  instance: string;
  group: string;
  seed: number;
  /** Independently verified: feasible, every job served. */
  feasible: boolean;
  errors?: string[];
  vehicles: number;
  /** The solver's own objective (model units). */
  objective: number;
  /**
   * Suite-specific verified measures. solomon: `distance`, `bksDistance`, `bksVehicles`,
   * `gapPct`. mtvrptwr: `cost` (tenths), `bks` (tenths), `gapPct`, `reloads`. kim: `miles`,
   * `durationH` (total), `maxDurationH`, `minDurationH`, `disposalTrips`, `fleet`.
   */
  metrics: Record<string, number>;
  unassigned: number;
  iterations: number;
  stopReason: StopReason;
  /** Wall-clock seconds around `solveRouting()`. */
  seconds: number;
  /**
   * The routes: Solomon customer numbers; MTVRPTWR client numbers with `0` for a reload at the
   * depot (the `.sol` convention); Kim `Stop_ID`s (stops and disposal sites), `-1` for lunch.
   */
  solution: number[][];
}

/** What to run. */
export interface CollectionBenchConfig {
  suite: CollectionSuite;
  dir: string;
  timeLimitS?: number;
  iterations?: number;
  seeds: number;
  /** The first seed (default 1): seeds firstSeed..firstSeed+seeds-1. */
  firstSeed?: number;
  instances?: string[];
  /** Solomon and Homberger: every vehicle gets a fixed cost above any route (vehicles first), compared with the hierarchical best-known table. */
  fixedCost?: boolean;
  /** Kim: the vehicles' lunch breaks are left out (to measure what the breaks cost the search). */
  noBreaks?: boolean;
  /** Penalised time windows on eligible problems (`timeWarp: true`, issue #14 goal 0). */
  timeWarp?: boolean;
  signal?: AbortSignal;
  onRunStart?: (e: CollectionRunEvent) => void;
  onProgress?: (e: CollectionRunEvent, p: Progress) => void;
  onRunEnd?: (e: CollectionRunEvent, r: CollectionRun) => void;
}

/** Which run an event is about. */
export interface CollectionRunEvent {
  index: number;
  total: number;
  instance: CollectionInstance;
  seed: number;
}

/** The JSON written under bench/results. */
export interface CollectionReport {
  format: 'binroute-bench-collection/1';
  suite: CollectionSuite;
  timeLimitS: number | null;
  iterations: number | null;
  seeds: number[];
  instances: string[];
  dataDir: string;
  startedAt: string;
  finishedAt: string;
  interrupted: boolean;
  machine: MachineInfo;
  runs: CollectionRun[];
  /** Per group (Solomon class, MTVRPTWR base, or `all`): mean gap % over feasible runs. */
  averages: { group: string; runs: number; infeasibleRuns: number; meanGapPct: number | null; meanSeconds: number; vehicles?: number; bksVehicles?: number }[];
  /** Solomon and Homberger: every vehicle had a fixed cost above any route (vehicles first; hierarchical best-known table). */
  fixedCost: boolean;
  /** Kim: the lunch breaks were left out. */
  noBreaks: boolean;
  /** Penalised time windows were on (`--time-warp`). */
  timeWarp?: boolean;
  infeasibleRuns: number;
  abortedRuns: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

/**
 * BKS lookup by instance name: [distance, vehicles]. `hierarchical`: the vehicles-first record
 * (`bks_distance_hier`, `bks_vehicles_hier`), else the minimum-distance one.
 */
async function loadSolomonBks(dir: string, hierarchical: boolean): Promise<Map<string, [number, number]>> {
  const file = join(dir, 'bks.csv');
  if (!existsSync(file)) return new Map();
  const rows = parseCsv(await readTextFile(file));
  const h = rows[0] ?? [];
  const cols = hierarchical ? ['instance', 'bks_distance_hier', 'bks_vehicles_hier'] : ['instance', 'bks_distance_min', 'vehicles_at_distance_min'];
  const [ci, cd, cv] = cols.map((k) => h.indexOf(k));
  if (ci < 0 || cd < 0 || cv < 0) throw new InputError(`expected columns ${cols.join(', ')}`, { code: 'E0001', file });
  const value = (x: string) => (x === undefined || x.trim() === '' ? Number.NaN : Number(x));
  return new Map(rows.slice(1).map((r) => [r[ci].toLowerCase(), [value(r[cd]), value(r[cv])]]));
}

/** The fixed cost per vehicle of `--fixed-cost` runs: above any route's cost, so vehicles come first. */
export const VEHICLES_FIRST_FIXED_COST = 10_000_000;

async function mtvrptwrBks(vrpPath: string): Promise<number> {
  const sol = vrpPath.replace(/\.vrp$/, '.sol');
  if (!existsSync(sol)) return Number.NaN;
  const m = /^\s*Cost\s*:?\s*(\d+(?:\.\d+)?)/m.exec(await readTextFile(sol));
  return m ? Number(m[1]) : Number.NaN;
}

/** The job/reload/break steps of the used routes, in vehicle order. */
function usedRoutes(sol: RoutingSolution) {
  return [...sol.routes]
    .sort((a, b) => a.vehicle - b.vehicle)
    .map((r) => r.steps.filter((s) => s.type !== 'start' && s.type !== 'end'))
    .filter((steps) => steps.some((s) => s.type === 'job'));
}

/**
 * The independent check of a solution of a Solomon, MTVRPTWR or Kim instance read by the
 * library's `loadCollectionInstance`: it re-reads the instance in the file's own terms
 * (`text`) and verifies the routes with verifyCollection.ts, which shares nothing with the
 * solver. Used by the bench and by `binroute solve`.
 *
 * @example
 * ```ts
 * const loaded = loadCollectionInstance('kim', '102_stop.txt', text);
 * const check = collectionChecker(loaded, text);
 * const run = check(await solveRouting(loaded.problem, { maxIterations: 100 })); // { feasible, vehicles, metrics, solution, errors? }
 * ```
 */
export function collectionChecker(
  loaded: LoadedCollectionInstance,
  text: string,
  bks?: { solomon?: [distance: number, vehicles: number]; mtvrptwr?: number },
  options: { noBreaks?: boolean } = {},
): (sol: RoutingSolution) => Pick<CollectionRun, 'feasible' | 'errors' | 'vehicles' | 'metrics' | 'solution'> {
  const gap = (x: number, b: number) => (100 * (x - b)) / b;
  const finish = (ok: boolean, errors: string[], sol: RoutingSolution) => {
    const all = [...errors];
    if (sol.unassigned.length > 0) all.unshift(`${sol.unassigned.length} job(s) unassigned`);
    return all.length === 0 && ok ? { feasible: true } : { feasible: false, errors: all.slice(0, 20) };
  };
  const { problem } = loaded;
  if (loaded.format === 'solomon') {
    const inst = loaded.source;
    const [bd, bv] = bks?.solomon ?? [Number.NaN, Number.NaN];
    return (sol) => {
      const routes = usedRoutes(sol).map((steps) => steps.filter((s) => s.type === 'job').map((s) => s.index + 1));
      const c = verifySolomon(inst, routes);
      return {
        ...finish(c.ok, c.errors, sol),
        vehicles: c.vehicles,
        // the literature reports distances rounded to 2 decimals: compare like with like
        metrics: { distance: c.distance, bksDistance: bd, bksVehicles: bv, gapPct: gap(Math.round(c.distance * 100) / 100, bd) },
        solution: routes,
      };
    };
  }
  if (loaded.format === 'mtvrptwr') {
    const data = readMtvrptwrData(text);
    const b = bks?.mtvrptwr ?? Number.NaN;
    return (sol) => {
      const routes = usedRoutes(sol).map((steps) =>
        steps.filter((s) => s.type !== 'break').map((s) => (s.type === 'job' ? problem.jobs[s.index].id : 0)),
      );
      const c = verifyMtvrptwr(data, routes);
      return { ...finish(c.ok, c.errors, sol), vehicles: c.vehicles, metrics: { cost: c.cost, bks: b, gapPct: gap(c.cost, b), reloads: c.reloads }, solution: routes };
    };
  }
  const inst = loaded.source;
  return (sol) => {
    const steps: KimStep[][] = usedRoutes(sol).map((ss) =>
      ss.map((s): KimStep => (s.type === 'job' ? { kind: 'stop', row: inst.jobs[s.index] } : s.type === 'reload' ? { kind: 'disposal', row: inst.facilities[s.index] } : { kind: 'lunch' })),
    );
    const c = verifyKim(options.noBreaks ? { ...inst, lunch: -1 } : inst, steps, problem.vehicles.length);
    const h = (s: number) => s / 3600;
    return {
      ...finish(c.ok, c.errors, sol),
      vehicles: c.vehicles,
      metrics: {
        miles: c.miles,
        durationH: h(c.durations.reduce((a, x) => a + x, 0)),
        maxDurationH: h(Math.max(...c.durations)),
        minDurationH: h(Math.min(...c.durations)),
        disposalTrips: c.disposalTrips,
        fleet: problem.vehicles.length,
      },
      solution: steps.map((r) => r.map((s) => (s.kind === 'lunch' ? -1 : inst.stops[s.row].id))),
    };
  };
}

/**
 * Runs a collection suite (seeds 1..k per instance) through `solveRouting`, verifies every
 * solution independently and summarises: an infeasible run is marked and never enters an
 * average.
 *
 * @example
 * ```ts
 * const report = await runCollectionBench(
 *   { suite: 'solomon', dir: '/work/shared/benchmarks/solomon', iterations: 50, seeds: 1, instances: ['C101'] },
 *   machineInfo(),
 * );
 * ```
 */
export async function runCollectionBench(config: CollectionBenchConfig, machine: MachineInfo): Promise<CollectionReport> {
  const startedAt = new Date().toISOString();
  const instances = listCollectionSuite(config.suite, config.dir, config.instances);
  if (config.fixedCost && !isSolomonLike(config.suite)) throw new InputError(`--fixed-cost: only for the solomon and homberger suites`, { code: 'E6004', field: 'fixed-cost' });
  if (config.noBreaks && config.suite !== 'kim') throw new InputError(`--no-breaks: only for the kim suite`, { code: 'E6004', field: 'no-breaks' });
  const solomonBks = isSolomonLike(config.suite) ? await loadSolomonBks(config.dir, config.fixedCost === true || config.suite === 'homberger') : undefined;
  const seeds = Array.from({ length: config.seeds }, (_, i) => (config.firstSeed ?? 1) + i);
  const total = instances.length * seeds.length;
  const runs: CollectionRun[] = [];
  let index = 0;
  let interrupted = false;
  outer: for (const inst of instances) {
    const mtBks = config.suite === 'mtvrptwr' ? await mtvrptwrBks(inst.path) : undefined;
    const text = await readTextFile(inst.path);
    const loaded = loadCollectionInstance(isSolomonLike(config.suite) ? 'solomon' : (config.suite as 'mtvrptwr' | 'kim'), inst.path, text);
    const { problem } = loaded;
    // vehicles first: every vehicle costs more than any route (the hierarchical objective)
    if (config.fixedCost) for (const v of problem.vehicles) v.costs = { ...v.costs, fixed: VEHICLES_FIRST_FIXED_COST };
    if (config.noBreaks) for (const v of problem.vehicles) v.breaks = [];
    const check = collectionChecker(loaded, text, { solomon: solomonBks?.get(inst.name.toLowerCase()), mtvrptwr: mtBks }, { noBreaks: config.noBreaks });
    for (const seed of seeds) {
      if (config.signal?.aborted) {
        interrupted = true;
        break outer;
      }
      const ev: CollectionRunEvent = { index, total, instance: inst, seed };
      config.onRunStart?.(ev);
      const t0 = performance.now();
      const sol = await solveRouting(problem, {
        seed,
        timeLimitMs: config.timeLimitS === undefined ? undefined : config.timeLimitS * 1000,
        maxIterations: config.iterations,
        timeWarp: config.timeWarp === true ? true : undefined,
        signal: config.signal,
        onProgress: config.onProgress ? (p) => config.onProgress!(ev, p) : undefined,
      });
      const seconds = (performance.now() - t0) / 1000;
      const r: CollectionRun = {
        instance: inst.name,
        group: inst.group,
        seed,
        ...check(sol),
        objective: sol.cost,
        unassigned: sol.unassigned.length,
        iterations: sol.iterations,
        stopReason: sol.stopReason,
        seconds,
      };
      // key order in the JSON: put the solution last
      const { solution, ...rest } = r;
      runs.push({ ...rest, solution });
      config.onRunEnd?.(ev, r);
      index++;
      if (sol.stopReason === 'aborted') {
        interrupted = true;
        break outer;
      }
    }
  }
  const groups = isSolomonLike(config.suite) ? SOLOMON_CLASSES : config.suite === 'mtvrptwr' ? [...new Set(instances.map((i) => i.group))] : [];
  const avg = (group: string, rs: CollectionRun[]) => {
    const done = rs.filter((r) => r.stopReason !== 'aborted');
    const ok = done.filter((r) => r.feasible && Number.isFinite(r.metrics.gapPct));
    return {
      group,
      runs: done.length,
      infeasibleRuns: done.filter((r) => !r.feasible).length,
      meanGapPct: config.suite === 'kim' || ok.length === 0 ? null : mean(ok.map((r) => r.metrics.gapPct)),
      meanSeconds: mean(done.map((r) => r.seconds)),
      // Solomon-like: vehicles used and the best-known table's, summed over the feasible runs
      ...(isSolomonLike(config.suite) ? { vehicles: ok.reduce((a, r) => a + r.vehicles, 0), bksVehicles: ok.reduce((a, r) => a + r.metrics.bksVehicles, 0) } : {}),
    };
  };
  const averages = groups.map((g) => avg(g, runs.filter((r) => r.group === g))).filter((a) => a.runs > 0);
  averages.push(avg('all', runs));
  return {
    format: 'binroute-bench-collection/1',
    suite: config.suite,
    timeLimitS: config.timeLimitS ?? null,
    iterations: config.iterations ?? null,
    seeds,
    instances: instances.map((i) => i.name),
    dataDir: config.dir,
    startedAt,
    finishedAt: new Date().toISOString(),
    interrupted,
    machine,
    fixedCost: config.fixedCost === true,
    noBreaks: config.noBreaks === true,
    timeWarp: config.timeWarp === true,
    runs,
    averages,
    infeasibleRuns: runs.filter((r) => !r.feasible).length,
    abortedRuns: runs.filter((r) => r.stopReason === 'aborted').length,
  };
}

/**
 * The one-line description of a finished run (what `binroute bench` prints per run).
 *
 * @example
 * ```ts
 * runLine(run); // 'C101 seed 1: 10 vehicles, distance 828.94 (BKS 828.94, gap 0.00%) 1.00s'
 * ```
 */
export function runLine(suite: CollectionSuite, r: CollectionRun): string {
  const m = r.metrics;
  let s = `${r.instance} seed ${r.seed}: ${r.vehicles} vehicles, `;
  if (isSolomonLike(suite)) s += `distance ${fixed(m.distance, 2)} (BKS ${fixed(m.bksDistance, 2)}, gap ${fixed(m.gapPct, 2)}%)`;
  else if (suite === 'mtvrptwr') s += `${m.reloads} reloads, cost ${m.cost} (BKS ${m.bks}, gap ${fixed(m.gapPct, 2)}%)`;
  else s += `${fixed(m.miles, 1)} mi, ${fixed(m.durationH, 2)} h, ${m.disposalTrips} disposal trips`;
  s += ` ${r.seconds.toFixed(2)}s ${r.iterations} iterations ${r.stopReason}`;
  if (!r.feasible) s += ` INFEASIBLE: ${r.errors!.join('; ')}`;
  return s;
}

/**
 * The results table of a collection report: one row per run, infeasible runs marked (and left
 * out of the averages), then the averages per group and overall.
 *
 * @example
 * ```ts
 * process.stdout.write(formatCollectionReport(report));
 * ```
 */
export function formatCollectionReport(report: CollectionReport): string {
  const seedCol = report.seeds.length > 1;
  const head = (cols: string[]) => (seedCol ? [cols[0], 'seed', ...cols.slice(1)] : cols);
  const row = (r: CollectionRun, cols: string[]) => (seedCol ? [cols[0], String(r.seed), ...cols.slice(1)] : cols);
  const rows: (string[] | null)[] = [];
  const flag = (r: CollectionRun) => (r.feasible ? 'yes' : 'NO');
  if (isSolomonLike(report.suite)) {
    rows.push(head(['instance', 'vehicles', 'distance', 'BKS', 'BKS veh', 'gap%', 'feasible', 's']));
    for (const r of report.runs) {
      const m = r.metrics;
      rows.push(row(r, [r.instance, String(r.vehicles), fixed(m.distance, 2), fixed(m.bksDistance, 2), fixed(m.bksVehicles, 0), r.feasible ? fixed(m.gapPct, 2) : '-', flag(r), fixed(r.seconds, 2)]));
    }
  } else if (report.suite === 'mtvrptwr') {
    rows.push(head(['instance', 'vehicles', 'reloads', 'cost', 'BKS', 'gap%', 'feasible', 's']));
    for (const r of report.runs) {
      const m = r.metrics;
      rows.push(row(r, [r.instance, String(r.vehicles), String(m.reloads), fixed(m.cost / 10, 1), fixed(m.bks / 10, 1), r.feasible ? fixed(m.gapPct, 2) : '-', flag(r), fixed(r.seconds, 2)]));
    }
  } else {
    rows.push(head(['instance', 'vehicles', 'miles', 'duration h', 'disposal trips', 'max route h', 'min route h', 'unassigned', 'feasible', 's']));
    for (const r of report.runs) {
      const m = r.metrics;
      rows.push(row(r, [r.instance, String(r.vehicles), fixed(m.miles, 1), fixed(m.durationH, 2), String(m.disposalTrips), fixed(m.maxDurationH, 2), fixed(m.minDurationH, 2), String(r.unassigned), flag(r), fixed(r.seconds, 2)]));
    }
  }
  let out = formatTable(rows);
  if (report.suite !== 'kim') {
    out += '\n';
    const veh = isSolomonLike(report.suite);
    const ar: string[][] = [['group', 'runs', 'infeasible', 'mean gap%', 'mean s', ...(veh ? ['vehicles', 'BKS vehicles'] : [])]];
    for (const a of report.averages) {
      ar.push([a.group, String(a.runs), String(a.infeasibleRuns), a.meanGapPct === null ? '-' : fixed(a.meanGapPct, 2), fixed(a.meanSeconds, 2), ...(veh ? [String(a.vehicles), String(a.bksVehicles)] : [])]);
    }
    out += formatTable(ar);
  }
  const limit = report.timeLimitS !== null ? `time limit ${report.timeLimitS} s` : `${report.iterations} iterations`;
  out += `${report.suite}${report.fixedCost ? ' (vehicles first: fixed cost per vehicle, hierarchical BKS)' : ''}${report.noBreaks ? ' (lunch breaks left out)' : ''}${report.timeWarp ? ' (penalised time windows: --time-warp)' : ''}: ${report.runs.length} runs (${limit}, seeds ${report.seeds.join(',')})`;
  if (report.infeasibleRuns) out += `, ${report.infeasibleRuns} INFEASIBLE (left out of the averages)`;
  if (report.interrupted) out += ', interrupted';
  return `${out}\n`;
}
