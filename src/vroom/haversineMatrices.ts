import type { RoutingMatrices } from '../model/RoutingProblem.js';
import { haversineWithCosines, latitudeCosine } from './haversineDistance.js';

/** Road distance ÷ great-circle distance assumed by the default matrix provider. */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/**
 * Average door-to-door speeds (km/h) of the default matrix provider, chosen for dense
 * Seoul streets (traffic lights, alleys, loading). A profile not listed uses `car`.
 */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = Object.freeze({
  car: 25,
  van: 25,
  truck: 22,
  hgv: 22,
  bike: 15,
  bicycle: 15,
  cycling: 15,
  'cargo-bike': 15,
  'e-cargo-bike': 15,
  foot: 5,
  walking: 5,
});

/** Options of {@link haversineMatrices}. */
export interface HaversineOptions {
  /** Default {@link DEFAULT_DETOUR_FACTOR}. */
  detourFactor?: number;
  /** Speeds per profile in km/h, merged over {@link DEFAULT_SPEEDS_KMH}. */
  speedsKmh?: Record<string, number>;
}

/**
 * The speed in km/h the default provider uses for a profile (unknown profiles → `car`).
 *
 * @example
 * ```ts
 * profileSpeedKmh('bike'); // 15
 * profileSpeedKmh('hovercraft'); // 25 (car)
 * ```
 */
export function profileSpeedKmh(profile: string, speedsKmh?: Record<string, number>): number {
  const speeds = { ...DEFAULT_SPEEDS_KMH, ...speedsKmh };
  return speeds[profile] ?? speeds.car;
}

/**
 * Default matrix provider: for every pair of locations, distance =
 * `round(haversine × detourFactor)` metres and, per profile, duration =
 * `round(distance / (speedKmh / 3.6))` seconds. One {@link RoutingMatrices} per profile,
 * in the order given; the distance matrix is shared.
 *
 * @example
 * ```ts
 * const [car] = haversineMatrices([[127.0368, 37.5633], [127.0557, 37.5446]], ['car']);
 * car.distances[1]; // 3464 m (2664.5 m × 1.3, rounded)
 * car.durations[1]; // 499 s at 25 km/h
 * ```
 */
export function haversineMatrices(
  coordinates: readonly (readonly [number, number])[],
  profiles: readonly string[],
  options: HaversineOptions = {},
): RoutingMatrices[] {
  const detour = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const m = coordinates.length;
  const distances = new Int32Array(m * m);
  const cosines = coordinates.map(latitudeCosine);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = Math.round(haversineWithCosines(coordinates[i], coordinates[j], cosines[i], cosines[j]) * detour);
      distances[i * m + j] = d;
      distances[j * m + i] = d;
    }
  }
  return profiles.map((profile) => {
    const metresPerSecond = profileSpeedKmh(profile, options.speedsKmh) / 3.6;
    const durations = new Int32Array(m * m);
    for (let k = 0; k < m * m; k++) durations[k] = Math.round(distances[k] / metresPerSecond);
    return { profile, durations, distances };
  });
}
