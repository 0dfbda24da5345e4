import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Scenario } from '../model/Scenario.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import type { SolveOptions } from '../types.js';
import type { VroomInput, VroomOutput } from '../vroom/types.js';
import type { RoadPath } from '../roads/roadMatrices.js';
import { InputError } from '../errors.js';
import { fromVroom } from '../vroom/fromVroom.js';
import { toVroom } from '../vroom/toVroom.js';
import { solveRouting } from '../solveRouting.js';
import { routesGeoJson } from '../geo/routesGeoJson.js';
import { turnByTurn, type DrivenLeg, type InstructionLanguage } from '../geo/turnByTurn.js';
import { renderReport } from '../report/renderReport.js';
import { scenarioPlaces, scenarioToVroom, type ScenarioPlanOptions } from './scenarioToVroom.js';
import { profileDurations, scenarioRoadMatrices } from './scenarioRoadMatrices.js';
import { OsrmClient, type OsrmOptions } from '../roads/osrmClient.js';
import { MAX_LOCATIONS } from '../core/coreInput.js';

/** Options of {@link planScenario}. */
export interface PlanScenarioOptions {
  /** The planning day, `YYYY-MM-DD`. */
  date: string;
  /** Days of generation a bin holds when visited (until forecasts exist). Default 2. */
  cycleDays?: number;
  /**
   * Travel: shortest paths on `map`'s road network (default), haversine straight lines, or a
   * user's OSRM server (`osrm`; legs are drawn straight).
   */
  matrix?: 'road' | 'haversine' | 'osrm';
  /** The OSRM server for `matrix: 'osrm'`. */
  osrm?: OsrmOptions;
  /**
   * Road speeds by hour (TOPIS's `seongsu-hourly-speeds.json` shape: `overall[dayKey]` and
   * `roads[name][dayKey]`, 24 km/h values) and the departure hour: links drive at that hour's
   * mean speed for the planning day's type (weekday or weekend) instead of class speeds.
   */
  speeds?: { overall: Record<string, number[]>; roads?: Record<string, Record<string, number[]>> };
  /** Departure hour (0–23) for `speeds`. */
  hour?: number;
  /** Map layers: `road` and `road-node` features for the network, `boundary`/`dong`/`road` for the report. */
  map?: FeatureCollection & { attribution?: string };
  /** Language of the turn-by-turn text. Default `ko`. */
  language?: InstructionLanguage;
  /** Solve options (budget, seed, progress, abort). */
  solve?: SolveOptions;
}

/** Everything a day's plan produces, with the time each stage took. */
export interface ScenarioPlan {
  vroom: VroomInput;
  problem: RoutingProblem;
  solution: RoutingSolution;
  output: VroomOutput;
  routes: FeatureCollection<LineString | Point>;
  instructions: string;
  report: string;
  /** How travel was modelled, in words. */
  travel: string;
  /** Milliseconds: matrices (road, OSRM; 0 for haversine, built inside the problem), problem, solve, geometry and texts. */
  timings: { matrixMs: number; buildMs: number; solveMs: number; renderMs: number };
}

const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** How a vehicle drives from one stop to the next. */
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
      lines.push(`  ${k + 1}. ${legs[k].destination} (${hhmm(stops[k + 1].arrival)})`);
      for (const i of leg) lines.push(`     ${i.text}`);
    });
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A scenario's day, end to end: matrices (road network or haversine), the routing problem
 * (`scenarioToVroom`), the solve, VROOM's output, the routes as GeoJSON along the roads, the
 * drivers' turn-by-turn text and the offline report. `binroute plan` and the bench run this.
 *
 * @example
 * ```ts
 * const plan = await planScenario(scenario, { date: '2026-11-23', map, solve: { timeLimitMs: 5000 } });
 * writeFileSync('report.html', plan.report);
 * plan.output.summary.unassigned; // 0
 * ```
 */
export async function planScenario(scenario: Scenario, options: PlanScenarioOptions): Promise<ScenarioPlan> {
  const t0 = performance.now();
  const { date, map } = options;
  const cycleDays = options.cycleDays ?? 2;
  const language = options.language ?? 'ko';
  const solveOptions: SolveOptions = { seed: 1, ...options.solve };
  const places = scenario.depots.length + scenario.hubs.length + scenario.bins.length;
  if (places > MAX_LOCATIONS) {
    throw new InputError(
      `bins: ${places} places (depots, hubs, bins), above the ${MAX_LOCATIONS} binroute can hold in full matrices; neighbour-limited matrices for larger scenarios (such as seoul-10k) are not implemented yet`,
      undefined,
      'bins',
    );
  }
  let matrices: ScenarioPlanOptions['matrices'];
  let travel = 'haversine matrices (straight lines × 1.3)';
  let pathOf: PathOf = straight;
  if ((options.matrix ?? 'road') === 'road') {
    if (!map?.features.some((f) => f.properties?.kind === 'road')) {
      throw new InputError('map: no road network (road and road-node features); give one or plan with haversine matrices', undefined, 'map');
    }
    let hourly: { speeds: { overall: number[]; roads: Record<string, number[]> }; hour: number } | undefined;
    if (options.speeds && options.hour !== undefined) {
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      const key = weekend ? 'weekend' : 'weekday';
      const overall = options.speeds.overall[key] ?? options.speeds.overall.all;
      if (!Array.isArray(overall) || overall.length !== 24) throw new InputError(`speeds.overall.${key}: expected 24 hourly speeds`, undefined, 'speeds');
      const roads = Object.fromEntries(Object.entries(options.speeds.roads ?? {}).map(([name, byDay]) => [name, byDay[key] ?? byDay.all]).filter(([, v]) => Array.isArray(v)));
      hourly = { speeds: { overall, roads }, hour: options.hour };
    }
    const roads = scenarioRoadMatrices(scenario, map, undefined, hourly ?? {});
    matrices = roads;
    const index = new Map(scenarioPlaces(scenario).map((p, i) => [`${p[0]},${p[1]}`, i]));
    pathOf = (a, b, vehicle) => {
      const i = index.get(`${a[0]},${a[1]}`);
      const j = index.get(`${b[0]},${b[1]}`);
      const profile = scenario.fleet[vehicle - 1]?.profile;
      if (i === undefined || j === undefined || !profile) return straight(a, b, vehicle);
      return roads[profile].path(i, j);
    };
    const far = Math.max(...Object.values(roads).map((r) => r.road.farConnectors));
    travel = `road matrices (TOPIS arterials, no expressways for bikes, ${hourly ? `TOPIS mean speeds at ${hourly.hour}:00` : 'class speeds'}; up to ${far} places more than 150 m from a usable road)`;
  }
  if (options.matrix === 'osrm') {
    if (!options.osrm) throw new InputError('osrm: matrix "osrm" needs the server (osrm.baseUrl)', undefined, 'osrm');
    const table = await new OsrmClient(options.osrm).table(scenarioPlaces(scenario));
    matrices = {};
    for (const v of scenario.fleet) {
      const kmh = Math.min(...scenario.fleet.filter((w) => w.profile === v.profile).map((w) => w.speedKmh));
      matrices[v.profile] = { durations: profileDurations(table.durations, table.distances, kmh), distances: table.distances };
    }
    travel = `OSRM matrices (${options.osrm.baseUrl}, profile ${options.osrm.profile ?? 'driving'}; legs drawn straight)`;
  }
  const tm = performance.now();
  const vroom = scenarioToVroom(scenario, { date, cycleDays, matrices });
  const problem = fromVroom(vroom);
  const t1 = performance.now();
  const solution = await solveRouting(problem, solveOptions);
  const t2 = performance.now();
  const output = toVroom(problem, solution);
  // the predicted fill of each bin at its visit, % of its volume (job k + 1 is bin k)
  const fill = (id: number) => {
    const b = scenario.bins[id - 1];
    const j = vroom.jobs![id - 1];
    return b ? { bin: b.id, fillPercent: Math.round((j.pickup![1] / b.capacityLitres) * 1000) / 10, kg: j.pickup![0] } : undefined;
  };
  const routes = routesGeoJson(output, { jobProperties: fill, path: (a, b, v) => pathOf(a, b, v).coordinates });
  const typeOf = new Map(scenario.fleet.map((v, i) => [i + 1, `${v.id} (${v.type})`]));
  const report = renderReport({
    title: `${scenario.name}: collection plan for ${date}`,
    subtitle: [
      `${problem.jobs.length} bins, ${scenario.fleet.length} vehicles, ${scenario.hubs.length} hubs; amounts = expected generation over ${cycleDays} days; ${travel}; solved with seed ${solveOptions.seed}, ${solution.iterations} iterations (${solution.stopReason}).`,
      scenario.synthetic,
    ],
    output,
    routes,
    map,
    vehicleLabel: (v) => typeOf.get(v) ?? String(v),
  });
  const instructions = instructionsText(output, language, pathOf);
  const t3 = performance.now();
  return { vroom, problem, solution, output, routes, instructions, report, travel, timings: { matrixMs: tm - t0, buildMs: t1 - t0, solveMs: t2 - t1, renderMs: t3 - t2 } };
}
