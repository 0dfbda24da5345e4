import type { FeatureCollection } from 'geojson';
import type { Scenario } from '../model/Scenario.js';
import type { RoadGraphOptions } from '../roads/RoadGraph.js';
import { PROFILE_EXCLUDED_CLASSES, RoadMatrixProvider, type ProfileRoads } from '../matrix/RoadMatrixProvider.js';
import { scenarioPlaces, scenarioProfiles } from './scenarioToVroom.js';

/**
 * Road matrices for a scenario's places (depots, hubs, bins; `scenarioPlaces`) per vehicle
 * profile (`scenarioProfiles`: each held to its slowest vehicle's speed), synchronously, with
 * each profile's graph and paths: `RoadMatrixProvider.profileRoads` for a scenario.
 *
 * @example
 * ```ts
 * const roads = scenarioRoadMatrices(scenario, map);
 * const vroom = scenarioToVroom(scenario, { date, matrices: roads });
 * roads.bike.road.farConnectors; // places more than 150 m from a road bikes may use
 * ```
 */
export function scenarioRoadMatrices(
  scenario: Scenario,
  map: FeatureCollection,
  excluded: Record<string, string[]> = PROFILE_EXCLUDED_CLASSES,
  speeds: Pick<RoadGraphOptions, 'speeds' | 'hour'> = {},
): Record<string, ProfileRoads> {
  return new RoadMatrixProvider({ map, excludedClasses: excluded, ...speeds }).profileRoads(scenarioPlaces(scenario), scenarioProfiles(scenario));
}
