// The Seongdong day suite (issue #14): the 846-café day as a new user builds it (road matrices
// per profile, opening-hour windows, kg and litre capacities, five e-cargo bikes and five 1-t
// trucks with a fixed cost, a one-hour lunch break, three hubs with return-empty), and a variant
// without hubs, solved at several wall budgets: the plan's cost, routes and km, the iterations,
// when the first plan serving every bin appeared, and how far the wall time overran the budget.
// Every plan is re-checked by the independent collection checker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../src/io/parseScenario.js';
import { planScenario } from '../src/plan/planScenario.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import type { VroomInput } from '../src/vroom/types.js';
import { checkCollectionSolution } from './checkCollectionSolution.js';
import { fixed, formatTable } from './formatTable.js';
import type { MachineInfo } from './machineInfo.js';

/** The two days: with hubs (the fixture as is) and without (capacities × 4, no unloading). */
export const SEONGDONG_DAY_VARIANTS = ['hubs', 'no-hubs'] as const;
export type SeongdongDayVariant = (typeof SEONGDONG_DAY_VARIANTS)[number];

/** One solve of the suite. */
export interface SeongdongDayRun {
  variant: SeongdongDayVariant;
  budgetS: number;
  seed: number;
  cost: number;
  routes: number;
  km: number;
  unassigned: number;
  iterations: number;
  stopReason: string;
  /** Seconds from the start of the solve until the best plan first served every bin (undefined: never). */
  firstCompleteS?: number;
  /** Wall seconds of the solve, explanation included. */
  wallS: number;
  /** wallS − budgetS. */
  overrunS: number;
  valid: boolean;
  errors?: string[];
}

/**
 * The no-hubs variant of a day's VROOM problem: no facilities, no return-empty, every
 * capacity four times larger (the day's 10.7 t then fits without unloading).
 *
 * @example
 * ```ts
 * const flat = withoutHubs(plan.vroom);
 * flat.facilities; // []
 * ```
 */
export function withoutHubs(vroom: VroomInput): VroomInput {
  return {
    ...vroom,
    facilities: [],
    vehicles: vroom.vehicles!.map((v) => ({ ...v, facilities: [], return_empty: false, capacity: v.capacity?.map((c) => 4 * c) })),
  };
}

/**
 * Builds the 846-café day once (road matrices), then solves each variant at each budget and
 * seed.
 *
 * @example
 * ```ts
 * const runs = await runSeongdongDayBench(packageRoot, { budgetsS: [1, 5, 60], seeds: 3 });
 * ```
 */
export async function runSeongdongDayBench(
  packageRoot: string,
  config: { budgetsS: number[]; seeds: number; variants?: readonly SeongdongDayVariant[] },
  onRun?: (r: SeongdongDayRun) => void,
): Promise<SeongdongDayRun[]> {
  const dir = join(packageRoot, 'fixtures', 'seongdong');
  const map = JSON.parse(readFileSync(join(dir, 'map.geojson'), 'utf8'));
  const scenario = parseScenario(JSON.parse(readFileSync(join(dir, 'seongdong-846.json'), 'utf8')));
  // the road matrices and the problem, built once (a 1-iteration plan)
  const built = await planScenario(scenario, { date: '2026-11-23', map, solve: { maxIterations: 1, seed: 1 } });
  const runs: SeongdongDayRun[] = [];
  for (const variant of config.variants ?? SEONGDONG_DAY_VARIANTS) {
    const problem = fromVroom(variant === 'hubs' ? built.vroom : withoutHubs(built.vroom));
    for (const budgetS of config.budgetsS) {
      for (let seed = 1; seed <= config.seeds; seed++) {
        let firstCompleteS: number | undefined;
        const t0 = performance.now();
        const sol = await solveRouting(problem, {
          seed,
          timeLimitMs: budgetS * 1000,
          stallIterations: 0,
          onProgress: (p) => {
            if (firstCompleteS === undefined && p.unassigned === 0) firstCompleteS = (performance.now() - t0) / 1000;
          },
        });
        const wallS = (performance.now() - t0) / 1000;
        if (firstCompleteS === undefined && sol.unassigned.length === 0) firstCompleteS = wallS;
        const errors = checkCollectionSolution(problem, sol).violations;
        const run: SeongdongDayRun = {
          variant,
          budgetS,
          seed,
          cost: sol.cost,
          routes: sol.routes.length,
          km: sol.routes.reduce((a, r) => a + r.schedule.distance, 0) / 1000,
          unassigned: sol.unassigned.length,
          iterations: sol.iterations,
          stopReason: sol.stopReason,
          firstCompleteS,
          wallS,
          overrunS: wallS - budgetS,
          valid: errors.length === 0,
          ...(errors.length ? { errors: errors.slice(0, 10) } : {}),
        };
        runs.push(run);
        onRun?.(run);
      }
    }
  }
  return runs;
}

/** Mean of a list (NaN when empty). */
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The runs as a table, plus one line per variant and budget with the means and the gap of
 * the mean cost to the mean cost at the longest budget.
 *
 * @example
 * ```ts
 * console.log(formatSeongdongDayTable(runs));
 * ```
 */
export function formatSeongdongDayTable(runs: SeongdongDayRun[]): string {
  const rows = runs.map((r) => [
    r.variant,
    String(r.budgetS),
    String(r.seed),
    String(r.cost),
    String(r.routes),
    fixed(r.km, 1),
    String(r.unassigned),
    String(r.iterations),
    r.firstCompleteS === undefined ? 'never' : fixed(r.firstCompleteS, 2),
    fixed(r.wallS, 2),
    fixed(r.overrunS, 2),
    r.valid ? 'yes' : 'NO',
  ]);
  const summary: string[][] = [];
  for (const variant of SEONGDONG_DAY_VARIANTS) {
    const mine = runs.filter((r) => r.variant === variant);
    if (mine.length === 0) continue;
    const longest = Math.max(...mine.map((r) => r.budgetS));
    const ref = mean(mine.filter((r) => r.budgetS === longest).map((r) => r.cost));
    for (const budgetS of [...new Set(mine.map((r) => r.budgetS))]) {
      const at = mine.filter((r) => r.budgetS === budgetS);
      const c = mean(at.map((r) => r.cost));
      summary.push([
        variant,
        String(budgetS),
        fixed(c, 0),
        `${fixed((100 * (c - ref)) / ref, 2)}%`,
        fixed(mean(at.map((r) => r.routes)), 1),
        fixed(mean(at.map((r) => r.iterations)), 0),
        fixed(Math.max(...at.map((r) => r.overrunS)), 2),
      ]);
    }
  }
  return (
    formatTable([['variant', 'budget s', 'seed', 'cost', 'routes', 'km', 'unassigned', 'iterations', 'first complete s', 'wall s', 'overrun s', 'valid'], ...rows]) +
    '\n\n' +
    formatTable([['variant', 'budget s', 'mean cost', 'vs longest', 'mean routes', 'mean iterations', 'worst overrun s'], ...summary])
  );
}

/**
 * The JSON report of the suite (`format: binroute-bench-seongdong-day/1`).
 *
 * @example
 * ```ts
 * writeFileSync(file, JSON.stringify(seongdongDayReport(runs, machineInfo(root))));
 * ```
 */
export function seongdongDayReport(runs: SeongdongDayRun[], machine: MachineInfo) {
  return { format: 'binroute-bench-seongdong-day/1', suite: 'seongdong-day', scenario: 'seongdong-846', date: '2026-11-23', machine, runs };
}
