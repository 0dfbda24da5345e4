import { NO_LIMIT } from '../core/coreInput.js';

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
