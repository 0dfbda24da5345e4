import type { Scenario } from '../model/Scenario.js';
import type { RoadGraph } from '../roads/RoadGraph.js';
import { roadMatrices, type RoadMatrices } from '../roads/roadMatrices.js';
import { NO_LIMIT } from '../core/coreInput.js';
import { scenarioPlaces } from './scenarioToVroom.js';

/**
 * Road matrices for a scenario's places (depots, hubs, bins; `scenarioPlaces`) per vehicle
 * profile: distances are the road graph's, and an arc takes the road's time or the profile's
 * own speed over its distance, whichever is slower (an e-cargo bike at 15 km/h never drives at
 * the arterial's car speed; a truck is held to its average speed too).
 *
 * @example
 * ```ts
 * const { matrices, road } = scenarioRoadMatrices(scenario, RoadGraph.fromGeoJson(map));
 * const vroom = scenarioToVroom(scenario, { date, matrices });
 * road.farConnectors; // bins more than 150 m from a road
 * ```
 */
export function scenarioRoadMatrices(scenario: Scenario, graph: RoadGraph): { matrices: Record<string, { durations: Int32Array; distances: Int32Array }>; road: RoadMatrices } {
  const road = roadMatrices(graph, scenarioPlaces(scenario));
  const speedOf = new Map<string, number>();
  for (const v of scenario.fleet) speedOf.set(v.profile, Math.min(speedOf.get(v.profile) ?? Infinity, v.speedKmh));
  const matrices: Record<string, { durations: Int32Array; distances: Int32Array }> = {};
  for (const [profile, kmh] of speedOf) {
    const durations = road.durations.map((t, k) => {
      if (t >= NO_LIMIT) return NO_LIMIT;
      return Math.max(t, Math.round(road.distances[k] / (kmh / 3.6)));
    });
    matrices[profile] = { durations, distances: road.distances };
  }
  return { matrices, road };
}
