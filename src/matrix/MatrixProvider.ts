import type { RoadPath } from '../roads/roadMatrices.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** A vehicle profile to build matrices for. */
export interface ProfileSpec {
  /** The profile's name, e.g. `bike`, `truck` (the `profile` of the vehicles that use it). */
  profile: string;
  /**
   * The average speed of the profile's slowest vehicle, km/h: no arc takes less time than its
   * distance at this speed. Without it a provider uses its own times (the haversine provider
   * its default speed of the profile's name).
   */
  speedKmh?: number;
}

/** One profile's matrices: n×n row-major, whole seconds and metres, 0 on the diagonal, 2³¹−1 where no path exists. */
export interface ProfileMatrices {
  durations: Int32Array;
  distances: Int32Array;
}

/** What a {@link MatrixProvider} built for one list of places. */
export interface MatrixSet {
  /** The matrices of every profile asked for, by profile name. */
  matrices: Record<string, ProfileMatrices>;
  /**
   * Per profile, how many places reach their road by a connector longer than 150 m
   * (`RoadMatrixProvider` only: the other providers have no connectors of their own).
   */
  farConnectors?: Record<string, number>;
  /** How travel was modelled, in words (a plan's `travel` line and report subtitle). */
  description: string;
  /**
   * The way a vehicle of `profile` drives from place `i` to place `j` (indices of the places
   * given to `matrices`): coordinates from the one to the other, both included, with the road
   * name of each segment (`null` for connectors and straight lines). Rejects with the
   * provider's error (e.g. a `ProviderError`) when the path cannot be had.
   */
  path(profile: string, i: number, j: number): Promise<RoadPath>;
}

/**
 * Where travel times, distances and driven paths come from: the road graph
 * (`RoadMatrixProvider`, the default, offline), straight lines (`HaversineMatrixProvider`) or
 * a user's OSRM server (`OsrmMatrixProvider`). A provider builds every profile's matrices
 * whole or throws; `planScenario` asks it for the matrices and for each planned leg's path,
 * and knows nothing else of it.
 *
 * @example
 * ```ts
 * const provider: MatrixProvider = new HaversineMatrixProvider();
 * const set = await provider.matrices([[127.04, 37.55], [127.05, 37.54]], [{ profile: 'bike', speedKmh: 15 }]);
 * set.matrices.bike.durations[1]; // seconds from place 0 to place 1
 * (await set.path('bike', 0, 1)).coordinates; // [[127.04, 37.55], [127.05, 37.54]]
 * ```
 */
export interface MatrixProvider {
  /** `road`, `haversine`, `osrm`, or a name of your own. */
  readonly name: string;
  /** Every profile's matrices between `places`, in that order. */
  matrices(places: readonly Position[], profiles: readonly ProfileSpec[]): Promise<MatrixSet>;
}
