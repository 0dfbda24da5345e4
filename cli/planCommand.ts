import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../src/errors.js';
import { renderReport, type ReportInput } from '../src/report/renderReport.js';
import { readScenarioFile } from './readScenarioFile.js';
import { scenarioToVroom, scenarioPlaces, type ScenarioPlanOptions } from '../src/plan/scenarioToVroom.js';
import { scenarioRoadMatrices } from '../src/plan/scenarioRoadMatrices.js';
import type { RoadPath } from '../src/roads/roadMatrices.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { routesGeoJson } from '../src/geo/routesGeoJson.js';
import { turnByTurn, type DrivenLeg, type InstructionLanguage } from '../src/geo/turnByTurn.js';
import type { VroomOutput } from '../src/vroom/types.js';
import type { SolveOptions } from '../src/types.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { intFlag, parseArgs, secondsFlag, stringFlag, UsageError, type FlagSpec } from './args.js';
import type { CliIo } from './cliIo.js';
import { withProgress } from './withProgress.js';

const FLAGS: FlagSpec = { scenario: 'value', date: 'value', out: 'value', 'time-limit': 'value', iterations: 'value', seed: 'value', 'cycle-days': 'value', map: 'value', lang: 'value', matrix: 'value', quiet: 'switch' };

const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** How a vehicle drives from one stop to the next: a road path, or the straight line. */
type PathOf = (from: [number, number], to: [number, number], vehicle: number) => RoadPath;
const straight: PathOf = (a, b) => ({ coordinates: [a, b], names: [null] });

/** The drivers' turn-by-turn text: per vehicle, per stop, the instructions of the leg to it. */
function instructionsText(output: VroomOutput, language: InstructionLanguage, pathOf: PathOf): string {
  const lines: string[] = [];
  for (const route of output.routes) {
    const stops = route.steps.filter((s) => s.type !== 'break');
    const legs: DrivenLeg[] = [];
    for (let i = 1; i < stops.length; i++) {
      const a = stops[i - 1];
      const b = stops[i];
      const leave = a.arrival + a.waiting_time + a.setup + a.service;
      const name = b.type === 'end' ? (language === 'ko' ? '차고지' : 'the depot') : (b.description ?? `${b.type} ${b.id}`);
      const path = pathOf(a.location as [number, number], b.location as [number, number], route.vehicle);
      legs.push({ coordinates: path.coordinates, names: path.names, duration: Math.max(0, b.arrival - leave), destination: name });
    }
    lines.push(`${route.description ?? `vehicle ${route.vehicle}`}`);
    turnByTurn(legs, language).forEach((leg, k) => {
      const b = stops[k + 1];
      lines.push(`  ${k + 1}. ${legs[k].destination} (${hhmm(b.arrival)})`);
      for (const i of leg) lines.push(`     ${i.text}`);
    });
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** The report's background layers: --map, else map.geojson beside the scenario, else none. */
async function readMap(flag: string | undefined, scenarioFile: string): Promise<ReportInput['map']> {
  const file = flag ?? join(dirname(scenarioFile), 'map.geojson');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if (flag === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`--map: cannot read a GeoJSON FeatureCollection (${(e as Error).message})`, file, 'map');
  }
}

/** Default solve budget of `plan`, in seconds. */
const DEFAULT_PLAN_SECONDS = 5;

/**
 * `binroute plan --scenario FILE --date YYYY-MM-DD [--out DIR] [--time-limit S] [--iterations N]
 * [--seed N] [--cycle-days N] [--quiet]`: the day's plan of a scenario. Until fill forecasting
 * lands, each bin's amount is its expected generation over `--cycle-days` days (default 2).
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
  const started = performance.now();
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

  const matrixKind = stringFlag(flags, 'matrix') ?? 'road';
  if (matrixKind !== 'road' && matrixKind !== 'haversine') throw new UsageError(`--matrix: expected road or haversine, got "${matrixKind}"`);
  const scenario = await readScenarioFile(file);
  const map = await readMap(stringFlag(flags, 'map'), file);
  let matrices: ScenarioPlanOptions['matrices'];
  let roadNote = 'haversine matrices (straight lines × 1.3)';
  let pathOf: PathOf = straight;
  if (matrixKind === 'road') {
    if (!map?.features.some((f) => f.properties?.kind === 'road')) {
      throw new InputError('--matrix road: no road network (give --map with road and road-node features, or --matrix haversine)', file, 'map');
    }
    const roads = scenarioRoadMatrices(scenario, map);
    matrices = roads;
    const places = scenarioPlaces(scenario);
    const index = new Map(places.map((p, i) => [`${p[0]},${p[1]}`, i]));
    pathOf = (a, b, vehicle) => {
      const i = index.get(`${a[0]},${a[1]}`);
      const j = index.get(`${b[0]},${b[1]}`);
      const profile = scenario.fleet[vehicle - 1]?.profile;
      if (i === undefined || j === undefined || !profile) return straight(a, b, vehicle);
      return roads[profile].path(i, j);
    };
    const far = Math.max(...Object.values(roads).map((r) => r.road.farConnectors));
    roadNote = `road matrices (TOPIS arterials, no expressways for bikes; up to ${far} places more than 150 m from a usable road)`;
  }
  const vroom = scenarioToVroom(scenario, { date, cycleDays, matrices });
  const problem = fromVroom(vroom);
  const built = performance.now();
  const solution = await withProgress(file.replace(/^.*[\\/]/, ''), options, quiet, io, () => solveRouting(problem, options));
  const solved = performance.now();
  const output = toVroom(problem, solution);
  const violations = checkCollectionSolution(problem, solution).violations;
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'problem.json'), `${JSON.stringify(vroom)}\n`);
  await writeFile(join(outDir, 'solution.json'), `${JSON.stringify(output)}\n`);
  // the predicted fill of each bin at its visit, % of its volume (job k + 1 is bin k)
  const fill = (id: number) => {
    const b = scenario.bins[id - 1];
    const j = vroom.jobs![id - 1];
    return b ? { bin: b.id, fillPercent: Math.round((j.pickup![1] / b.capacityLitres) * 1000) / 10, kg: j.pickup![0] } : undefined;
  };
  const routes = routesGeoJson(output, { jobProperties: fill, path: (a, b, v) => pathOf(a, b, v).coordinates });
  await writeFile(join(outDir, 'routes.geojson'), `${JSON.stringify(routes)}\n`);
  const typeOf = new Map(scenario.fleet.map((v, i) => [i + 1, `${v.id} (${v.type})`]));
  const report = renderReport({
    title: `${scenario.name}: collection plan for ${date}`,
    subtitle: [
      `${problem.jobs.length} bins, ${scenario.fleet.length} vehicles, ${scenario.hubs.length} hubs; amounts = expected generation over ${cycleDays} days; ${roadNote}; solved with seed ${options.seed}, ${solution.iterations} iterations (${solution.stopReason}).`,
      scenario.synthetic,
    ],
    output,
    routes,
    map,
    vehicleLabel: (v) => typeOf.get(v) ?? String(v),
  });
  await writeFile(join(outDir, 'report.html'), report);
  await writeFile(join(outDir, `instructions.${lang}.txt`), instructionsText(output, lang, pathOf));
  const written = performance.now();
  if (!quiet) {
    const s = output.summary;
    const kg = s.pickup[0] ?? 0;
    io.stdout(
      `${date}: ${problem.jobs.length} bins, ${s.routes} routes, ${s.unassigned} unassigned, ${(s.distance / 1000).toFixed(1)} km, ` +
        `${(s.duration / 3600).toFixed(1)} h driving, ${kg} kg; cost ${s.cost}; iterations ${solution.iterations}, stop ${solution.stopReason}\n` +
        `travel: ${roadNote}\n` +
        `time: build ${((built - started) / 1000).toFixed(2)} s, solve ${((solved - built) / 1000).toFixed(2)} s, write ${((written - solved) / 1000).toFixed(2)} s\n` +
        `wrote ${['problem.json', 'solution.json', 'routes.geojson', `instructions.${lang}.txt`].map((f) => join(outDir, f)).join(', ')}\n` +
        `report: ${join(outDir, 'report.html')}\n`,
    );
  }
  if (violations.length > 0) {
    io.stderr(`binroute: the plan fails the independent check (a bug in the solver): ${violations.slice(0, 5).join('; ')}\n`);
    return 1;
  }
  return 0;
}
