import type { FeatureCollection } from 'geojson';
import type { Scenario } from '../model/Scenario.js';
import { RoadGraph, type RoadGraphOptions } from '../roads/RoadGraph.js';
import { roadMatrices, roadPath, type RoadMatrices, type RoadPath } from '../roads/roadMatrices.js';
import { NO_LIMIT } from '../core/coreInput.js';
import { scenarioPlaces } from './scenarioToVroom.js';

/** Road classes each profile may not use (default: no urban expressway for bicycles). */
export const PROFILE_EXCLUDED_CLASSES: Record<string, string[]> = { bike: ['도시고속도로'] };

/**
 * Per arc, the slower of the road's time and the distance at the vehicle's own speed `kmh`
 * (unreachable arcs stay unreachable).
 *
 * @example
 * ```ts
 * profileDurations(road.durations, road.distances, 15); // an e-cargo bike's times
 * ```
 */
export function profileDurations(durations: Int32Array, distances: Int32Array, kmh: number): Int32Array {
  return durations.map((t, k) => (t >= NO_LIMIT ? NO_LIMIT : Math.max(t, Math.round(distances[k] / (kmh / 3.6)))));
}

/** One profile's road network, matrices and paths. */
export interface ProfileRoads {
  graph: RoadGraph;
  road: RoadMatrices;
  durations: Int32Array;
  distances: Int32Array;
  /** The path between places i and j (indices of `scenarioPlaces`). */
  path(i: number, j: number): RoadPath;
}

/**
 * Road matrices for a scenario's places (depots, hubs, bins; `scenarioPlaces`) per vehicle
 * profile, each on its own network (`PROFILE_EXCLUDED_CLASSES`: bicycles stay off urban
 * expressways): distances are the road graph's, and an arc takes the road's time or the
 * profile's own speed over its distance, whichever is slower (an e-cargo bike at 15 km/h never
 * drives at the arterial's car speed; a truck is held to its average speed too).
 *
 * @example
 * ```ts
 * const roads = scenarioRoadMatrices(scenario, map);
 * const vroom = scenarioToVroom(scenario, { date, matrices: roads });
 * roads.bike.road.farConnectors; // bins more than 150 m from a road bikes may use
 * ```
 */
export function scenarioRoadMatrices(
  scenario: Scenario,
  map: FeatureCollection,
  excluded: Record<string, string[]> = PROFILE_EXCLUDED_CLASSES,
  speeds: Pick<RoadGraphOptions, 'speeds' | 'hour'> = {},
): Record<string, ProfileRoads> {
  const places = scenarioPlaces(scenario);
  const speedOf = new Map<string, number>();
  for (const v of scenario.fleet) speedOf.set(v.profile, Math.min(speedOf.get(v.profile) ?? Infinity, v.speedKmh));
  const out: Record<string, ProfileRoads> = {};
  for (const [profile, kmh] of speedOf) {
    const graph = RoadGraph.fromGeoJson(map, { ...speeds, excludeClasses: excluded[profile] ?? [] });
    const road = roadMatrices(graph, places);
    const durations = profileDurations(road.durations, road.distances, kmh);
    out[profile] = {
      graph,
      road,
      durations,
      distances: road.distances,
      path: (i, j) => roadPath(graph, road.tables, road.attachments[i], road.attachments[j], places[i], places[j]),
    };
  }
  return out;
}
