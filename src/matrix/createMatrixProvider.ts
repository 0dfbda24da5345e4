import type { FeatureCollection } from 'geojson';
import { InputError } from '../errors.js';
import type { MatrixProvider } from './MatrixProvider.js';
import { HaversineMatrixProvider } from './HaversineMatrixProvider.js';
import { OsrmMatrixProvider, type OsrmProviderOptions } from './OsrmMatrixProvider.js';
import { daySpeeds, RoadMatrixProvider, type HourlySpeedsByDay } from './RoadMatrixProvider.js';

/** The built-in providers by name. */
export type MatrixKind = 'road' | 'haversine' | 'osrm';

/** What the built-in providers need (each takes its part). */
export interface MatrixProviderOptions {
  /** `road`: the network (`road` and `road-node` features). */
  map?: FeatureCollection;
  /** `osrm`: the server. */
  osrm?: OsrmProviderOptions;
  /** `road`: TOPIS hourly mean speeds by day type, used with `hour` on `date`'s day type. */
  speeds?: HourlySpeedsByDay;
  /** `road`: departure hour (0–23) for `speeds`. */
  hour?: number;
  /** `road`: the day (`YYYY-MM-DD`) whose type (weekday or weekend) picks the speeds. */
  date?: string;
}

/**
 * A built-in provider by name: `road` (the road graph of `map`, with hourly speeds when
 * `speeds`, `hour` and `date` are given), `haversine` (straight lines × 1.3) or `osrm` (the
 * server of `osrm`). A missing map or server is an InputError naming it.
 *
 * @example
 * ```ts
 * const provider = createMatrixProvider('road', { map, speeds, hour: 17, date: '2026-11-23' });
 * const set = await provider.matrices(places, profiles);
 * ```
 */
export function createMatrixProvider(kind: MatrixKind, options: MatrixProviderOptions = {}): MatrixProvider {
  if (kind === 'haversine') return new HaversineMatrixProvider();
  if (kind === 'osrm') {
    if (!options.osrm) throw new InputError('osrm: matrix "osrm" needs the server (osrm.baseUrl)', { code: 'E6006', field: 'osrm' });
    return new OsrmMatrixProvider(options.osrm);
  }
  if (kind === 'road') {
    const { map, speeds, hour, date } = options;
    const hourly = speeds && hour !== undefined ? { speeds: daySpeeds(speeds, date ?? ''), hour } : {};
    return new RoadMatrixProvider({ map: map as FeatureCollection, ...hourly }); // no map: the provider says so
  }
  throw new InputError(`matrix: expected road, haversine or osrm, got ${JSON.stringify(kind)}`, { code: 'E6006', field: 'matrix' });
}
