// The road graph and its matrices: node tables equal Floyd–Warshall, point matrices satisfy the
// triangle inequality and match a hand-computed one-way loop, the graph's pieces are reported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { RoadGraph } from '../src/roads/RoadGraph.js';
import { nodeTables, roadMatrices } from '../src/roads/roadMatrices.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { lcg } from './instances.js';

const map = JSON.parse(readFileSync(new URL('../fixtures/seongdong/map.geojson', import.meta.url), 'utf8')) as FeatureCollection;

/** A one-way square loop 0 → 1 → 2 → 3 → 0 with sides of about 1 km, on the equator (1° ≈ 111.2 km). */
function loop(kind = 'road'): FeatureCollection {
  const d = 1000 / 111_195;
  const at = [[0, 0], [d, 0], [d, d], [0, d]];
  return {
    type: 'FeatureCollection',
    features: [
      ...at.map((c, i) => ({ type: 'Feature' as const, properties: { kind: 'road-node', id: i }, geometry: { type: 'Point' as const, coordinates: c } })),
      ...at.map((c, i) => ({ type: 'Feature' as const, properties: { kind, from: i, to: (i + 1) % 4, roadType: '기타도로', name: `side ${i}` }, geometry: { type: 'LineString' as const, coordinates: [c, at[(i + 1) % 4]] } })),
    ],
  };
}

describe('RoadGraph', () => {
  it('no place attaches to an urban expressway (no vehicle stops there), though trucks drive on them', () => {
    const g = RoadGraph.fromGeoJson(map);
    const expressway = (e: number) => map.features.filter((f) => f.properties?.kind === 'road')[e]?.properties?.roadType === '도시고속도로';
    expect(g.from.some((_, e) => expressway(e))).toBe(true);
    const s = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-846.json', import.meta.url), 'utf8')));
    let attached = 0;
    for (const b of s.bins) {
      for (const a of g.attach(b.location)) {
        expect(expressway(a.edge), `${b.id} on edge ${a.edge}`).toBe(false);
        attached++;
      }
    }
    expect(attached).toBeGreaterThanOrEqual(s.bins.length);
  });

  it('the Seongdong network: its strongly connected pieces partition the nodes, the largest holds most', () => {
    const g = RoadGraph.fromGeoJson(map);
    expect(g.nodes).toHaveLength(258);
    expect(g.to).toHaveLength(574);
    const parts = g.components();
    expect(parts.flat().sort((a, b) => a - b)).toEqual(g.nodes.map((_, i) => i));
    expect(parts[0].length).toBeGreaterThan(0.75 * g.nodes.length);
  });

  it('node tables equal Floyd–Warshall on the Seongdong network', () => {
    const g = RoadGraph.fromGeoJson(map);
    const n = g.nodes.length;
    const fw = new Float64Array(n * n).fill(Infinity);
    for (let u = 0; u < n; u++) fw[u * n + u] = 0;
    for (let e = 0; e < g.to.length; e++) fw[g.from[e] * n + g.to[e]] = Math.min(fw[g.from[e] * n + g.to[e]], g.duration[e]);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (fw[i * n + k] + fw[k * n + j] < fw[i * n + j]) fw[i * n + j] = fw[i * n + k] + fw[k * n + j];
    const t = nodeTables(g);
    for (let k = 0; k < n * n; k++) {
      if (!Number.isFinite(fw[k])) expect(t.time[k]).toBe(Infinity);
      else expect(Math.abs(t.time[k] - fw[k])).toBeLessThan(1e-6);
    }
  });

  it('a one-way loop: along the link forwards, all the way round backwards (hand-computed)', () => {
    const g = RoadGraph.fromGeoJson(loop());
    const side = g.length[0]; // ≈ 1000 m, 25 km/h
    const d = 1000 / 111_195;
    const a: [number, number] = [0.25 * d, 0];
    const b: [number, number] = [0.75 * d, 0];
    const m = roadMatrices(g, [a, b]);
    const perMetre = g.duration[0] / side;
    expect(m.distances[1]).toBe(Math.round(0.5 * side)); // a → b: 500 m along side 0
    expect(m.durations[1]).toBe(Math.round(0.5 * side * perMetre));
    expect(m.distances[2]).toBe(Math.round(g.length[1] + g.length[2] + g.length[3] + 0.5 * side)); // b → a: round the loop
    expect(m.farConnectors).toBe(0);
  });

  it('point matrices of Seongdong bins: every pair reachable, triangle inequality (±1 for rounding)', () => {
    const g = RoadGraph.fromGeoJson(map);
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-846.json', import.meta.url), 'utf8')));
    const r = lcg(11);
    const pts = Array.from({ length: 40 }, () => scenario.bins[Math.floor(r() * scenario.bins.length)].location);
    const m = roadMatrices(g, pts);
    const n = pts.length;
    for (let i = 0; i < n; i++) {
      expect(m.durations[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        expect(m.durations[i * n + j]).toBeLessThan(2 ** 31 - 1);
        for (let k = 0; k < n; k++) expect(m.durations[i * n + k]).toBeLessThanOrEqual(m.durations[i * n + j] + m.durations[j * n + k] + 1);
      }
    }
  });

  it('a network without nodes or with a dangling link is an InputError', () => {
    expect(() => RoadGraph.fromGeoJson({ type: 'FeatureCollection', features: [] })).toThrow(/no road-node or road/);
    const bad = loop();
    (bad.features[5].properties as Record<string, unknown>).to = 99;
    expect(() => RoadGraph.fromGeoJson(bad)).toThrow(/known from\/to node ids/);
  });
});

describe('roadPath and profiles', () => {
  it('a path starts and ends at its points, is continuous, and names its road segments', async () => {
    const { roadPath } = await import('../src/roads/roadMatrices.js');
    const g = RoadGraph.fromGeoJson(loop());
    const d = 1000 / 111_195;
    const a: [number, number] = [0.75 * d, 0];
    const b: [number, number] = [0.25 * d, 0];
    const m = roadMatrices(g, [a, b]);
    const p = roadPath(g, m.tables, m.attachments[0], m.attachments[1], a, b);
    expect(p.coordinates[0]).toEqual(a);
    expect(p.coordinates[p.coordinates.length - 1]).toEqual(b);
    expect(p.names).toHaveLength(p.coordinates.length - 1);
    // b → a goes round: sides 0 (rest), 1, 2, 3, then 0 again
    expect([...new Set(p.names.filter((x) => x !== null))]).toEqual(['side 0', 'side 1', 'side 2', 'side 3']);
  });

  it('bicycles stay off urban expressways', async () => {
    const { scenarioRoadMatrices } = await import('../src/plan/scenarioRoadMatrices.js');
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
    const roads = scenarioRoadMatrices({ ...scenario, bins: scenario.bins.slice(0, 30) }, map);
    const bike = roads.bike.graph;
    const truck = roads.truck.graph;
    expect(bike.to.length).toBeLessThan(truck.to.length);
    const expressway = new Set(map.features.filter((f) => f.properties?.roadType === '도시고속도로').map((f) => f.properties?.name));
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) for (const n of roads.bike.path(i, j).names) if (n) expect(expressway.has(n) && !bike.names.includes(n)).toBe(false);
    // the same arc is never faster by bike than by the bike's own speed
    const n = Math.sqrt(roads.bike.durations.length);
    for (let k = 0; k < n * n; k++) expect(roads.bike.durations[k]).toBeGreaterThanOrEqual(Math.round(roads.bike.distances[k] / (15 / 3.6)));
  });
});

describe('hourly speeds', () => {
  it('links drive at TOPIS mean speeds of the hour: the evening peak is slower than the night', () => {
    const speeds = JSON.parse(readFileSync(new URL('../fixtures/seongdong/speeds.json', import.meta.url), 'utf8'));
    const day = { overall: speeds.overall.weekday as number[], roads: Object.fromEntries(Object.entries(speeds.roads as Record<string, Record<string, number[]>>).map(([k, v]) => [k, v.weekday])) };
    const night = RoadGraph.fromGeoJson(map, { speeds: day, hour: 3 });
    const peak = RoadGraph.fromGeoJson(map, { speeds: day, hour: 17 });
    const plain = RoadGraph.fromGeoJson(map);
    const total = (g: RoadGraph) => g.duration.reduce((a, b) => a + b, 0);
    expect(total(peak)).toBeGreaterThan(total(night) * 1.2);
    // a named road drives exactly at its hourly mean
    const e = peak.names.indexOf('왕십리로');
    expect(e).toBeGreaterThanOrEqual(0);
    expect(peak.length[e] / peak.duration[e]).toBeCloseTo(day.roads['왕십리로'][17] / 3.6, 6);
    expect(plain.duration[e]).not.toBe(peak.duration[e]);
  });
});
