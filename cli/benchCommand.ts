import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../src/errors.js';
import { EDINBURGH_CSV, EDINBURGH_DIR, formatEdinburghTable, runEdinburghBench, writeEdinburghOutputs } from '../bench/forecastEdinburgh.js';
import { findBenchmarksDir, findPackageRoot, resolveCvrplibDir } from '../bench/locate.js';
import { machineInfo } from '../bench/machineInfo.js';
import { formatSeongdongTable, runSeongdongBench, seongdongReport } from '../bench/seongdongBench.js';
import { formatSeongdongDayTable, runSeongdongDayBench, seongdongDayReport, SEONGDONG_DAY_VARIANTS, type SeongdongDayVariant } from '../bench/seongdongDayBench.js';
import { formatMatrixTable, matrixReport, runMatrixBench } from '../bench/matrixBench.js';
import { formatReport, runBench, writeReport, type BenchConfig, type RunEvent } from '../bench/runBench.js';
import { checkSuiteName, listSuite } from '../bench/suites.js';
import { formatSimulationTable, runSimulation, tradeoffSvg } from '../bench/simulatePolicies.js';
import { DEFAULT_POLICY } from '../src/select/selectBins.js';
import { readScenarioFile } from './readScenarioFile.js';
import {
  formatCollectionReport,
  isCollectionSuite,
  listCollectionSuite,
  resolveSuiteDir,
  runCollectionBench,
  runLine,
  type CollectionBenchConfig,
  type CollectionRunEvent,
} from '../bench/collectionBench.js';
import type { Progress } from '../src/types.js';
import { intFlag, parseArgs, secondsFlag, stringFlag, UsageError } from './args.js';
import type { CliIo } from './cliIo.js';

const DEFAULT_TIME_LIMIT_S = 10;

/**
 * `binroute bench [--suite s] [--time-limit s] [--iterations n] [--seeds k] [--instances a,b]
 * [--data dir] [--out-dir dir] [--quiet]`, or `binroute bench --suite forecast-edinburgh
 * [--data path] [--out dir]`. Returns the exit code: 0, 1 if any solution failed
 * verification, 130 if interrupted.
 *
 * @example
 * ```ts
 * const code = await benchCommand(['--instances', 'X-n101-k25', '--time-limit', '1'], nodeIo());
 * ```
 */
export async function benchCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    suite: 'value',
    'time-limit': 'value',
    iterations: 'value',
    seeds: 'value',
    'first-seed': 'value',
    instances: 'value',
    data: 'value',
    'out-dir': 'value',
    out: 'value',
    quiet: 'switch',
    'no-local-search': 'switch',
    'fixed-cost': 'switch',
    'no-breaks': 'switch',
    'time-warp': 'switch',
    'budget-per-n': 'value',
    budgets: 'value',
    runs: 'value',
    scenario: 'value',
    days: 'value',
    seed: 'value',
    'warmup-days': 'value',
    'prize-weight': 'value',
    'prize-weights': 'value',
  });
  if (flags.has('help')) {
    io.stdout(io.usage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`bench: unexpected argument "${positionals[0]}"`, true);
  const suiteName = stringFlag(flags, 'suite') ?? 'x-dev';
  if (flags.has('first-seed') && ['seongdong', 'seongdong-day', 'matrix', 'forecast-edinburgh', 'simulate'].includes(suiteName)) {
    throw new UsageError(`--first-seed does not apply to --suite ${suiteName}${suiteName === 'simulate' ? ' (use --seed)' : ''}`);
  }
  if (suiteName === 'seongdong') return seongdongBench(flags, io);
  if (suiteName === 'seongdong-day') return seongdongDayBench(flags, io);
  if (suiteName === 'matrix') return matrixBench(flags, io);
  if (suiteName === 'forecast-edinburgh') return forecastEdinburghBench(flags, io);
  if (suiteName === 'simulate') return simulateBench(flags, io);
  const suite = isCollectionSuite(suiteName) ? suiteName : checkSuiteName(suiteName);
  const iterations = intFlag(flags, 'iterations', 0, 2 ** 31 - 1);
  let timeLimitS = secondsFlag(flags, 'time-limit');
  if (timeLimitS === undefined && iterations === undefined) timeLimitS = DEFAULT_TIME_LIMIT_S;
  const seeds = intFlag(flags, 'seeds', 1, 1000) ?? 1;
  const firstSeed = intFlag(flags, 'first-seed', 0, 2 ** 32 - 1000) ?? 1;
  const instancesFlag = stringFlag(flags, 'instances');
  const instances = instancesFlag
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (instancesFlag !== undefined && instances!.length === 0) throw new UsageError('--instances: no instance names');
  const quiet = flags.has('quiet');
  const packageRoot = findPackageRoot(io.cliDir) ?? findPackageRoot(io.cwd);
  const outDirFlag = stringFlag(flags, 'out-dir');
  const outDir = outDirFlag !== undefined ? resolve(io.cwd, outDirFlag) : join(packageRoot ?? io.cwd, 'bench', 'results');
  if (isCollectionSuite(suite)) {
    if (flags.has('budget-per-n')) throw new UsageError('--budget-per-n: only for the CVRP suites (x-dev, x-all, abp)');
    const dir = resolveSuiteDir(suite, stringFlag(flags, 'data'), [io.cwd, io.cliDir]);
    listCollectionSuite(suite, dir, instances); // unknown --instances fail here, before any output
    return collectionBench({ suite, dir, timeLimitS, iterations, seeds, firstSeed, instances, fixedCost: flags.has('fixed-cost'), noBreaks: flags.has('no-breaks'), timeWarp: flags.has('time-warp') }, io, quiet, packageRoot, outDir);
  }

  const cvrplibDir = resolveCvrplibDir(stringFlag(flags, 'data'), [io.cwd, io.cliDir]);
  listSuite(suite, cvrplibDir, instances); // unknown --instances fail here, before any output

  const budgetPerN = secondsFlag(flags, 'budget-per-n');
  if (budgetPerN !== undefined && (flags.has('time-limit') || iterations !== undefined)) throw new UsageError('give --budget-per-n, --time-limit or --iterations, not two of them');
  if (budgetPerN !== undefined) timeLimitS = undefined;
  const controller = new AbortController();
  const live = !quiet && io.stdoutIsTTY;
  const pct = (cost: number, bks: number) => `${((100 * (cost - bks)) / bks).toFixed(2)}%`;
  const config: BenchConfig = {
    suite,
    cvrplibDir,
    timeLimitS,
    budgetPerN,
    iterations,
    seeds,
    firstSeed,
    instances,
    localSearch: !flags.has('no-local-search'),
    signal: controller.signal,
    ...liveLine<RunEvent>(io, live, (e, cost) => pct(cost, e.bks)),
    onRunEnd: (e, r) => {
      if (quiet) return;
      const line =
        `[${e.index + 1}/${e.total}] ${r.instance} seed ${r.seed}: cost ${r.cost} gap ${pct(r.cost, r.bks)} ` +
        `${r.seconds.toFixed(2)}s ${r.iterations} iterations ${r.stopReason}${r.valid ? '' : ` INVALID: ${r.errors!.join('; ')}`}\n`;
      io.stdout(live ? `\r\x1b[K${line}` : line);
    },
  };
  const header = `binroute bench: suite ${suite}, ${budgetPerN !== undefined ? `${budgetPerN} s per customer` : budgetText(timeLimitS, iterations)}, ${seedsText(firstSeed, seeds)}, data ${cvrplibDir}\n`;
  return runAndReport(io, { quiet, live, controller, header, outDir }, () => runBench(config, machineInfo(packageRoot)), formatReport, (report) =>
    report.averages.invalidRuns > 0 ? `${report.averages.invalidRuns} run(s) returned an invalid solution (a bug in the solver)` : undefined,
  );
}

/** `bench` for the collection-model suites (solomon, mtvrptwr, kim): same conventions as the CVRP suites. */
async function collectionBench(
  base: Omit<CollectionBenchConfig, 'signal' | 'onRunStart' | 'onProgress' | 'onRunEnd'>,
  io: CliIo,
  quiet: boolean,
  packageRoot: string | undefined,
  outDir: string,
): Promise<number> {
  const controller = new AbortController();
  const live = !quiet && io.stdoutIsTTY;
  const config: CollectionBenchConfig = {
    ...base,
    signal: controller.signal,
    ...liveLine<CollectionRunEvent>(io, live),
    onRunEnd: (e, r) => {
      if (quiet) return;
      const line = `[${e.index + 1}/${e.total}] ${runLine(base.suite, r)}\n`;
      io.stdout(live ? `\r\x1b[K${line}` : line);
    },
  };
  const header = `binroute bench: suite ${base.suite}, ${budgetText(base.timeLimitS, base.iterations)}, ${seedsText(base.firstSeed ?? 1, base.seeds)}, data ${base.dir}\n`;
  return runAndReport(io, { quiet, live, controller, header, outDir }, () => runCollectionBench(config, machineInfo(packageRoot)), formatCollectionReport, (report) =>
    report.infeasibleRuns > 0
      ? `${report.infeasibleRuns} run(s) returned an infeasible solution (a bug in the solver, or a model the solver does not fully honour yet)`
      : undefined,
  );
}

/** What the live line needs to know about a run. */
interface LiveRunEvent {
  index: number;
  total: number;
  instance: { name: string };
  seed: number;
}

/**
 * The live line of a running suite, redrawn in place on a terminal's stdout: `starting`, then
 * the iteration, the best cost (and its gap when `gap` is given) and the time, at most every 0.1 s.
 */
function liveLine<E extends LiveRunEvent>(io: CliIo, live: boolean, gap?: (e: E, cost: number) => string) {
  let lastDraw = 0;
  const head = (e: E) => `\r\x1b[K[${e.index + 1}/${e.total}] ${e.instance.name} seed ${e.seed}: `;
  return {
    onRunStart: (e: E) => {
      if (live) io.stdout(`${head(e)}starting`);
    },
    onProgress: live
      ? (e: E, p: Progress) => {
          const now = Date.now();
          if (now - lastDraw < 100) return;
          lastDraw = now;
          io.stdout(`${head(e)}iteration ${p.iteration}  best ${p.bestCost}${gap ? ` (${gap(e, p.bestCost)})` : ''}  ${(p.elapsedMs / 1000).toFixed(1)}s`);
        }
      : undefined,
  };
}

/** "seed 2" or "seeds 1..3", for the bench headers. */
function seedsText(first: number, count: number): string {
  return count === 1 ? `seed ${first}` : `seeds ${first}..${first + count - 1}`;
}

function budgetText(timeLimitS: number | undefined, iterations: number | undefined): string {
  return timeLimitS !== undefined ? `${timeLimitS} s per run` : `${iterations} iterations per run`;
}

/**
 * The part both kinds of suite share: header, Ctrl-C handling, the runs, the table, the JSON
 * report, and the exit code (1 when `failure` names a problem, 130 when interrupted).
 */
async function runAndReport<R extends { interrupted: boolean; suite: string; timeLimitS: number | null; iterations: number | null; startedAt: string }>(
  io: CliIo,
  o: { quiet: boolean; live: boolean; controller: AbortController; header: string; outDir: string },
  run: () => Promise<R>,
  format: (report: R) => string,
  failure: (report: R) => string | undefined,
): Promise<number> {
  if (!o.quiet) io.stdout(o.header);
  const detach = io.onInterrupt(() => {
    o.controller.abort();
    io.stderr(`${o.live ? '\r\x1b[K' : ''}binroute: interrupted; stopping after the current run's best solution\n`);
  });
  let report: R;
  try {
    report = await run();
  } finally {
    detach();
  }
  if (o.live) io.stdout('\r\x1b[K');
  io.stdout(`\n${format(report)}`);
  let path: string;
  try {
    path = await writeReport(report, o.outDir);
  } catch (e) {
    throw new InputError(`--out-dir: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0007', file: o.outDir });
  }
  io.stdout(`results: ${path}\n`);
  const problem = failure(report);
  if (problem !== undefined) {
    io.stderr(`binroute: ${problem}\n`);
    return 1;
  }
  return report.interrupted ? 130 : 0;
}

/** `bench --suite seongdong-day [--budgets 1,5,60] [--seeds k] [--instances hubs,no-hubs]`: the 846-café day at several budgets. */
async function seongdongDayBench(flags: Map<string, string | true>, io: CliIo): Promise<number> {
  const budgetsS = (stringFlag(flags, 'budgets') ?? '1,5,60').split(',').map((x) => {
    const b = Number(x.trim());
    if (!Number.isFinite(b) || b <= 0 || b > 3600) throw new UsageError(`--budgets: "${x}" is not a number of seconds in (0, 3600]`);
    return b;
  });
  const seeds = intFlag(flags, 'seeds', 1, 1000) ?? 3;
  const variants = (stringFlag(flags, 'instances') ?? SEONGDONG_DAY_VARIANTS.join(',')).split(',').map((x) => x.trim());
  for (const v of variants) if (!(SEONGDONG_DAY_VARIANTS as readonly string[]).includes(v)) throw new UsageError(`--instances: unknown variant "${v}" (known: ${SEONGDONG_DAY_VARIANTS.join(', ')})`);
  const { packageRoot, outDir } = scenarioSuiteDirs(flags, io, 'seongdong-day');
  io.stdout(`binroute bench: suite seongdong-day, budgets ${budgetsS.join(', ')} s, seeds 1..${seeds}, variants ${variants.join(', ')}\n`);
  const runs = await runSeongdongDayBench(packageRoot, { budgetsS, seeds, variants: variants as SeongdongDayVariant[] }, (r) => {
    if (!flags.has('quiet')) {
      io.stdout(`${r.variant} ${r.budgetS} s seed ${r.seed}: cost ${r.cost}, ${r.routes} routes, ${r.unassigned} unassigned, ${r.iterations} iterations, wall ${r.wallS.toFixed(2)} s${r.valid ? '' : ' INVALID'}\n`);
    }
  });
  io.stdout(`\n${formatSeongdongDayTable(runs)}\n`);
  await writeSuiteReport(io, outDir, 'seongdong-day', seongdongDayReport(runs, machineInfo(packageRoot)));
  return runs.every((r) => r.valid) ? 0 : 1;
}

/** The package root (for fixtures/seongdong) and the report folder of the Seongdong suites. */
function scenarioSuiteDirs(flags: Map<string, string | true>, io: CliIo, suite: string): { packageRoot: string; outDir: string } {
  const packageRoot = findPackageRoot(io.cliDir) ?? findPackageRoot(io.cwd);
  if (!packageRoot) throw new InputError(`bench --suite ${suite}: cannot find the binroute package (fixtures/seongdong)`, { code: 'E0001' });
  const outDirFlag = stringFlag(flags, 'out-dir');
  return { packageRoot, outDir: outDirFlag !== undefined ? resolve(io.cwd, outDirFlag) : join(packageRoot, 'bench', 'results') };
}

/** Writes a suite's JSON report as `<name>-<UTC time>Z.json` in `outDir` and prints its path. */
async function writeSuiteReport(io: CliIo, outDir: string, name: string, report: unknown): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}Z.json`);
  await writeFile(file, `${JSON.stringify(report, null, 1)}\n`);
  io.stdout(`results: ${file}\n`);
}

/** `bench --suite seongdong`: a day of each Seongdong scenario end to end (`bench/seongdongBench.ts`). */
async function seongdongBench(flags: Map<string, string | true>, io: CliIo): Promise<number> {
  const timeLimitS = secondsFlag(flags, 'time-limit') ?? 5;
  const seeds = intFlag(flags, 'seeds', 1, 1000) ?? 1;
  const only = stringFlag(flags, 'instances')?.split(',').map((x) => x.trim());
  const { packageRoot, outDir } = scenarioSuiteDirs(flags, io, 'seongdong');
  io.stdout(`binroute bench: suite seongdong, ${timeLimitS} s per solve, seeds 1..${seeds}\n`);
  const runs = await runSeongdongBench(packageRoot, { timeLimitS, seeds, only }, (r) => {
    if (!flags.has('quiet')) io.stdout(`${r.scenario} seed ${r.seed}: ${r.routes} routes, ${r.unassigned} unassigned, ${r.km.toFixed(1)} km, total ${r.totalS.toFixed(2)} s${r.valid ? '' : ' INVALID'}\n`);
  });
  io.stdout(`\n${formatSeongdongTable(runs)}\n`);
  await writeSuiteReport(io, outDir, `seongdong-${timeLimitS}s`, seongdongReport(runs, machineInfo(packageRoot), timeLimitS));
  return runs.every((r) => r.valid) ? 0 : 1;
}

/** `bench --suite matrix`: matrix build times and figures per provider and profile (`bench/matrixBench.ts`). */
async function matrixBench(flags: Map<string, string | true>, io: CliIo): Promise<number> {
  const builds = intFlag(flags, 'runs', 1, 100) ?? 5;
  const only = stringFlag(flags, 'instances')?.split(',').map((x) => x.trim());
  const { packageRoot, outDir } = scenarioSuiteDirs(flags, io, 'matrix');
  io.stdout(`binroute bench: suite matrix, ${builds} builds per provider and profile (median)\n`);
  const runs = await runMatrixBench(packageRoot, { builds, only }, (r) => {
    if (!flags.has('quiet')) io.stdout(`${r.scenario} ${r.provider} ${r.profile}: ${r.places} places, median ${r.medianS.toFixed(3)} s\n`);
  });
  io.stdout(`\n${formatMatrixTable(runs)}\n`);
  await writeSuiteReport(io, outDir, 'matrix', matrixReport(runs, machineInfo(packageRoot), builds));
  return 0;
}

/**
 * The Edinburgh CSV to forecast: `--data` may name the CSV itself, its folder, or the shared
 * benchmarks folder; without it `../shared/benchmarks` is searched for upwards.
 */
function edinburghCsv(data: string | undefined, starts: string[]): string {
  if (data !== undefined) {
    const d = resolve(data);
    if (!existsSync(d)) throw new InputError('--data: no such file or directory', { code: 'E0001', file: data, field: 'data' });
    if (statSync(d).isFile()) return d;
    for (const candidate of [join(d, EDINBURGH_CSV), join(d, EDINBURGH_DIR, EDINBURGH_CSV)]) if (existsSync(candidate)) return candidate;
    throw new InputError(`--data: holds neither ${EDINBURGH_CSV} nor ${EDINBURGH_DIR}/${EDINBURGH_CSV}`, { code: 'E0001', file: data, field: 'data' });
  }
  const found = findBenchmarksDir(starts);
  const file = found && join(found, EDINBURGH_DIR, EDINBURGH_CSV);
  if (!file || !existsSync(file)) throw new InputError(`cannot find ${EDINBURGH_DIR}/${EDINBURGH_CSV} under ../shared/benchmarks above ${starts.join(' or ')}; pass --data <file>`, { code: 'E0001' });
  return file;
}

/** `bench --suite forecast-edinburgh`: fill forecasts on the Edinburgh litter bins against naive baselines (`bench/forecastEdinburgh.ts`). */
async function forecastEdinburghBench(flags: Map<string, string | true>, io: CliIo): Promise<number> {
  for (const f of ['time-limit', 'iterations', 'seeds', 'instances', 'no-local-search']) if (flags.has(f)) throw new UsageError(`--${f} does not apply to --suite forecast-edinburgh`);
  const file = edinburghCsv(stringFlag(flags, 'data'), [io.cwd, io.cliDir]);
  const packageRoot = findPackageRoot(io.cliDir) ?? findPackageRoot(io.cwd);
  const outFlag = stringFlag(flags, 'out') ?? stringFlag(flags, 'out-dir');
  if (flags.has('out') && flags.has('out-dir')) throw new UsageError('give --out or --out-dir, not both');
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const outDir = outFlag !== undefined ? resolve(io.cwd, outFlag) : join(packageRoot ?? io.cwd, 'bench', 'results', `forecast-edinburgh-${stamp}`);
  if (!flags.has('quiet')) io.stdout(`binroute bench: suite forecast-edinburgh, data ${file}\n`);
  const { report, predictions } = runEdinburghBench(await readFile(file, 'utf8'), file, machineInfo(packageRoot));
  io.stdout(`\n${formatEdinburghTable(report)}`);
  let paths: string[];
  try {
    paths = await writeEdinburghOutputs(report, predictions, outDir);
  } catch (e) {
    throw new InputError(`--out: cannot write the results (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0007', file: outDir });
  }
  io.stdout(`results: ${paths.join(', ')}\n`);
  return 0;
}

/**
 * `bench --suite simulate --scenario FILE [--days N] [--seed N] [--time-limit S | --iterations N]
 * [--out DIR]`: the 28-day simulation of three collection policies (fixed schedule, threshold,
 * binroute) on one ground truth; writes `summary.json` and `tradeoff.svg` and prints the table.
 * `--scenario` is a scenario file or a name under `fixtures/seongdong` (e.g. `seongdong-846`);
 * the map is `map.geojson` next to it.
 */
async function simulateBench(flags: Map<string, string | true>, io: CliIo): Promise<number> {
  for (const f of ['instances', 'no-local-search', 'budgets', 'runs', 'data']) if (flags.has(f)) throw new UsageError(`--${f} does not apply to --suite simulate`);
  const name = stringFlag(flags, 'scenario');
  if (!name) throw new UsageError('--suite simulate needs --scenario FILE (e.g. fixtures/seongdong/seongdong-200.json)');
  const packageRoot = findPackageRoot(io.cliDir) ?? findPackageRoot(io.cwd);
  const base = name.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  const candidates = [resolve(io.cwd, name), resolve(io.cwd, `${name}.json`), ...(packageRoot ? [join(packageRoot, 'fixtures', 'seongdong', `${base}.json`)] : [])];
  const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!file) throw new UsageError(`--scenario: no scenario file ${name}`);
  const mapFile = join(file, '..', 'map.geojson');
  if (!existsSync(mapFile)) throw new UsageError(`--scenario: no map.geojson next to ${file}`);
  const scenario = await readScenarioFile(file);
  const map = JSON.parse(await readFile(mapFile, 'utf8'));
  const days = intFlag(flags, 'days', 1, 366) ?? 28;
  const seed = intFlag(flags, 'seed', 0, 2 ** 31 - 1) ?? 1;
  const seeds = intFlag(flags, 'seeds', 1, 100) ?? 1;
  const warmupDays = intFlag(flags, 'warmup-days', 0, 60) ?? 7;
  const weights = (name: string): number[] | undefined => {
    const text = stringFlag(flags, name);
    return text?.split(',').map((w) => {
      const v = Number(w.trim());
      if (w.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1e9) throw new UsageError(`--${name}: expected numbers from 0 to 1e9${name === 'prize-weights' ? ' separated by commas' : ''}, got "${text}"`);
      return v;
    });
  };
  const single = weights('prize-weight');
  if (single && single.length !== 1) throw new UsageError(`--prize-weight: expected one number (--prize-weights takes a list)`);
  const prizeWeight = single?.[0] ?? DEFAULT_POLICY.prizeWeight;
  const sweepWeights = weights('prize-weights') ?? [prizeWeight / 3, prizeWeight, prizeWeight * 3];
  const iterations = intFlag(flags, 'iterations', 1, 2 ** 31 - 1);
  const timeLimitS = secondsFlag(flags, 'time-limit');
  if (iterations !== undefined && timeLimitS !== undefined) throw new UsageError('give --time-limit or --iterations, not both');
  if (flags.has('out') && flags.has('out-dir')) throw new UsageError('give --out or --out-dir, not both');
  const outFlag = stringFlag(flags, 'out') ?? stringFlag(flags, 'out-dir');
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const outDir = outFlag !== undefined ? resolve(io.cwd, outFlag) : join(packageRoot ?? io.cwd, 'bench', 'results', `simulate-${base}-${stamp}`);
  const quiet = flags.has('quiet');
  if (!quiet) io.stdout(`binroute bench: suite simulate, ${scenario.name}, ${days} days after a ${warmupDays}-day warm-up, seeds ${seed}–${seed + seeds - 1}\n`);
  const summary = await runSimulation(scenario, {
    days,
    seed,
    seeds,
    warmupDays,
    prizeWeight,
    sweepWeights,
    map,
    ...(iterations !== undefined ? { maxIterations: iterations } : { timeLimitMs: (timeLimitS ?? 2) * 1000 }),
    onDay: quiet ? undefined : (policy, d) => io.stderr(`${policy} day ${d + 1}/${days}\r`),
  });
  io.stdout(`\n${formatSimulationTable(summary)}`);
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'summary.json'), `${JSON.stringify({ ...summary, machine: machineInfo(packageRoot) }, null, 2)}\n`);
    await writeFile(join(outDir, 'tradeoff.svg'), tradeoffSvg(summary));
  } catch (e) {
    throw new InputError(`--out: cannot write the results (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0007', file: outDir });
  }
  io.stdout(`results: ${join(outDir, 'summary.json')}, ${join(outDir, 'tradeoff.svg')}\n`);
  return 0;
}
