import type { FeatureCollection } from 'geojson';
import type { Bin, Depot, Hub, FleetVehicle, Scenario } from '../model/Scenario.js';
import type { SolveOptions } from '../types.js';
import type { ReadingInput, CheckedReadings, ReadingProblem } from '../forecast/readReadings.js';
import type { ForecastResult } from '../forecast/forecastBins.js';
import { forecastBins } from '../forecast/forecastBins.js';
import { checkReadings } from '../forecast/readReadings.js';
import { selectBins, DEFAULT_POLICY, type BinSelection, type SelectionPolicy } from '../select/selectBins.js';
import { planScenario, type PlanScenarioOptions, type ScenarioPlan } from './planScenario.js';
import type { PlanKpis } from './planKpis.js';
import { parseScenario } from '../io/parseScenario.js';
import { InputError, InternalError } from '../errors.js';
import { assertEveryBinOnce } from './assertEveryBinOnce.js';

/** What `plan()` plans: the scenario's parts, today's readings and the policy. */
export interface PlanInput {
  bins: Bin[];
  /** Sensor readings `(binId, time, fillPercent)`, raw or already checked (`readReadings`). */
  readings: readonly ReadingInput[] | CheckedReadings;
  depots: Depot[];
  hubs: Hub[];
  vehicles: FleetVehicle[];
  /** The planning day, `YYYY-MM-DD` (local). */
  date: string;
  policy?: Partial<SelectionPolicy>;
  /** Known emptyings (the planner's own pickups), so the forecaster need not detect them. */
  collections?: readonly { binId: string; time: string }[];
  /** Wet grounds' density, kg per litre. Default 0.6 (the Seongdong fixtures' assumption). */
  densityKgPerLitre?: number;
  name?: string;
}

/** Options of {@link plan}: the day plan's (`planScenario`) plus when the forecast is made. */
export interface PlanOptions extends Omit<PlanScenarioOptions, 'date' | 'selection'> {
  /** The time of the forecast. Default 07:00 of the planning day, local (UTC+9 unless the policy says otherwise). */
  now?: string;
  map?: FeatureCollection;
  solve?: SolveOptions;
}

/** One stop of a planned route, with the bin's predicted fill there. */
export interface PlanStop {
  binId: string;
  /** Arrival, seconds since local midnight. */
  arrival: number;
  /** Predicted fill at the planned pickup hour, % of the bin's volume. */
  predictedFill: number;
  kg: number;
}

/** The day's plan: routes, the bins left for another day and why, and the key figures. */
export interface Plan {
  date: string;
  routes: { vehicle: string; stops: PlanStop[]; km: number; unloads: number }[];
  /** Bins the selection let wait, with the reason. */
  skipped: { binId: string; reason: string }[];
  /** Bins planned (must-go or may-go) but not routed, with the solver's reason. */
  unassigned: { binId: string; decision: 'must' | 'may'; reason: string; detail?: string }[];
  kpis: PlanKpis;
  /** Every bin's decision and forecast. */
  selection: BinSelection[];
  /** Readings left out, with their rows. */
  readingProblems: ReadingProblem[];
  /** The underlying day plan (VROOM problem and solution, GeoJSON, instructions, report). */
  details: ScenarioPlan;
}

/** The input as a scenario; its errors name plan()'s fields (`vehicles[0].hubs[0]`, not `scenario.fleet[0]…`). */
function inputScenario(json: unknown): Scenario {
  try {
    return parseScenario(json);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const rename = (x: string) => x.replace(/^scenario\.fleet/, 'vehicles').replace(/^scenario\./, '');
    throw e.rewrite({ rename });
  }
}

/**
 * From sensor readings to today's plan: forecast every bin (`forecastBins`), select must-go /
 * may-go / skip (`selectBins`), build the routing problem and solve it (`planScenario`). Every
 * input bin appears in the result exactly once: on a route, in `skipped`, or in `unassigned`
 * (a must-go or may-go bin the solver could not or would not serve, with its reason).
 *
 * @example
 * ```ts
 * const day = await plan({ bins, readings, depots, hubs, vehicles, date: '2026-11-23' }, { map, solve: { timeLimitMs: 5000 } });
 * day.kpis.km; day.skipped.length; day.routes[0].stops[0].predictedFill;
 * ```
 */
export async function plan(input: PlanInput, options: PlanOptions = {}): Promise<Plan> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new InputError('input: must be an object', { code: 'E4001', field: 'input' });
  if (options === null || typeof options !== 'object') throw new InputError('options: must be an object', { code: 'E6001', field: 'options' });
  if (typeof input.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) {
    throw new InputError(`date: expected a calendar date YYYY-MM-DD, got ${String(input.date).slice(0, 40)}`, { code: 'E6002', field: 'date', value: input.date });
  }
  const given = input.readings as unknown;
  if (!Array.isArray(given) && !(given !== null && typeof given === 'object' && Array.isArray((given as CheckedReadings).readings) && Array.isArray((given as CheckedReadings).problems))) {
    throw new InputError('readings: expected an array of readings, or the result of readReadings', { code: 'E5011', field: 'readings' });
  }
  // the scenario checks every field (one InputError naming it); its area is the points' box
  const list = (x: unknown): { location?: unknown }[] => (Array.isArray(x) ? x : []);
  const points = [...list(input.bins), ...list(input.depots), ...list(input.hubs)].map((p) => p?.location).filter((l): l is [number, number] => Array.isArray(l) && Number.isFinite(l[0]) && Number.isFinite(l[1]));
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const bbox = points.length ? [Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01] : [0, 0, 0, 0];
  const scenario: Scenario = inputScenario({
    format: 'binroute-scenario/1',
    name: input.name ?? `plan ${input.date}`,
    synthetic: 'Planned from sensor readings (plan()).',
    sources: ['the caller'],
    bbox,
    densityKgPerLitre: input.densityKgPerLitre ?? 0.6,
    depots: input.depots,
    hubs: input.hubs,
    fleet: input.vehicles,
    bins: input.bins,
  });
  const checked: CheckedReadings = 'readings' in input.readings && 'problems' in input.readings
    ? (input.readings as CheckedReadings)
    : checkReadings(input.readings as readonly ReadingInput[], { binIds: scenario.bins.map((b) => b.id) });
  const offset = input.policy?.utcOffsetMinutes ?? DEFAULT_POLICY.utcOffsetMinutes;
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const now = options.now ?? `${input.date}T07:00:00${zone}`;
  const forecasts: ForecastResult = forecastBins(checked, scenario.bins, { now, utcOffsetMinutes: offset, collections: input.collections });
  const selection = selectBins(scenario.bins, forecasts, input.date, scenario.densityKgPerLitre, input.policy);
  const details = await planScenario(scenario, { ...options, date: input.date, selection });
  const typeOf = (v: number) => scenario.fleet[v - 1]?.id ?? String(v);
  const routes = details.output.routes.map((r) => ({
    vehicle: typeOf(r.vehicle),
    km: r.distance / 1000,
    unloads: r.steps.filter((s) => s.type === 'reload').length,
    stops: r.steps
      .filter((s) => s.type === 'job' && s.id !== undefined)
      .map((s) => {
        const c = selection[s.id! - 1];
        return { binId: c.binId, arrival: s.arrival, predictedFill: c.fill, kg: c.kg };
      }),
  }));
  const unassigned = details.output.unassigned.map((u) => {
    const c = selection[u.id - 1];
    return { binId: c.binId, decision: c.decision as 'must' | 'may', reason: u.reason ?? 'unknown', ...(u.detail ? { detail: u.detail } : {}) };
  });
  const skipped = details.skipped.map((s) => ({ binId: s.bin, reason: s.reason }));
  // nothing lost: every bin is on a route, skipped or unassigned, exactly once
  assertEveryBinOnce(scenario.bins.map((b) => b.id), { routes, skipped, unassigned });
  if (selection.length !== scenario.bins.length) throw new InternalError(`the selection has ${selection.length} entries for ${scenario.bins.length} bins`);
  return {
    date: input.date,
    routes,
    skipped,
    unassigned,
    kpis: details.kpis,
    selection,
    readingProblems: checked.problems,
    details,
  };
}
