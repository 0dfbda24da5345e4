// The Seongdong plan suite: a day of each Seongdong scenario end to end (road matrices, problem,
// solve, geometry, instructions, report) with the time of every stage, the plan's size and
// quality figures, and the process's peak memory; every plan re-checked by the independent
// collection checker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../src/io/parseScenario.js';
import { planScenario } from '../src/plan/planScenario.js';
import { checkCollectionSolution } from './checkCollectionSolution.js';
import { fixed, formatTable } from './formatTable.js';
import type { MachineInfo } from './machineInfo.js';

/** The scenarios of the suite, smallest first; `seoul-10k` runs only when named (`--instances seoul-10k`). */
export const SEONGDONG_SCENARIOS = ['seongdong-200', 'seongdong-846', 'seoul-10k'] as const;
const BY_DEFAULT = ['seongdong-200', 'seongdong-846'];

/** One plan of the suite. */
export interface SeongdongRun {
  scenario: string;
  seed: number;
  bins: number;
  routes: number;
  unassigned: number;
  km: number;
  drivingHours: number;
  cost: number;
  iterations: number;
  stopReason: string;
  /** Seconds for the road matrices (part of buildS). */
  matrixS: number;
  buildS: number;
  solveS: number;
  renderS: number;
  totalS: number;
  /** Peak resident memory of the process so far, MB (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
  valid: boolean;
  errors?: string[];
}

/**
 * Plans 2026-11-23 for each scenario and seed with a time budget, re-checks every plan, and
 * returns the runs.
 *
 * @example
 * ```ts
 * const runs = await runSeongdongBench(packageRoot, { timeLimitS: 5, seeds: 1 });
 * ```
 */
export async function runSeongdongBench(packageRoot: string, config: { timeLimitS: number; seeds: number; only?: string[] }, onRun?: (r: SeongdongRun) => void): Promise<SeongdongRun[]> {
  const dir = join(packageRoot, 'fixtures', 'seongdong');
  const map = JSON.parse(readFileSync(join(dir, 'map.geojson'), 'utf8'));
  const runs: SeongdongRun[] = [];
  for (const name of SEONGDONG_SCENARIOS) {
    if (config.only ? !config.only.includes(name) : !BY_DEFAULT.includes(name)) continue;
    const scenario = parseScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    for (let seed = 1; seed <= config.seeds; seed++) {
      const plan = await planScenario(scenario, { date: '2026-11-23', map, solve: { timeLimitMs: config.timeLimitS * 1000, seed } });
      const errors = checkCollectionSolution(plan.problem, plan.solution).violations;
      const s = plan.output.summary;
      const t = plan.timings;
      const run: SeongdongRun = {
        scenario: name,
        seed,
        bins: scenario.bins.length,
        routes: s.routes,
        unassigned: s.unassigned,
        km: s.distance / 1000,
        drivingHours: s.duration / 3600,
        cost: s.cost,
        iterations: plan.solution.iterations,
        stopReason: plan.solution.stopReason,
        matrixS: t.matrixMs / 1000,
        buildS: t.buildMs / 1000,
        solveS: t.solveMs / 1000,
        renderS: t.renderMs / 1000,
        totalS: (t.buildMs + t.solveMs + t.renderMs) / 1000,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        valid: errors.length === 0,
        ...(errors.length ? { errors: errors.slice(0, 10) } : {}),
      };
      runs.push(run);
      onRun?.(run);
    }
  }
  return runs;
}

/**
 * The runs as a table.
 *
 * @example
 * ```ts
 * console.log(formatSeongdongTable(runs));
 * ```
 */
export function formatSeongdongTable(runs: SeongdongRun[]): string {
  return formatTable([
    ['scenario', 'seed', 'bins', 'routes', 'unassigned', 'km', 'driving h', 'iterations', 'matrix s', 'build s', 'solve s', 'render s', 'total s', 'peak RSS MB', 'valid'],
    ...runs.map((r) => [r.scenario, String(r.seed), String(r.bins), String(r.routes), String(r.unassigned), fixed(r.km, 1), fixed(r.drivingHours, 1), String(r.iterations), fixed(r.matrixS, 2), fixed(r.buildS, 2), fixed(r.solveS, 2), fixed(r.renderS, 2), fixed(r.totalS, 2), fixed(r.peakRssMb, 0), r.valid ? 'yes' : 'NO']),
  ]);
}

/**
 * The JSON report of the suite (`format: binroute-bench-seongdong/1`).
 *
 * @example
 * ```ts
 * writeFileSync(file, JSON.stringify(seongdongReport(runs, machineInfo(root), 5)));
 * ```
 */
export function seongdongReport(runs: SeongdongRun[], machine: MachineInfo, timeLimitS: number) {
  return { format: 'binroute-bench-seongdong/1', suite: 'seongdong', timeLimitS, date: '2026-11-23', machine, runs };
}
