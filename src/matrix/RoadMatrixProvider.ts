import type { FeatureCollection } from 'geojson';
import { InputError } from '../errors.js';
import { RoadGraph, type RoadGraphOptions } from '../roads/RoadGraph.js';
import { FAR_CONNECTOR_M, roadMatrices, roadPath, type RoadMatrices, type RoadPath } from '../roads/roadMatrices.js';
import type { MatrixProvider, MatrixSet, ProfileSpec } from './MatrixProvider.js';
import { profileDurations } from './profileDurations.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** Road classes each profile may not use (default: no urban expressway for bicycles). */
export const PROFILE_EXCLUDED_CLASSES: Record<string, string[]> = { bike: ['도시고속도로'] };

/** One profile's road network, matrices and paths. */
export interface ProfileRoads {
  graph: RoadGraph;
  road: RoadMatrices;
  durations: Int32Array;
  distances: Int32Array;
  /** The path between places i and j (indices of the places the matrices were built for). */
  path(i: number, j: number): RoadPath;
}

/** Options of {@link RoadMatrixProvider}. */
export interface RoadProviderOptions extends Pick<RoadGraphOptions, 'speeds' | 'hour'> {
  /** The network: `road` and `road-node` features (`RoadGraph.fromGeoJson`), e.g. `fixtures/seongdong/map.geojson`. */
  map: FeatureCollection;
  /** Road classes each profile leaves out. Default {@link PROFILE_EXCLUDED_CLASSES}. */
  excludedClasses?: Record<string, string[]>;
}

/** TOPIS's hourly mean speeds (`seongsu-hourly-speeds.json`): 24 km/h values per day type (`weekday`, `weekend` or `all`), overall and by road name. */
export interface HourlySpeedsByDay {
  overall: Record<string, number[]>;
  roads?: Record<string, Record<string, number[]>>;
}

/**
 * The hourly speeds of one day's type (`weekend` on Saturdays and Sundays, else `weekday`;
 * `all` where the type is missing), in the shape `RoadGraph.fromGeoJson` takes.
 *
 * @example
 * ```ts
 * const speeds = daySpeeds(JSON.parse(readFileSync('fixtures/seongdong/speeds.json', 'utf8')), '2026-11-23');
 * new RoadMatrixProvider({ map, speeds, hour: 17 });
 * ```
 */
export function daySpeeds(speeds: HourlySpeedsByDay, date: string): { overall: number[]; roads: Record<string, number[]> } {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) throw new InputError(`date: expected a calendar date YYYY-MM-DD, got ${String(date)}`, { code: 'E6002', field: 'date' });
  const weekend = [0, 6].includes(day.getUTCDay());
  const key = weekend ? 'weekend' : 'weekday';
  const overall = speeds?.overall?.[key] ?? speeds?.overall?.all;
  if (!Array.isArray(overall) || overall.length !== 24) throw new InputError(`speeds.overall.${key}: expected 24 hourly speeds`, { code: 'E6006', field: 'speeds' });
  const roads = Object.fromEntries(
    Object.entries(speeds.roads ?? {})
      .map(([name, byDay]) => [name, byDay[key] ?? byDay.all])
      .filter(([, v]) => Array.isArray(v)),
  );
  return { overall, roads };
}

/**
 * The default matrix provider: shortest paths on a road network, offline. Per profile its own
 * network (`excludedClasses`: bicycles stay off urban expressways) at class speeds or, with
 * `speeds` and `hour`, at that hour's mean speeds; places meet their nearest usable link by a
 * short connector (`CONNECTOR`: straight line × 1.3 at 10 km/h) and the matrix set counts the
 * places whose connector is longer than 150 m. An arc takes the road's time or the profile's
 * own speed over its distance, whichever is slower (an e-cargo bike at 15 km/h never drives at
 * the arterial's car speed). Paths are the roads the matrices priced (`roadPath`).
 *
 * @example
 * ```ts
 * const provider = new RoadMatrixProvider({ map });
 * const set = await provider.matrices(scenarioPlaces(scenario), scenarioProfiles(scenario));
 * set.farConnectors; // { bike: 67, truck: 17 } on seongdong-846
 * ```
 */
export class RoadMatrixProvider implements MatrixProvider {
  readonly name = 'road';

  constructor(readonly options: RoadProviderOptions) {
    if (!options?.map?.features?.some((f) => f.properties?.kind === 'road')) {
      throw new InputError('map: no road network (road and road-node features); give one or plan with haversine matrices', { code: 'E6006', field: 'map' });
    }
  }

  /**
   * The matrices as they are built, synchronously, with each profile's graph, road matrices
   * (attachments, node tables) and paths.
   *
   * @example
   * ```ts
   * const roads = new RoadMatrixProvider({ map }).profileRoads(places, [{ profile: 'bike', speedKmh: 15 }]);
   * roads.bike.road.farConnectors; // places more than 150 m from a road bikes may use
   * ```
   */
  profileRoads(places: readonly Position[], profiles: readonly ProfileSpec[]): Record<string, ProfileRoads> {
    const { map, speeds, hour } = this.options;
    const excluded = this.options.excludedClasses ?? PROFILE_EXCLUDED_CLASSES;
    const out: Record<string, ProfileRoads> = {};
    for (const { profile, speedKmh } of profiles) {
      const graph = RoadGraph.fromGeoJson(map, { speeds, hour, excludeClasses: excluded[profile] ?? [] });
      const road = roadMatrices(graph, places);
      out[profile] = {
        graph,
        road,
        durations: speedKmh === undefined ? road.durations : profileDurations(road.durations, road.distances, speedKmh),
        distances: road.distances,
        path: (i, j) => roadPath(graph, road.tables, road.attachments[i], road.attachments[j], places[i], places[j]),
      };
    }
    return out;
  }

  /**
   * Every profile's road matrices, with far-connector counts and paths.
   *
   * @example
   * ```ts
   * const set = await new RoadMatrixProvider({ map }).matrices(places, [{ profile: 'truck', speedKmh: 25 }]);
   * (await set.path('truck', 0, 5)).names; // road names along the way
   * ```
   */
  async matrices(places: readonly Position[], profiles: readonly ProfileSpec[]): Promise<MatrixSet> {
    const roads = this.profileRoads(places, profiles);
    const entries = Object.entries(roads);
    const excluded = this.options.excludedClasses ?? PROFILE_EXCLUDED_CLASSES;
    const without = entries.filter(([p]) => excluded[p]?.length).map(([p]) => `${p} off ${excluded[p].join(', ')}`);
    const speeds = this.options.speeds && this.options.hour !== undefined ? `mean speeds at ${this.options.hour}:00` : 'class speeds';
    const far = entries.map(([p, r]) => `${p} ${r.road.farConnectors}`).join(', ');
    return {
      matrices: Object.fromEntries(entries.map(([p, r]) => [p, { durations: r.durations, distances: r.distances }])),
      farConnectors: Object.fromEntries(entries.map(([p, r]) => [p, r.road.farConnectors])),
      description: `road matrices (the map's road network${without.length ? `, ${without.join('; ')}` : ''}, ${speeds}; places connecting farther than ${FAR_CONNECTOR_M} m: ${far} of ${places.length})`,
      path: async (profile, i, j) => {
        const r = roads[profile];
        if (!r) throw new InputError(`path: no matrices for profile ${profile}`, { code: 'E6006', field: 'profile' });
        return r.path(i, j);
      },
    };
  }
}
