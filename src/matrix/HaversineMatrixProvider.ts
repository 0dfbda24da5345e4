import { DEFAULT_DETOUR_FACTOR, haversineMatrices, profileSpeedKmh, type HaversineOptions } from '../vroom/haversineMatrices.js';
import type { RoadPath } from '../roads/roadMatrices.js';
import type { MatrixProvider, MatrixSet, ProfileSpec } from './MatrixProvider.js';

/** `[lon, lat]`. */
type Position = [number, number];

/**
 * The straight segment from `a` to `b` as a path (one unnamed segment).
 *
 * @example
 * ```ts
 * straightPath([127.04, 37.55], [127.05, 37.54]); // { coordinates: [a, b], names: [null] }
 * ```
 */
export function straightPath(a: Position, b: Position): RoadPath {
  return { coordinates: [a, b], names: [null] };
}

/**
 * Straight lines (`haversineMatrices`): distance = great-circle × detour factor (default 1.3),
 * duration = distance at the profile's speed — `options.speedsKmh[profile]`, else the
 * profile's `speedKmh`, else the default speed of its name (`profileSpeedKmh`). Legs are
 * drawn straight. Needs no map and no server.
 *
 * @example
 * ```ts
 * const set = await new HaversineMatrixProvider().matrices(places, [{ profile: 'truck', speedKmh: 25 }]);
 * set.matrices.truck.distances[1]; // round(haversine(places[0], places[1]) × 1.3)
 * ```
 */
export class HaversineMatrixProvider implements MatrixProvider {
  readonly name = 'haversine';

  constructor(readonly options: HaversineOptions = {}) {}

  /**
   * Every profile's straight-line matrices; paths are straight segments.
   *
   * @example
   * ```ts
   * const set = await new HaversineMatrixProvider({ detourFactor: 1.4 }).matrices(places, [{ profile: 'bike' }]);
   * ```
   */
  async matrices(places: readonly Position[], profiles: readonly ProfileSpec[]): Promise<MatrixSet> {
    const speedsKmh: Record<string, number> = {};
    for (const p of profiles) speedsKmh[p.profile] = this.options.speedsKmh?.[p.profile] ?? p.speedKmh ?? profileSpeedKmh(p.profile);
    const built = haversineMatrices(places, profiles.map((p) => p.profile), { ...this.options, speedsKmh });
    const detour = this.options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    return {
      matrices: Object.fromEntries(built.map((m) => [m.profile, { durations: m.durations, distances: m.distances }])),
      description: `haversine matrices (straight lines × ${detour}; ${profiles.map((p) => `${p.profile} ${speedsKmh[p.profile]} km/h`).join(', ')})`,
      path: async (_profile, i, j) => straightPath(places[i], places[j]),
    };
  }
}
