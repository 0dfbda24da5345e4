import { detAsin, detCos, detSin } from '../common/detMath.js';

/** Mean Earth radius in metres (IUGG R1), used by {@link haversineDistance}. */
export const EARTH_RADIUS_M = 6_371_008.8;

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
  const rad = Math.PI / 180;
  const phi1 = a[1] * rad;
  const phi2 = b[1] * rad;
  const dPhi = (b[1] - a[1]) * rad;
  const dLambda = (b[0] - a[0]) * rad;
  const s = detSin(dPhi / 2) ** 2 + detCos(phi1) * detCos(phi2) * detSin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_M * detAsin(Math.min(1, Math.sqrt(s)));
}
