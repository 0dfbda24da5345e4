// The MatrixProvider contract, run against all three providers (the road graph, haversine, and
// OSRM through the local replay server): the profiles asked for, n×n Int32 matrices, zero
// diagonal, non-negative entries, unreachable pairs as 2³¹−1 in both matrices, no arc faster
// than the profile's speed, no distance shorter than the straight line, paths from place to
// place, the same answer twice; and each provider's way of saying "no path".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { MatrixProvider, MatrixSet, ProfileSpec } from '../src/matrix/MatrixProvider.js';
import { RoadMatrixProvider } from '../src/matrix/RoadMatrixProvider.js';
import { HaversineMatrixProvider } from '../src/matrix/HaversineMatrixProvider.js';
import { OsrmMatrixProvider } from '../src/matrix/OsrmMatrixProvider.js';
import { createMatrixProvider } from '../src/matrix/createMatrixProvider.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { scenarioPlaces } from '../src/plan/scenarioToVroom.js';
import { haversineDistance } from '../src/vroom/haversineDistance.js';
import { lcg } from './instances.js';
import { POINTS, startOsrmReplay, type OsrmReplay } from './osrmReplay.js';

type Position = [number, number];
const NO_LIMIT = 2 ** 31 - 1;

const map = JSON.parse(readFileSync(new URL('../fixtures/seongdong/map.geojson', import.meta.url), 'utf8')) as FeatureCollection;
const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-846.json', import.meta.url), 'utf8')));

/** The depot, the hubs, 30 bins drawn at random, and a second place on the first bin's spot. */
function samplePlaces(): Position[] {
  const r = lcg(7);
  const all = scenarioPlaces(scenario);
  const bins = Array.from({ length: 30 }, () => all[4 + Math.floor(r() * (all.length - 4))]);
  return [...all.slice(0, 4), ...bins, bins[0]];
}
const PROFILES: ProfileSpec[] = [{ profile: 'bike', speedKmh: 15 }, { profile: 'truck', speedKmh: 25 }, { profile: 'car' }];

let osrm: OsrmReplay;
beforeAll(async () => {
  osrm = await startOsrmReplay();
});
afterAll(() => osrm.close());

/** A one-way line 0 → 1 → 2 on the equator: no piece of it leads back, so no place reaches another. */
const oneWayLine: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    ...[0, 1, 2].map((i) => ({ type: 'Feature' as const, properties: { kind: 'road-node', id: i }, geometry: { type: 'Point' as const, coordinates: [i * 0.01, 0] } })),
    ...[0, 1].map((i) => ({ type: 'Feature' as const, properties: { kind: 'road', from: i, to: i + 1 }, geometry: { type: 'LineString' as const, coordinates: [[i * 0.01, 0], [(i + 1) * 0.01, 0]] } })),
  ],
};

interface Case {
  name: string;
  provider: () => MatrixProvider;
  before?: () => void;
  /** Places for which the provider has pairs without a path (or none), and which pairs. */
  unreachable: { provider: () => MatrixProvider; places: Position[]; before?: () => void; pairs: [number, number][] };
}

const cases: Case[] = [
  {
    name: 'road',
    provider: () => new RoadMatrixProvider({ map }),
    unreachable: {
      provider: () => new RoadMatrixProvider({ map: oneWayLine }),
      places: [[0.001, 0.0001], [0.015, 0.0001], [0.019, -0.0001]],
      pairs: [[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]],
    },
  },
  {
    name: 'haversine',
    provider: () => new HaversineMatrixProvider(),
    // a straight line always exists, even to the other side of the earth
    unreachable: { provider: () => new HaversineMatrixProvider(), places: [[127.04, 37.55], [-52.96, -37.55], [0, 89.9]], pairs: [] },
  },
  {
    name: 'osrm',
    provider: () => new OsrmMatrixProvider({ baseUrl: osrm.base, maxTableSize: 16 }),
    before: () => (osrm.mode = 'compute'),
    unreachable: { provider: () => new OsrmMatrixProvider({ baseUrl: osrm.base }), places: POINTS, before: () => (osrm.mode = 'nulls'), pairs: [[0, 2]] },
  },
];

function checkShape(set: MatrixSet, n: number, profiles: ProfileSpec[]) {
  expect(Object.keys(set.matrices).sort()).toEqual(profiles.map((p) => p.profile).sort());
  for (const { profile } of profiles) {
    const { durations, distances } = set.matrices[profile];
    expect(durations).toBeInstanceOf(Int32Array);
    expect(distances).toBeInstanceOf(Int32Array);
    expect(durations.length).toBe(n * n);
    expect(distances.length).toBe(n * n);
    for (let i = 0; i < n; i++) {
      expect(durations[i * n + i]).toBe(0);
      expect(distances[i * n + i]).toBe(0);
    }
    for (let k = 0; k < n * n; k++) {
      expect(durations[k]).toBeGreaterThanOrEqual(0);
      expect(distances[k]).toBeGreaterThanOrEqual(0);
      // unreachable in one matrix is unreachable in the other
      expect(durations[k] === NO_LIMIT).toBe(distances[k] === NO_LIMIT);
    }
  }
  expect(typeof set.description).toBe('string');
  expect(set.description.length).toBeGreaterThan(10);
}

describe.each(cases)('MatrixProvider contract: $name', (c) => {
  const places = samplePlaces();
  const n = places.length;

  it('every profile asked for, n×n Int32, zero diagonal, non-negative, unreachable in both matrices alike', async () => {
    c.before?.();
    const provider = c.provider();
    expect(provider.name).toBe(c.name);
    const set = await provider.matrices(places, PROFILES);
    checkShape(set, n, PROFILES);
    for (const { profile } of PROFILES) for (let k = 0; k < n * n; k++) expect(set.matrices[profile].durations[k]).toBeLessThan(NO_LIMIT); // Seongdong: all reachable
  });

  it('no arc faster than its profile\'s speed, no distance shorter than the straight line, the same spot 0 apart', async () => {
    c.before?.();
    const set = await c.provider().matrices(places, PROFILES);
    for (const { profile, speedKmh } of PROFILES) {
      const { durations, distances } = set.matrices[profile];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const k = i * n + j;
          if (speedKmh !== undefined) expect(durations[k]).toBeGreaterThanOrEqual(Math.round(distances[k] / (speedKmh / 3.6)));
          expect(distances[k]).toBeGreaterThanOrEqual(0.99 * haversineDistance(places[i], places[j]) - 2);
        }
      }
      // the last place stands on the spot of bin 0 (place 4)
      expect(durations[4 * n + n - 1]).toBe(0);
      expect(distances[(n - 1) * n + 4]).toBe(0);
    }
  });

  it('paths run from place to place with a name per segment; the same answer twice', async () => {
    c.before?.();
    const provider = c.provider();
    const set = await provider.matrices(places, PROFILES);
    const again = await provider.matrices(places, PROFILES);
    for (const { profile } of PROFILES) {
      expect(Array.from(again.matrices[profile].durations)).toEqual(Array.from(set.matrices[profile].durations));
      expect(Array.from(again.matrices[profile].distances)).toEqual(Array.from(set.matrices[profile].distances));
    }
    for (const [i, j] of [[0, 5], [5, 0], [7, 12], [3, 3], [4, n - 1]]) {
      const p = await set.path('truck', i, j);
      expect(p.coordinates[0]).toEqual(places[i]);
      expect(p.coordinates.at(-1)).toEqual(places[j]);
      expect(p.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(p.names).toHaveLength(p.coordinates.length - 1);
    }
  });

  it('pairs without a path are 2³¹−1 in both matrices, the others are not', async () => {
    const u = c.unreachable;
    u.before?.();
    const set = await u.provider().matrices(u.places, [{ profile: 'truck', speedKmh: 25 }]);
    const m = u.places.length;
    checkShape(set, m, [{ profile: 'truck', speedKmh: 25 }]);
    const none = new Set(u.pairs.map(([i, j]) => i * m + j));
    for (let k = 0; k < m * m; k++) {
      if (k % (m + 1) === 0) continue;
      expect(set.matrices.truck.durations[k] === NO_LIMIT, `pair ${k}`).toBe(none.has(k));
    }
  });
});

describe('the providers by name', () => {
  it('createMatrixProvider makes each, and says what is missing', () => {
    expect(createMatrixProvider('road', { map }).name).toBe('road');
    expect(createMatrixProvider('haversine').name).toBe('haversine');
    expect(createMatrixProvider('osrm', { osrm: { baseUrl: 'http://127.0.0.1:5000' } }).name).toBe('osrm');
    expect(() => createMatrixProvider('road', {})).toThrow(/^map: no road network/);
    expect(() => createMatrixProvider('osrm', {})).toThrow(/^osrm: matrix "osrm" needs the server/);
    expect(() => createMatrixProvider('walk' as never)).toThrow(/^matrix: expected road, haversine or osrm, got "walk"/);
  });

  it('the road provider counts the places without a road in reach as far connectors', async () => {
    const set = await new RoadMatrixProvider({ map: oneWayLine }).matrices([[0.001, 0.0001], [0.015, 0.0001]], [{ profile: 'car' }]);
    expect(set.farConnectors).toEqual({ car: 2 });
  });
});
