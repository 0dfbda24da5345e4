// Runs a benchmark suite through the public solve(), verifies every solution independently,
// and summarises and records the results.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { solve } from '../src/index.js';
import type { Progress, StopReason } from '../src/types.js';
import { readVrpFile } from '../src/io/readFiles.js';
import { fixed, formatTable } from './formatTable.js';
import type { MachineInfo } from './machineInfo.js';
import { listSuite, loadBks, type BenchInstance, type SuiteName } from './suites.js';
import { verifySolution } from './verifySolution.js';

/** What to run. */
export interface BenchConfig {
  suite: SuiteName;
  /** Folder holding `X/`, `A/`, `B/`, `P/` and `bks-ABP.csv`. */
  cvrplibDir: string;
  /** Seconds per run; `undefined` means no time limit (then `iterations` must be set). */
  timeLimitS?: number;
  /**
   * Seconds per customer: each instance's time limit is this × (dimension − 1), the protocol of
   * HGS-CVRP's and PyVRP's published tables (2.4 s per customer = a T_max of 2.4·n s).
   */
  budgetPerN?: number;
  /** Iterations per run, if limited. */
  iterations?: number;
  /** Runs per instance, with seeds firstSeed..firstSeed+seeds-1. */
  seeds: number;
  /** The first seed (default 1). */
  firstSeed?: number;
  /** Restrict to these instance names. */
  instances?: string[];
  /** Local search after each ruin-and-recreate step (default true; false measures plain SISR). */
  localSearch?: boolean;
  /** Aborting stops the current run (its best solution is recorded) and skips the rest. */
  signal?: AbortSignal;
  onRunStart?: (e: RunEvent) => void;
  onProgress?: (e: RunEvent, p: Progress) => void;
  onRunEnd?: (e: RunEvent, r: RunResult) => void;
}

/** Which run an event is about. */
export interface RunEvent {
  /** 0-based index of the run among all runs. */
  index: number;
  total: number;
  instance: BenchInstance;
  seed: number;
  bks: number;
}

/** One solve of one instance with one seed. */
export interface RunResult {
  instance: string;
  n: number;
  seed: number;
  bks: number;
  /** Cost recomputed by the independent verifier. */
  cost: number;
  /** 100 × (cost − bks) / bks. */
  gapPct: number;
  routes: number;
  iterations: number;
  stopReason: StopReason;
  /** Wall-clock seconds around the `solve()` call. */
  seconds: number;
  /** `elapsedMs / 1000` as reported by `solve()`. */
  solverSeconds: number;
  /** Feasible and the reported cost equals the recomputed one. */
  valid: boolean;
  /** The number of vehicles the BKS assumes (A/B/P sets), when there is such a limit. */
  fleetLimit?: number;
  /**
   * More routes than `fleetLimit`: `solve()` has no fleet limit, so such a run may beat the
   * (fleet-limited) optimum and its gap is not comparable.
   */
  overFleet: boolean;
  /** Violations found by the verifier, when not valid. */
  errors?: string[];
  /** The solution's routes (customers 1..n-1). */
  solution: number[][];
}

/** Per-instance aggregate over the valid, completed runs. */
export interface InstanceSummary {
  instance: string;
  n: number;
  bks: number;
  runs: number;
  meanCost: number;
  bestCost: number;
  meanGapPct: number;
  bestGapPct: number;
  meanSeconds: number;
  meanIterations: number;
  /** Runs with more routes than the fleet the BKS assumes (gaps not comparable). */
  overFleetRuns: number;
}

/** Everything a benchmark produced; this is the JSON written under `bench/results/`. */
export interface BenchReport {
  format: 'binroute-bench/1';
  suite: SuiteName;
  timeLimitS: number | null;
  /** Seconds per customer, when the time limit scaled with the instance (`--budget-per-n`). */
  budgetPerN?: number | null;
  /** False when the run measured the metaheuristic without local search (absent in older reports). */
  localSearch?: boolean;
  iterations: number | null;
  seeds: number[];
  instances: string[];
  cvrplibDir: string;
  startedAt: string;
  finishedAt: string;
  /** True when the run was stopped early (SIGINT). */
  interrupted: boolean;
  machine: MachineInfo;
  runs: RunResult[];
  summary: InstanceSummary[];
  averages: {
    /** Mean over the comparable instances (no over-fleet run) of the mean gap. */
    meanGapPct: number;
    /** Mean over the comparable instances of the best gap. */
    bestGapPct: number;
    /** Instances entering the gap averages. */
    comparableInstances: number;
    overFleetRuns: number;
    meanSeconds: number;
    runs: number;
    invalidRuns: number;
    abortedRuns: number;
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

/**
 * Runs every instance of a suite with seeds 1..k through the public `solve()`, checks each
 * solution with {@link verifySolution} (visits, capacity, recomputed cost) and summarises.
 *
 * @example
 * ```ts
 * const report = await runBench(
 *   { suite: 'x-dev', cvrplibDir: '/work/shared/benchmarks/cvrplib', timeLimitS: 1, seeds: 1, instances: ['X-n101-k25'] },
 *   machineInfo(),
 * );
 * console.log(report.averages.meanGapPct);
 * ```
 */
export async function runBench(config: BenchConfig, machine: MachineInfo): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const instances = listSuite(config.suite, config.cvrplibDir, config.instances);
  const bks = await loadBks(instances, config.cvrplibDir);
  const seeds = Array.from({ length: config.seeds }, (_, i) => (config.firstSeed ?? 1) + i);
  const total = instances.length * seeds.length;
  const runs: RunResult[] = [];
  let index = 0;
  let interrupted = false;

  outer: for (const inst of instances) {
    const problem = await readVrpFile(inst.vrpPath);
    for (const seed of seeds) {
      if (config.signal?.aborted) {
        interrupted = true;
        break outer;
      }
      const ev: RunEvent = { index, total, instance: inst, seed, bks: bks.get(inst.name)! };
      config.onRunStart?.(ev);
      const t0 = performance.now();
      const sol = await solve(problem, {
        seed,
        timeLimitMs: config.budgetPerN !== undefined ? config.budgetPerN * (problem.dimension - 1) * 1000 : config.timeLimitS === undefined ? undefined : config.timeLimitS * 1000,
        maxIterations: config.iterations,
        localSearch: config.localSearch,
        signal: config.signal,
        onProgress: config.onProgress ? (p) => config.onProgress!(ev, p) : undefined,
      });
      const seconds = (performance.now() - t0) / 1000;
      const check = verifySolution(problem, sol.routes, sol.cost);
      const r: RunResult = {
        instance: inst.name,
        n: problem.dimension,
        seed,
        bks: ev.bks,
        cost: check.cost,
        gapPct: (100 * (check.cost - ev.bks)) / ev.bks,
        routes: sol.routes.length,
        iterations: sol.iterations,
        stopReason: sol.stopReason,
        seconds,
        solverSeconds: sol.elapsedMs / 1000,
        valid: check.ok,
        overFleet: inst.fleetLimit !== undefined && sol.routes.length > inst.fleetLimit,
        solution: sol.routes,
      };
      if (inst.fleetLimit !== undefined) r.fleetLimit = inst.fleetLimit;
      if (!check.ok) r.errors = check.errors;
      runs.push(r);
      config.onRunEnd?.(ev, r);
      index++;
      if (sol.stopReason === 'aborted') {
        interrupted = true;
        break outer;
      }
    }
  }

  const summary: InstanceSummary[] = [];
  for (const inst of instances) {
    const ok = runs.filter((r) => r.instance === inst.name && r.valid && r.stopReason !== 'aborted');
    if (ok.length === 0) continue;
    summary.push({
      instance: inst.name,
      n: inst.n,
      bks: bks.get(inst.name)!,
      runs: ok.length,
      meanCost: mean(ok.map((r) => r.cost)),
      bestCost: Math.min(...ok.map((r) => r.cost)),
      meanGapPct: mean(ok.map((r) => r.gapPct)),
      bestGapPct: Math.min(...ok.map((r) => r.gapPct)),
      meanSeconds: mean(ok.map((r) => r.seconds)),
      meanIterations: mean(ok.map((r) => r.iterations)),
      overFleetRuns: ok.filter((r) => r.overFleet).length,
    });
  }

  const comparable = summary.filter((s) => s.overFleetRuns === 0);
  return {
    format: 'binroute-bench/1',
    suite: config.suite,
    timeLimitS: config.timeLimitS ?? null,
    budgetPerN: config.budgetPerN ?? null,
    localSearch: config.localSearch !== false,
    iterations: config.iterations ?? null,
    seeds,
    instances: instances.map((i) => i.name),
    cvrplibDir: config.cvrplibDir,
    startedAt,
    finishedAt: new Date().toISOString(),
    interrupted,
    machine,
    runs,
    summary,
    averages: {
      meanGapPct: mean(comparable.map((s) => s.meanGapPct)),
      bestGapPct: mean(comparable.map((s) => s.bestGapPct)),
      comparableInstances: comparable.length,
      overFleetRuns: runs.filter((r) => r.overFleet).length,
      meanSeconds: mean(summary.map((s) => s.meanSeconds)),
      runs: runs.length,
      invalidRuns: runs.filter((r) => !r.valid).length,
      abortedRuns: runs.filter((r) => r.stopReason === 'aborted').length,
    },
  };
}

/**
 * The results table: instance, n, BKS, mean cost, best cost, mean and best gap (%), mean
 * seconds and iterations per run, then the averages over instances.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(report));
 * ```
 */
export function formatReport(report: BenchReport): string {
  const rows: (string[] | null)[] = [['instance', 'n', 'BKS', 'cost', 'best', 'gap%', 'best gap%', 's/run', 'iterations']];
  for (const s of report.summary) {
    const mark = s.overFleetRuns > 0 ? '*' : '';
    rows.push([
      s.instance,
      String(s.n),
      String(s.bks),
      fixed(s.meanCost, s.runs > 1 ? 1 : 0),
      String(s.bestCost),
      fixed(s.meanGapPct, 2) + mark,
      fixed(s.bestGapPct, 2) + mark,
      fixed(s.meanSeconds, 2),
      String(Math.round(s.meanIterations)),
    ]);
  }
  const a = report.averages;
  rows.push(null);
  rows.push([`average (${a.comparableInstances})`, '', '', '', '', fixed(a.meanGapPct, 2), fixed(a.bestGapPct, 2), fixed(a.meanSeconds, 2), '']);
  let out = formatTable(rows);
  const limit = report.budgetPerN
    ? `time limit ${report.budgetPerN} s per customer`
    : report.timeLimitS !== null
      ? `time limit ${report.timeLimitS} s`
      : `${report.iterations} iterations`;
  out += `${report.suite}: ${a.runs} runs (${limit}, seeds ${report.seeds.join(',')})`;
  if (a.invalidRuns) out += `, ${a.invalidRuns} INVALID`;
  if (report.interrupted) out += ', interrupted';
  out += '\n';
  if (a.overFleetRuns > 0) {
    out +=
      `* ${a.overFleetRuns} run(s) used more routes than the k vehicles the best-known value assumes ` +
      '(solve() has no fleet limit); those gaps are not comparable and are left out of the averages\n';
  }
  return out;
}

/**
 * The file name a report is written under: `<suite>-<limit>-<UTC date-time>.json`, e.g.
 * `x-dev-10s-2026-01-15T09-30-00Z.json` (or `x-dev-5000it-….json` for iteration budgets).
 *
 * @example
 * ```ts
 * reportFileName(report); // 'x-dev-1s-2026-01-15T09-30-00Z.json'
 * ```
 */
export function reportFileName(report: { suite: string; timeLimitS: number | null; budgetPerN?: number | null; iterations: number | null; startedAt: string; localSearch?: boolean }): string {
  const limit = report.budgetPerN ? `${report.budgetPerN}s-per-n` : report.timeLimitS !== null ? `${report.timeLimitS}s` : `${report.iterations}it`;
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const variant = report.localSearch === false ? '-nols' : '';
  return `${report.suite}${variant}-${limit}-${stamp}.json`;
}

/**
 * Writes a report (a {@link BenchReport} or a collection-suite report) as pretty JSON into `dir` (created if needed) and returns the file's path.
 *
 * @example
 * ```ts
 * const path = await writeReport(report, 'bench/results');
 * ```
 */
export async function writeReport(
  report: { suite: string; timeLimitS: number | null; iterations: number | null; startedAt: string },
  dir: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, reportFileName(report));
  const json = JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)
    // keep arrays of numbers (the routes) on one line each
    .replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, inner: string) => `[${inner.replace(/\s+/g, '')}]`);
  await writeFile(path, `${json}\n`);
  return path;
}
