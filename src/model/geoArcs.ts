import { detCos, detSin } from '../common/detMath.js';

/**
 * Computed arcs: the travel distance and time between two locations derived from their
 * coordinates, for problems too large for full M×M matrices (10,000 locations would need
 * 400 MB per Int32 matrix). This file is the one definition of the rule; the core's geo build
 * (`assembly/model/problem.ts`) evaluates the same IEEE double operations in the same order, so
 * both sides agree to the metre and the second.
 *
 * With `e` the straight-line (chord) distance in metres between the two points on a sphere of
 * radius {@link EARTH_RADIUS_M} (for two points 20 km apart, it is 0.4 ppm shorter than the
 * great circle):
 *
 * - distance = ⌊e · detour + ½⌋ metres;
 * - duration = ⌊distance · secondsPerMetre / speedFactor + ½⌋ seconds;
 * - cost = ⌊perHour · duration / 3600 + perKm · distance / 1000 + ½⌋ (the vehicle's rates).
 */

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6371008.8;

/** Arcs of one profile computed from points instead of read from matrices. */
export interface GeoArcs {
  /** Per location `x, y, z` in metres (3 entries each), from {@link geoPoints}; shared by every profile. */
  points: Float64Array;
  /** Road distance ÷ straight-line distance (≥ 1). */
  detour: number;
  /** Seconds per metre of road distance, before the vehicle's speed factor (3.6 / km/h). */
  secondsPerMetre: number;
}

/**
 * Points on the sphere for `[lon, lat]` coordinates (degrees), 3 entries per location.
 *
 * @example
 * ```ts
 * const points = geoPoints([[127.0368, 37.5633], [127.0557, 37.5446]]);
 * points.length; // 6
 * ```
 */
export function geoPoints(coordinates: readonly (readonly [number, number])[]): Float64Array {
  const out = new Float64Array(coordinates.length * 3);
  coordinates.forEach(([lon, lat], i) => {
    const l = (lon * Math.PI) / 180;
    const p = (lat * Math.PI) / 180;
    out[3 * i] = EARTH_RADIUS_M * detCos(p) * detCos(l);
    out[3 * i + 1] = EARTH_RADIUS_M * detCos(p) * detSin(l);
    out[3 * i + 2] = EARTH_RADIUS_M * detSin(p);
  });
  return out;
}

/**
 * The road distance in metres from location `a` to `b` under computed arcs.
 *
 * @example
 * ```ts
 * const geo = { points: geoPoints([[127.0368, 37.5633], [127.0557, 37.5446]]), detour: 1.3, secondsPerMetre: 3.6 / 25 };
 * geoDistance(geo, 0, 1); // 3464
 * ```
 */
export function geoDistance(geo: GeoArcs, a: number, b: number): number {
  const p = geo.points;
  const dx = p[3 * a] - p[3 * b];
  const dy = p[3 * a + 1] - p[3 * b + 1];
  const dz = p[3 * a + 2] - p[3 * b + 2];
  return Math.floor(Math.sqrt(dx * dx + dy * dy + dz * dz) * geo.detour + 0.5);
}

/**
 * Seconds per metre of a vehicle with the given speed factor: the factor the core holds.
 *
 * @example
 * ```ts
 * geoSecondsPerMetre({ points: new Float64Array(0), detour: 1.3, secondsPerMetre: 0.24 }, 2); // 0.12
 * ```
 */
export function geoSecondsPerMetre(geo: GeoArcs, speedFactor: number): number {
  return geo.secondsPerMetre / speedFactor;
}

/**
 * The travel time in seconds of a road distance for a vehicle with `speedFactor`.
 *
 * @example
 * ```ts
 * geoDuration({ points: new Float64Array(0), detour: 1.3, secondsPerMetre: 3.6 / 25 }, 1, 3464); // 499
 * ```
 */
export function geoDuration(geo: GeoArcs, speedFactor: number, distance: number): number {
  return Math.floor(distance * geoSecondsPerMetre(geo, speedFactor) + 0.5);
}

/**
 * The cost of an arc under computed arcs, from its rounded duration and distance.
 *
 * @example
 * ```ts
 * geoCost(3600, 0, 499, 3464); // 499: cost = seconds at the default rates
 * ```
 */
export function geoCost(perHour: number, perKm: number, duration: number, distance: number): number {
  return Math.floor((perHour * duration) / 3600 + (perKm * distance) / 1000 + 0.5);
}
