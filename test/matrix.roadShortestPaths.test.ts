// The road provider's matrices against a brute force written apart from it: the road graph
// with every place's attachment points split into its links, a source and a sink per place
// joined by connectors, and a plain O(V²) Dijkstra by time (fast-check draws the places, the
// profile and the hour). Also: the path drawn is the one priced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import { CONNECTOR, RoadGraph, type Attachment } from '../src/roads/RoadGraph.js';
import { PROFILE_EXCLUDED_CLASSES, RoadMatrixProvider, daySpeeds } from '../src/matrix/RoadMatrixProvider.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { haversineDistance } from '../src/vroom/haversineDistance.js';

type Position = [number, number];

const map = JSON.parse(readFileSync(new URL('../fixtures/seongdong/map.geojson', import.meta.url), 'utf8')) as FeatureCollection;
const speeds = daySpeeds(JSON.parse(readFileSync(new URL('../fixtures/seongdong/speeds.json', import.meta.url), 'utf8')), '2026-11-23');
const bins = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-846.json', import.meta.url), 'utf8'))).bins.map((b) => b.location);

/**
 * Fastest times (and the length of each fastest way) from every place to every place: places
 * leave through their attachments (connector, then along the link to its head) and are
 * reached likewise; no way passes through another place.
 */
function bruteForce(g: RoadGraph, attachments: Attachment[][]): { time: number[][]; length: number[][] } {
  const N = g.nodes.length;
  const P = attachments.length;
  // split points per edge: node ids N, N+1, … in order along the edge
  const splits = new Map<number, { along: number; node: number }[]>();
  let next = N;
  const splitNode: number[][] = attachments.map((as) =>
    as.map((a) => {
      const list = splits.get(a.edge) ?? [];
      splits.set(a.edge, list);
      // places meeting a link at the same spot share one point of it
      const same = list.find((s) => s.along === a.along);
      if (same) return same.node;
      const node = next++;
      list.push({ along: a.along, node });
      return node;
    }),
  );
  const source = (i: number) => next + i;
  const sink = (i: number) => next + P + i;
  const V = next + 2 * P;
  const adj: { to: number; time: number; length: number }[][] = Array.from({ length: V }, () => []);
  for (let e = 0; e < g.to.length; e++) {
    const pts = (splits.get(e) ?? []).slice().sort((x, y) => x.along - y.along);
    let at = g.from[e];
    let along = 0;
    for (const s of [...pts, { along: g.length[e], node: g.to[e] }]) {
      const share = g.length[e] > 0 ? (s.along - along) / g.length[e] : 0;
      adj[at].push({ to: s.node, time: share * g.duration[e], length: s.along - along });
      at = s.node;
      along = s.along;
    }
  }
  attachments.forEach((as, i) =>
    as.forEach((a, k) => {
      const length = a.offset * CONNECTOR.detour;
      const time = length / (CONNECTOR.speedKmh / 3.6);
      adj[source(i)].push({ to: splitNode[i][k], time, length });
      adj[splitNode[i][k]].push({ to: sink(i), time, length });
    }),
  );
  const time: number[][] = [];
  const length: number[][] = [];
  for (let i = 0; i < P; i++) {
    const t = new Array<number>(V).fill(Infinity);
    const len = new Array<number>(V).fill(Infinity);
    const done = new Uint8Array(V);
    t[source(i)] = 0;
    len[source(i)] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < V; v++) if (!done[v] && t[v] < Infinity && (u < 0 || t[v] < t[u])) u = v;
      if (u < 0) break;
      done[u] = 1;
      for (const { to, time: dt, length: dl } of adj[u]) {
        if (t[u] + dt < t[to]) {
          t[to] = t[u] + dt;
          len[to] = len[u] + dl;
        }
      }
    }
    time.push(Array.from({ length: P }, (_, j) => t[sink(j)]));
    length.push(Array.from({ length: P }, (_, j) => len[sink(j)]));
  }
  return { time, length };
}

const pointArb = fc.oneof(
  fc.nat({ max: bins.length - 1 }).map((k) => bins[k]),
  fc.tuple(fc.double({ min: 127.0, max: 127.08, noNaN: true }), fc.double({ min: 37.53, max: 37.59, noNaN: true })).map(([x, y]) => [x, y] as Position),
);

describe('road provider vs brute force', () => {
  it('every matrix entry is the brute-force fastest time and its length (rounded), on drawn places, profiles and hours', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pointArb, { minLength: 2, maxLength: 10 }),
        fc.constantFrom('bike', 'truck'),
        fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
        fc.option(fc.constantFrom(12, 15, 25), { nil: undefined }),
        async (places, profile, hour, speedKmh) => {
          const hourly = hour === undefined ? {} : { speeds, hour };
          const set = await new RoadMatrixProvider({ map, ...hourly }).matrices(places, [{ profile, speedKmh }]);
          const g = RoadGraph.fromGeoJson(map, { ...hourly, excludeClasses: PROFILE_EXCLUDED_CLASSES[profile] ?? [] });
          const bf = bruteForce(g, places.map((p) => g.attach(p)));
          const n = places.length;
          const { durations, distances } = set.matrices[profile];
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              const same = places[i][0] === places[j][0] && places[i][1] === places[j][1];
              const time = same ? 0 : bf.time[i][j];
              const length = same ? 0 : bf.length[i][j];
              expect(Number.isFinite(time)).toBe(true);
              expect(Math.abs(distances[i * n + j] - length)).toBeLessThanOrEqual(0.5 + 1e-6);
              const road = Math.round(time);
              const want = speedKmh === undefined ? road : Math.max(road, Math.round(distances[i * n + j] / (speedKmh / 3.6)));
              expect(Math.abs(durations[i * n + j] - want)).toBeLessThanOrEqual(speedKmh === undefined ? 0.5 + 1e-6 : 1);
              if (speedKmh === undefined) expect(Math.abs(durations[i * n + j] - time)).toBeLessThanOrEqual(0.5 + 1e-6);
            }
          }
        },
      ),
      { numRuns: 30, seed: 20261123 },
    );
  });

  it('the path drawn is the way priced: its length plus the connectors\' detour is the matrix distance', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bins.length - 1 }), { minLength: 2, maxLength: 6 }), async (ks) => {
        const places = ks.map((k) => bins[k]);
        const set = await new RoadMatrixProvider({ map }).matrices(places, [{ profile: 'truck' }]);
        const g = RoadGraph.fromGeoJson(map);
        const offset = places.map((p) => g.attach(p)[0].offset);
        const n = places.length;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (ks[i] === ks[j]) continue;
            const p = await set.path('truck', i, j);
            let drawn = 0;
            for (let k = 1; k < p.coordinates.length; k++) drawn += haversineDistance(p.coordinates[k - 1], p.coordinates[k]);
            const priced = set.matrices.truck.distances[i * n + j];
            const extra = (CONNECTOR.detour - 1) * (offset[i] + offset[j]);
            expect(Math.abs(drawn + extra - priced)).toBeLessThanOrEqual(0.01 * priced + 5);
            expect(p.names[0]).toBeNull(); // the connector
            expect(p.names.some((x) => x !== null)).toBe(true);
          }
        }
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
