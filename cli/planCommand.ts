import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../src/errors.js';
import type { ReportInput } from '../src/report/renderReport.js';
import { readScenarioFile } from './readScenarioFile.js';
import { kpiLine, planScenario } from '../src/plan/planScenario.js';
import type { SolveOptions } from '../src/types.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { intFlag, parseArgs, secondsFlag, stringFlag, UsageError, type FlagSpec } from './args.js';
import type { CliIo } from './cliIo.js';
import { withProgress } from './withProgress.js';
import { readReadings } from '../src/forecast/readReadings.js';
import { forecastBins } from '../src/forecast/forecastBins.js';
import { selectBins, DEFAULT_POLICY, type BinSelection } from '../src/select/selectBins.js';

const FLAGS: FlagSpec = { scenario: 'value', date: 'value', out: 'value', 'time-limit': 'value', iterations: 'value', seed: 'value', 'cycle-days': 'value', map: 'value', lang: 'value', matrix: 'value', osrm: 'value', 'osrm-profile': 'value', hour: 'value', speeds: 'value', readings: 'value', now: 'value', quiet: 'switch' };

/** The report's background layers: --map, else map.geojson beside the scenario, else none. */
async function readMap(flag: string | undefined, scenarioFile: string): Promise<ReportInput['map']> {
  const file = flag ?? join(dirname(scenarioFile), 'map.geojson');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if (flag === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`--map: cannot read a GeoJSON FeatureCollection (${(e as Error).message})`, { code: 'E0001', file, field: 'map' });
  }
}

/** A JSON file given by a flag, else `name` beside the scenario (an error when missing). */
async function readJsonBeside(flag: string | undefined, scenarioFile: string, name: string, what: string) {
  const file = flag ?? join(dirname(scenarioFile), name);
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError(`--${what}: cannot read ${file} (${(e as Error).message})`, { code: 'E0001', field: what });
  }
}

/** One row per bin: the selection's decision, its reason and the forecast it rests on. */
function selectionCsv(selection: readonly BinSelection[]): string {
  const q = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const rows = selection.map((c) => [c.binId, c.decision, c.fill.toFixed(1), c.risk.toFixed(3), c.kg.toFixed(1), c.litres.toFixed(1), c.prize ?? '', c.basis, c.status, q(c.reason)].join(','));
  return `bin_id,decision,fill_percent,p_overflow_before_next,kg,litres,prize,basis,status,reason\n${rows.join('\n')}\n`;
}

/** Default solve budget of `plan`, in seconds. */
const DEFAULT_PLAN_SECONDS = 5;

/**
 * `binroute plan --scenario FILE --date YYYY-MM-DD [--out DIR] [--time-limit S] [--iterations N]
 * [--seed N] [--cycle-days N] [--readings FILE [--now TIME]] [--quiet]`: the day's plan of a
 * scenario. With `--readings`, each bin is forecast and selected (must-go, may-go with a prize,
 * or skipped; `selection.csv`); without, each bin's amount is its expected generation over
 * `--cycle-days` days (default 2) and every bin goes.
 * Writes `problem.json` (VROOM JSON with binroute's extensions), `solution.json` (VROOM
 * output), `routes.geojson` (trips and stops), `instructions.<lang>.txt` (turn-by-turn, Korean by
 * default, `--lang en`) and `report.html` (an offline map and tables;
 * background layers from --map or `map.geojson` beside the scenario) to DIR (default `out/`), re-checks the solution with the independent checker, and
 * prints a summary with the time split. Returns the exit code.
 *
 * @example
 * ```ts
 * await planCommand(['--scenario', 'fixtures/seongdong/seongdong-846.json', '--date', '2026-11-23'], nodeIo());
 * ```
 */
export async function planCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, FLAGS);
  if (positionals.length > 0) throw new UsageError(`plan: unexpected argument "${positionals[0]}"`, true);
  const file = stringFlag(flags, 'scenario');
  if (file === undefined) throw new UsageError('plan: --scenario <file> is required', true);
  const date = stringFlag(flags, 'date');
  if (date === undefined) throw new UsageError('plan: --date YYYY-MM-DD is required', true);
  const outDir = stringFlag(flags, 'out') ?? 'out';
  const seconds = secondsFlag(flags, 'time-limit');
  const iterations = intFlag(flags, 'iterations', 0, 2 ** 31 - 1);
  const options: SolveOptions = { seed: intFlag(flags, 'seed', 0, 2 ** 32 - 1) ?? 1 };
  if (iterations !== undefined) options.maxIterations = iterations;
  if (seconds !== undefined || iterations === undefined) options.timeLimitMs = (seconds ?? DEFAULT_PLAN_SECONDS) * 1000;
  const cycleDays = intFlag(flags, 'cycle-days', 1, 60) ?? 2;
  const lang = stringFlag(flags, 'lang') ?? 'ko';
  if (lang !== 'ko' && lang !== 'en') throw new UsageError(`--lang: expected ko or en, got "${lang}"`);
  const quiet = flags.has('quiet');

  const osrmUrl = stringFlag(flags, 'osrm');
  const matrixKind = stringFlag(flags, 'matrix') ?? (osrmUrl ? 'osrm' : 'road');
  if (matrixKind !== 'road' && matrixKind !== 'haversine' && matrixKind !== 'osrm') throw new UsageError(`--matrix: expected road, haversine or osrm, got "${matrixKind}"`);
  if (matrixKind === 'osrm' && !osrmUrl) throw new UsageError('--matrix osrm needs --osrm <url>');
  const osrm = osrmUrl ? { baseUrl: osrmUrl, profile: stringFlag(flags, 'osrm-profile') ?? 'driving' } : undefined;
  const scenario = await readScenarioFile(file);
  const map = await readMap(stringFlag(flags, 'map'), file);
  const hour = intFlag(flags, 'hour', 0, 23);
  const speeds = hour === undefined ? undefined : await readJsonBeside(stringFlag(flags, 'speeds'), file, 'speeds.json', 'speeds');
  // with readings: forecast every bin, then must-go / may-go / skip (docs/selection.md)
  let selection: BinSelection[] | undefined;
  const readingsFile = stringFlag(flags, 'readings');
  if (readingsFile !== undefined) {
    let text: string;
    try {
      text = await readFile(readingsFile, 'utf8');
    } catch (e) {
      throw new InputError(`--readings: cannot read ${readingsFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0001', field: 'readings' });
    }
    const checked = readReadings(text, { binIds: scenario.bins.map((b) => b.id), file: readingsFile, naiveOffsetMinutes: DEFAULT_POLICY.utcOffsetMinutes });
    if (checked.problems.length > 0 && !quiet) {
      io.stderr(`binroute: ${checked.problems.length} of ${checked.total} readings left out, e.g. ${checked.problems.slice(0, 3).map((p) => p.message).join('; ')}\n`);
    }
    const now = stringFlag(flags, 'now') ?? `${date}T07:00:00+09:00`;
    const forecasts = forecastBins(checked, scenario.bins, { now, cycleDays, utcOffsetMinutes: DEFAULT_POLICY.utcOffsetMinutes });
    selection = selectBins(scenario.bins, forecasts, date, scenario.densityKgPerLitre);
  }
  const plan = await withProgress(file.replace(/^.*[\\/]/, ''), options, quiet, io, () =>
    planScenario(scenario, { date, cycleDays, matrix: matrixKind, osrm, map, language: lang, solve: options, speeds, hour, selection }),
  );
  const { output, problem, solution, timings } = plan;
  const violations = checkCollectionSolution(problem, solution).violations;
  await mkdir(outDir, { recursive: true });
  const files: [string, string][] = [
    ['problem.json', `${JSON.stringify(plan.vroom)}\n`],
    ['solution.json', `${JSON.stringify(output)}\n`],
    ['routes.geojson', `${JSON.stringify(plan.routes)}\n`],
    [`instructions.${lang}.txt`, plan.instructions],
    ['report.html', plan.report],
  ];
  if (selection) files.push(['selection.csv', selectionCsv(selection)]);
  const w0 = performance.now();
  for (const [name, text] of files) await writeFile(join(outDir, name), text);
  const writeS = (performance.now() - w0) / 1000;
  if (!quiet) {
    const s = output.summary;
    const kg = s.pickup[0] ?? 0;
    io.stdout(
      `${date}: ${problem.jobs.length} bins, ${s.routes} routes, ${s.unassigned} unassigned, ${(s.distance / 1000).toFixed(1)} km, ` +
        `${(s.duration / 3600).toFixed(1)} h driving, ${kg} kg; cost ${s.cost}; iterations ${solution.iterations}, stop ${solution.stopReason}\n` +
        `kpis: ${kpiLine(plan.kpis)}\n` +
        (selection ? `selection: ${selection.filter((c) => c.decision === 'must').length} must-go, ${selection.filter((c) => c.decision === 'may').length} may-go, ${plan.skipped.length} skipped (selection.csv)\n` : '') +
        `travel: ${plan.travel}\n` +
        `time: build ${(timings.buildMs / 1000).toFixed(2)} s (matrices ${(timings.matrixMs / 1000).toFixed(2)} s), solve ${(timings.solveMs / 1000).toFixed(2)} s, render ${(timings.renderMs / 1000).toFixed(2)} s, write ${writeS.toFixed(2)} s\n` +
        `wrote ${files.slice(0, 4).map(([f]) => join(outDir, f)).join(', ')}\n` +
        `report: ${join(outDir, 'report.html')}\n`,
    );
  }
  if (violations.length > 0) {
    io.stderr(`binroute: the plan fails the independent check (a bug in the solver): ${violations.slice(0, 5).join('; ')}\n`);
    return 1;
  }
  return 0;
}
