import type { BinSelection } from '../select/selectBins.js';
import type { Bin, Scenario } from '../model/Scenario.js';
import type { VroomInput } from '../vroom/types.js';
import type { ProfileSpec } from '../matrix/MatrixProvider.js';
import { InputError } from '../errors.js';

/** Options of {@link scenarioToVroom}. */
export interface ScenarioPlanOptions {
  /** The planning day, `YYYY-MM-DD` (local). */
  date: string;
  /**
   * Travel matrices per vehicle profile (e.g. from `roadMatrices`), over the scenario's places
   * in the order of {@link scenarioPlaces}: depots, hubs, bins. Without them the problem
   * carries coordinates only and the solver uses haversine matrices (docs/format.md §3).
   */
  matrices?: Record<string, { durations: ArrayLike<number>; distances: ArrayLike<number> }>;
  /**
   * Computed arcs per vehicle profile instead of matrices (scenarios above the matrix limit):
   * written as the `arcs` extension (docs/format.md §3); the problem then carries coordinates.
   */
  arcs?: Record<string, { detour: number; speed: number }>;
  /**
   * Today's selection (`selectBins`), one entry per bin in order: skipped bins are no job,
   * may-go bins optional jobs with their prize, and the amounts are the forecast's. Without it
   * every bin is a mandatory job with its expected generation (`cycleDays`).
   */
  selection?: readonly BinSelection[];
  /**
   * Days of grounds a bin holds when visited, until fill forecasts replace this estimate: the
   * amount is the expected generation of the `cycleDays` days up to the planning day. Default 2.
   */
  cycleDays?: number;
}

/**
 * The scenario's places in matrix order: every depot, then every hub, then every bin.
 *
 * @example
 * ```ts
 * const m = roadMatrices(graph, scenarioPlaces(scenario));
 * ```
 */
export function scenarioPlaces(scenario: Scenario): [number, number][] {
  return [...scenario.depots.map((d) => d.location), ...scenario.hubs.map((h) => h.location), ...scenario.bins.map((b) => b.location)];
}

/**
 * The scenario's vehicle profiles, in fleet order, each with the speed of its slowest vehicle
 * (what a matrix provider holds the profile's arcs to).
 *
 * @example
 * ```ts
 * scenarioProfiles(scenario); // [{ profile: 'bike', speedKmh: 15 }, { profile: 'truck', speedKmh: 25 }]
 * ```
 */
export function scenarioProfiles(scenario: Scenario): ProfileSpec[] {
  const speedOf = new Map<string, number>();
  for (const v of scenario.fleet) speedOf.set(v.profile, Math.min(speedOf.get(v.profile) ?? Infinity, v.speedKmh));
  return [...speedOf].map(([profile, speedKmh]) => ({ profile, speedKmh }));
}

/** Row-major n×n numbers as VROOM's nested rows. */
function rows(flat: ArrayLike<number>, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => flat[i * n + j]));
}

/** Facility ids start here, so that they never clash with job or vehicle ids in messages. */
const HUB_ID_BASE = 900;

/** Weekday of a local date, 0 = Monday. */
function weekday(date: string, offsetDays: number): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d + offsetDays)).getUTCDay() + 6) % 7;
}

/**
 * Expected kg in the bin on the planning day: the generation of the last `cycleDays` days (by
 * weekday), at most its capacity.
 *
 * @example
 * ```ts
 * expectedKg(bin, '2026-11-23', 2); // Monday's and Sunday's generation
 * ```
 */
export function expectedKg(bin: Bin, date: string, cycleDays: number): number {
  let kg = 0;
  for (let k = 0; k < cycleDays; k++) kg += bin.generation.kgPerDay * bin.generation.dayFactors[weekday(date, -k)];
  return Math.min(kg, bin.capacityKg);
}

/**
 * Builds the day's routing problem of a scenario as VROOM JSON with binroute's extensions
 * (docs/format.md): every bin is a job whose pickup is its expected fill in kg and litres (two
 * capacity dimensions) with its opening hours as time window; every hub is a facility where
 * vehicles unload mid-shift, and each vehicle returns empty (unloads at a hub before its
 * depot); the fleet keeps its shifts, lunch breaks, profiles and costs. Job `k + 1` is bin `k`
 * (its id and name in `description`); vehicle `k + 1` is fleet entry `k`; hub `k` is facility
 * `900 + k`. Amounts are rounded up to whole kg and litres.
 *
 * @example
 * ```ts
 * const vroom = scenarioToVroom(parseScenario(json), { date: '2026-11-23' });
 * const plan = await solve(vroom, { timeLimitMs: 5000 });
 * ```
 */
export function scenarioToVroom(scenario: Scenario, options: ScenarioPlanOptions): VroomInput {
  const { date, selection } = options;
  if (selection && selection.length !== scenario.bins.length) {
    throw new InputError(`selection: ${selection.length} entries for ${scenario.bins.length} bins`, { code: 'E6005', field: 'selection' });
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new InputError(`date: expected a calendar date YYYY-MM-DD, got ${String(date)}`, { code: 'E6002', field: 'date' });
  }
  const cycleDays = options.cycleDays ?? 2;
  if (!Number.isInteger(cycleDays) || cycleDays < 1 || cycleDays > 60) {
    throw new InputError(`cycleDays: expected an integer from 1 to 60, got ${String(cycleDays)}`, { code: 'E6004', field: 'cycleDays' });
  }
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
  const depotIndex = new Map(scenario.depots.map((d, i) => [d.id, i]));
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const nPlaces = scenario.depots.length + scenario.hubs.length + scenario.bins.length;
  const m = options.matrices;
  if (m) {
    for (const v of scenario.fleet) {
      if (!m[v.profile]) throw new InputError(`matrices: no matrices for profile ${v.profile} (vehicle ${v.id})`, { code: 'E6006', field: 'matrices' });
    }
    for (const [profile, mat] of Object.entries(m)) {
      if (mat.durations.length !== nPlaces * nPlaces || mat.distances.length !== nPlaces * nPlaces) {
        throw new InputError(`matrices.${profile}: expected ${nPlaces}×${nPlaces} entries (depots, hubs, bins)`, { code: 'E6006', field: 'matrices' });
      }
    }
  }
  const hubAt = (i: number) => scenario.depots.length + i;
  const binAt = (k: number) => scenario.depots.length + scenario.hubs.length + k;
  const vroom: VroomInput = {
    vehicles: scenario.fleet.map((v, i) => {
      const depot = depots.get(v.depot)!;
      return {
        id: i + 1,
        description: `${v.id} (${v.type})`,
        profile: v.profile,
        start: depot.location,
        end: depot.location,
        ...(m ? { start_index: depotIndex.get(v.depot)!, end_index: depotIndex.get(v.depot)! } : {}),
        capacity: [Math.floor(v.capacityKg), Math.floor(v.capacityLitres)],
        time_window: [v.shift[0], v.shift[1]],
        breaks: v.lunchBreak ? [{ id: 1, description: 'lunch', time_windows: [[v.lunchBreak.window[0], v.lunchBreak.window[1]]], service: v.lunchBreak.seconds }] : [],
        costs: { fixed: Math.round(v.costs.fixed), per_hour: Math.round(v.costs.perHour), per_km: Math.round(v.costs.perKm) }, // VROOM costs are integers; the scenario allows fractions
        facilities: v.hubs.map((h) => HUB_ID_BASE + hubIndex.get(h)!),
        return_empty: v.hubs.length > 0,
      };
    }),
    jobs: scenario.bins.flatMap((b, k) => {
      const chosen = selection?.[k];
      if (chosen?.decision === 'skip') return [];
      const kg = chosen ? chosen.kg : expectedKg(b, date, cycleDays);
      const litres = chosen ? chosen.litres : Math.min(b.capacityLitres, kg / scenario.densityKgPerLitre);
      return {
        ...(chosen?.decision === 'may' && chosen.prize! > 0 ? { prize: chosen.prize } : {}),
        id: k + 1,
        description: `${b.id} ${b.name}`,
        location: b.location,
        ...(m ? { location_index: binAt(k) } : {}),
        service: b.serviceSeconds,
        pickup: [Math.ceil(kg), Math.ceil(litres)],
        // service starts while the café is open and ends before it closes
        time_windows: b.openingHours.map(([a, z]) => [a, Math.max(a, z - b.serviceSeconds)] as [number, number]),
      };
    }),
    facilities: scenario.hubs.map((h, i) => ({
      id: HUB_ID_BASE + i,
      description: `${h.id} ${h.name}`,
      location: h.location,
      ...(m ? { location_index: hubAt(i) } : {}),
      service: h.unloadSeconds,
      time_windows: h.openingHours.map(([a, z]) => [a, z] as [number, number]),
    })),
  };
  if (options.arcs && !m) {
    for (const v of scenario.fleet) {
      if (!options.arcs[v.profile]) throw new InputError(`arcs: no computed arcs for profile ${v.profile} (vehicle ${v.id})`, { code: 'E6006', field: 'arcs' });
    }
    vroom.matrices = Object.fromEntries(Object.entries(options.arcs).map(([p, a]) => [p, { arcs: { detour: a.detour, speed: a.speed } }]));
  }
  if (m) vroom.matrices = Object.fromEntries(Object.entries(m).map(([p, mat]) => [p, { durations: rows(mat.durations, nPlaces), distances: rows(mat.distances, nPlaces) }]));
  return vroom;
}
