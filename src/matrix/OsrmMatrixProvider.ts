import type { RoadPath } from '../roads/roadMatrices.js';
import type { MatrixProvider, MatrixSet, ProfileSpec } from './MatrixProvider.js';
import { OsrmClient, type OsrmOptions } from './osrmClient.js';
import { profileDurations } from './profileDurations.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** Options of {@link OsrmMatrixProvider}: the server's, and how many `/route` requests may be in flight at once. */
export interface OsrmProviderOptions extends OsrmOptions {
  /** `/route` requests in flight at once. Default 4. */
  concurrency?: number;
}

/** Runs at most `n` of the tasks given at once, in the order given. */
function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * A user's own OSRM server (`OsrmClient`): one `/table` in blocks for the duration and
 * distance matrices (shared by the profiles, each held to its own `speedKmh` as on the road
 * graph), and `/route` for each planned leg's geometry and road names, so plans are drawn on
 * OSRM's roads and the turn-by-turn text follows them. Every failure (timeout, HTTP error,
 * malformed JSON, OSRM error code, partial or wrong-size table, a route without geometry) is a
 * `ProviderError`: the matrices come whole or not at all.
 *
 * @example
 * ```ts
 * const provider = new OsrmMatrixProvider({ baseUrl: 'http://127.0.0.1:5000', maxTableSize: 100 });
 * const set = await provider.matrices(places, [{ profile: 'truck', speedKmh: 25 }]);
 * (await set.path('truck', 0, 1)).names; // OSRM's road names of the leg
 * ```
 */
export class OsrmMatrixProvider implements MatrixProvider {
  readonly name = 'osrm';
  private readonly client: OsrmClient;

  constructor(readonly options: OsrmProviderOptions) {
    this.client = new OsrmClient(options);
  }

  /**
   * The server's matrices for every profile; paths from `/route`, each leg asked once.
   *
   * @example
   * ```ts
   * const set = await new OsrmMatrixProvider({ baseUrl }).matrices(places, [{ profile: 'bike', speedKmh: 15 }]);
   * ```
   */
  async matrices(places: readonly Position[], profiles: readonly ProfileSpec[]): Promise<MatrixSet> {
    const table = await this.client.table(places);
    const limit = limiter(Math.max(1, Math.floor(this.options.concurrency ?? 4)));
    // one geometry per pair of places, whatever the profile: the server has one profile
    const legs = new Map<number, Promise<RoadPath>>();
    const n = places.length;
    return {
      matrices: Object.fromEntries(
        profiles.map((p) => [p.profile, { durations: p.speedKmh === undefined ? table.durations : profileDurations(table.durations, table.distances, p.speedKmh), distances: table.distances }]),
      ),
      description: `OSRM matrices and routes (${this.options.baseUrl}, profile ${this.options.profile ?? 'driving'})`,
      path: (_profile, i, j) => {
        if (i === j) return Promise.resolve({ coordinates: [places[i], places[j]], names: [null] });
        let leg = legs.get(i * n + j);
        if (!leg) legs.set(i * n + j, (leg = limit(() => this.client.route(places[i], places[j]))));
        return leg;
      },
    };
  }
}
