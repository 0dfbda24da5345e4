import { detAsin, detCos, detSin } from '../common/detMath.js';

/** Mean Earth radius in metres (IUGG R1), used by {@link haversineDistance}. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two `[lon, lat]` points (haversine formula on a
 * sphere of radius {@link EARTH_RADIUS_M}). Not rounded.
 *
 * @example
 * ```ts
 * // Seongdong-gu office to Seongsu station, as the crow flies
 * haversineDistance([127.0368, 37.5633], [127.0557, 37.5446]); // ≈ 2664.5
 * ```
 */
export function haversineDistance(a: readonly [number, number], b: readonly [number, number]): number {
  return haversineWithCosines(a, b, latitudeCosine(a), latitudeCosine(b));
}

/**
 * The cosine of a `[lon, lat]` point's latitude, as {@link haversineWithCosines} takes it.
 *
 * @example
 * ```ts
 * latitudeCosine([127.0368, 37.5633]); // ≈ 0.7927
 * ```
 */
export function latitudeCosine(p: readonly [number, number]): number {
  return detCos(p[1] * RAD);
}

/**
 * {@link haversineDistance} with the cosines of both latitudes given ({@link latitudeCosine}),
 * for matrices that compute each point's once: the same bits as `haversineDistance(a, b)`.
 *
 * @example
 * ```ts
 * const a: [number, number] = [127.0368, 37.5633];
 * const b: [number, number] = [127.0557, 37.5446];
 * haversineWithCosines(a, b, latitudeCosine(a), latitudeCosine(b)) === haversineDistance(a, b); // true
 * ```
 */
export function haversineWithCosines(a: readonly [number, number], b: readonly [number, number], cosA: number, cosB: number): number {
  const dPhi = (b[1] - a[1]) * RAD;
  const dLambda = (b[0] - a[0]) * RAD;
  const s = detSin(dPhi / 2) ** 2 + cosA * cosB * detSin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_M * detAsin(Math.min(1, Math.sqrt(s)));
}
