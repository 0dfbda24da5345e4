import type { RoutingMatrices } from '../model/RoutingProblem.js';
import { geoPoints } from '../model/geoArcs.js';
import { DEFAULT_DETOUR_FACTOR, profileSpeedKmh } from './haversineMatrices.js';

/** Options of {@link geoMatrices}. */
export interface GeoMatrixOptions {
  /** Detour factor per profile (road ÷ straight distance); default {@link DEFAULT_DETOUR_FACTOR}. */
  detours?: Record<string, number>;
  /** Speeds per profile in km/h, merged over the defaults of `profileSpeedKmh`. */
  speedsKmh?: Record<string, number>;
}

/**
 * Computed arcs for problems too large for full matrices: one {@link RoutingMatrices} per
 * profile with empty matrices and a `geo` rule (straight-line distance × detour, at the
 * profile's speed; the rule is in `src/model/geoArcs.ts`). The points are shared by every
 * profile. `fromVroom` uses it above `GEO_ARCS_ABOVE` locations, and for the `arcs` extension.
 *
 * @example
 * ```ts
 * const [bike] = geoMatrices([[127.0368, 37.5633], [127.0557, 37.5446]], ['bike'], { detours: { bike: 1.4 } });
 * bike.geo!.secondsPerMetre; // 0.24 (15 km/h)
 * ```
 */
export function geoMatrices(coordinates: readonly (readonly [number, number])[], profiles: readonly string[], options: GeoMatrixOptions = {}): RoutingMatrices[] {
  const points = geoPoints(coordinates);
  return profiles.map((profile) => ({
    profile,
    durations: new Int32Array(0),
    distances: new Int32Array(0),
    geo: { points, detour: options.detours?.[profile] ?? DEFAULT_DETOUR_FACTOR, secondsPerMetre: 3.6 / profileSpeedKmh(profile, options.speedsKmh) },
  }));
}
