import { planKpis, type PlanKpis } from './planKpis.js';
import type { BinSelection } from '../select/selectBins.js';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Scenario } from '../model/Scenario.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import type { SolveOptions } from '../types.js';
import type { VroomInput, VroomOutput } from '../vroom/types.js';
import type { RoadPath } from '../roads/roadMatrices.js';
import { straightPath } from '../matrix/HaversineMatrixProvider.js';
import { assertEveryBinOnce } from './assertEveryBinOnce.js';
import { fromVroom } from '../vroom/fromVroom.js';
import { toVroom } from '../vroom/toVroom.js';
import { solveRouting } from '../solveRouting.js';
import { routesGeoJson } from '../geo/routesGeoJson.js';
import { turnByTurn, type DrivenLeg, type InstructionLanguage } from '../geo/turnByTurn.js';
import { renderReport } from '../report/renderReport.js';
import { scenarioPlaces, scenarioProfiles, scenarioToVroom } from './scenarioToVroom.js';
import type { MatrixProvider, MatrixSet } from '../matrix/MatrixProvider.js';
import { createMatrixProvider, type MatrixKind } from '../matrix/createMatrixProvider.js';
import type { OsrmProviderOptions } from '../matrix/OsrmMatrixProvider.js';
import type { HourlySpeedsByDay } from '../matrix/RoadMatrixProvider.js';
import { GEO_ARCS_ABOVE } from '../core/coreInput.js';
import { calibrateArcs } from './calibrateArcs.js';

/** Options of {@link planScenario}. */
export interface PlanScenarioOptions {
  /** The planning day, `YYYY-MM-DD`. */
  date: string;
  /** Days of generation a bin holds when visited (until forecasts exist). Default 2. */
  cycleDays?: number;
  /**
   * Where travel times, distances and the legs' paths come from: `road` (default: shortest
   * paths on `map`'s road network, offline), `haversine` (straight lines × 1.3, legs drawn
   * straight), `osrm` (the server in `osrm`: its `/table`, and `/route` for each planned leg),
   * or a {@link MatrixProvider} of your own.
   */
  matrix?: MatrixKind | MatrixProvider;
  /** The OSRM server for `matrix: 'osrm'`. */
  osrm?: OsrmProviderOptions;
  /**
   * Road speeds by hour (TOPIS's `seongsu-hourly-speeds.json` shape: `overall[dayKey]` and
   * `roads[name][dayKey]`, 24 km/h values) and the departure hour: links drive at that hour's
   * mean speed for the planning day's type (weekday or weekend) instead of class speeds.
   */
  speeds?: HourlySpeedsByDay;
  /** Departure hour (0–23) for `speeds`. */
  hour?: number;
  /** Map layers: `road` and `road-node` features for the network, `boundary`/`dong`/`road` for the report. */
  map?: FeatureCollection & { attribution?: string };
  /** Language of the turn-by-turn text. Default `ko`. */
  language?: InstructionLanguage;
  /** Solve options (budget, seed, progress, abort). */
  solve?: SolveOptions;
  /**
   * Today's selection from the fill forecasts (`selectBins`): skipped bins are not planned (the
   * plan lists them with their reason), may-go bins are optional jobs with a prize, and the
   * amounts are the forecast's. Without it every bin is collected with its expected generation.
   */
  selection?: readonly BinSelection[];
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
  /** How travel was modelled, in words (the provider's description). */
  travel: string;
  /** Bins the selection let wait today, with the reason (empty without a selection). */
  skipped: { bin: string; reason: string }[];
  /** The day's key figures: km, driving hours, pickups, kg, mean fill at pickup, expected overflows left, CO2. */
  kpis: PlanKpis;
  /** Per profile, the places whose connector to the road is longer than 150 m (road matrices only). */
  farConnectors?: Record<string, number>;
  /** Milliseconds: matrices (part of build), problem, solve, geometry (with OSRM: its `/route` requests) and texts. */
  timings: { matrixMs: number; buildMs: number; solveMs: number; renderMs: number };
}

/**
 * The key figures in one line (CO2 next to km, never instead of it).
 *
 * @example
 * ```ts
 * kpiLine(plan.kpis); // '296 km (12.4 kg CO2), 19.5 h driving, 846 pickups, 10657 kg, mean fill at pickup 71 %'
 * ```
 */
export function kpiLine(k: PlanKpis): string {
  return (
    `${k.km.toFixed(1)} km (${k.co2Kg.toFixed(1)} kg CO2), ${k.drivingHours.toFixed(1)} h driving, ${k.pickups} pickups, ${Math.round(k.kgCollected)} kg, ` +
    `mean fill at pickup ${Math.round(k.meanFillAtPickup)} %` +
    (k.expectedOverflowsLeft !== undefined ? `, expected overflows left ${k.expectedOverflowsLeft.toFixed(1)}` : '')
  );
}

const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** How a vehicle drives from one stop to the next. */
type PathOf = (from: [number, number], to: [number, number], vehicle: number) => RoadPath;

/**
 * Every planned leg's path, each asked of the provider once (OSRM: one `/route` a leg), as
 * the lookup `routesGeoJson` and the turn-by-turn text use: by vehicle and the two stops'
 * coordinates.
 */
async function legPaths(output: VroomOutput, scenario: Scenario, set: MatrixSet): Promise<PathOf> {
  const asked = new Map<string, Promise<RoadPath>>();
  const byLeg = new Map<string, Promise<RoadPath>>();
  const legKey = (a: [number, number], b: [number, number], vehicle: number) => `${vehicle}:${a[0]},${a[1]}:${b[0]},${b[1]}`;
  for (const route of output.routes) {
    const profile = scenario.fleet[route.vehicle - 1].profile;
    const stops = route.steps.filter((s) => s.type !== 'break');
    for (let k = 1; k < stops.length; k++) {
      const [a, b] = [stops[k - 1], stops[k]];
      const key = `${profile}:${a.location_index}:${b.location_index}`;
      if (!asked.has(key)) asked.set(key, set.path(profile, a.location_index!, b.location_index!));
      byLeg.set(legKey(a.location as [number, number], b.location as [number, number], route.vehicle), asked.get(key)!);
    }
  }
  const paths = new Map<string, RoadPath>();
  await Promise.all([...byLeg].map(async ([k, p]) => paths.set(k, await p)));
  return (a, b, vehicle) => {
    const path = paths.get(legKey(a, b, vehicle));
    if (!path) throw new Error(`planScenario: no path for a leg of vehicle ${vehicle} (a bug)`);
    return path;
  };
}

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
 * A scenario's day, end to end: matrices and paths from a {@link MatrixProvider} (the road
 * network by default, haversine, OSRM or your own), the routing problem
 * (`scenarioToVroom`), the solve, VROOM's output, the routes as GeoJSON along the provider's paths, the
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
  const provider = typeof options.matrix === 'object' ? options.matrix : createMatrixProvider(options.matrix ?? 'road', { map, osrm: options.osrm, speeds: options.speeds, hour: options.hour, date });
  // above GEO_ARCS_ABOVE places: arcs computed in the core, fitted to the provider on a sample
  const large = places > GEO_ARCS_ABOVE;
  const set = large ? undefined : await provider.matrices(scenarioPlaces(scenario), scenarioProfiles(scenario));
  const fit = large ? await calibrateArcs(provider, scenario) : undefined;
  const travel = set?.description ?? fit!.description;
  const tm = performance.now();
  const selection = options.selection;
  const vroom = scenarioToVroom(scenario, { date, cycleDays, selection, ...(set ? { matrices: set.matrices } : { arcs: fit!.arcs }) });
  const problem = fromVroom(vroom);
  const t1 = performance.now();
  const solution = await solveRouting(problem, solveOptions);
  const t2 = performance.now();
  const output = toVroom(problem, solution);
  const pathOf: PathOf = set ? await legPaths(output, scenario, set) : (a, b) => straightPath(a, b);
  // the predicted fill of each bin at its visit, % of its volume (job k + 1 is bin k)
  const jobOf = new Map(vroom.jobs!.map((j) => [j.id, j]));
  const fill = (id: number) => {
    const b = scenario.bins[id - 1];
    const j = jobOf.get(id);
    if (!b || !j) return undefined;
    const percent = selection ? selection[id - 1].fill : (j.pickup![1] / b.capacityLitres) * 100;
    return { bin: b.id, fillPercent: Math.round(percent * 10) / 10, kg: j.pickup![0] };
  };
  const skipped = (selection ?? []).filter((c) => c.decision === 'skip').map((c) => ({ bin: c.binId, reason: c.reason }));
  // nothing lost: every bin of the scenario is on a route, skipped or unassigned, exactly once (job k + 1 is bin k)
  const binOf = (id: number | undefined) => ({ binId: (id !== undefined && scenario.bins[id - 1]?.id) || `job ${String(id)}` });
  assertEveryBinOnce(
    scenario.bins.map((b) => b.id),
    {
      routes: output.routes.map((r) => ({ stops: r.steps.filter((st) => st.type === 'job').map((st) => binOf(st.id)) })),
      skipped: skipped.map((x) => ({ binId: x.bin })),
      unassigned: output.unassigned.map((u) => binOf(u.id)),
    },
  );
  const amounts = selection
    ? `amounts = forecast fill at pickup (${selection.filter((c) => c.decision === 'must').length} must-go, ${selection.filter((c) => c.decision === 'may').length} may-go, ${skipped.length} skipped)`
    : `amounts = expected generation over ${cycleDays} days`;
  const kpis = planKpis(scenario, vroom, output, selection);
  const routes = routesGeoJson(output, { jobProperties: fill, path: (a, b, v) => pathOf(a, b, v).coordinates });
  const typeOf = new Map(scenario.fleet.map((v, i) => [i + 1, `${v.id} (${v.type})`]));
  const report = renderReport({
    title: `${scenario.name}: collection plan for ${date}`,
    subtitle: [
      `${problem.jobs.length} bins, ${scenario.fleet.length} vehicles, ${scenario.hubs.length} hubs; ${amounts}; ${travel}; ${kpiLine(kpis)}; solved with seed ${solveOptions.seed}, ${solution.iterations} iterations (${solution.stopReason}).`,
      scenario.synthetic,
    ],
    output,
    routes,
    map,
    vehicleLabel: (v) => typeOf.get(v) ?? String(v),
  });
  const instructions = instructionsText(output, language, pathOf);
  const t3 = performance.now();
  return { vroom, problem, solution, output, routes, instructions, report, travel, skipped, kpis, farConnectors: set?.farConnectors, timings: { matrixMs: tm - t0, buildMs: t1 - t0, solveMs: t2 - t1, renderMs: t3 - t2 } };
}
