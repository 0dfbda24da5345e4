// Route geometry: valid GeoJSON in [lon, lat] order, one continuous LineString per trip that
// starts and ends at its stops, a point per stop in visit order, unassigned bins with reasons.
import { readFileSync } from 'node:fs';
import { booleanValid } from '@turf/turf';
import type { LineString, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import { scenarioToVroom } from '../src/plan/scenarioToVroom.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { routesGeoJson } from '../src/geo/routesGeoJson.js';
import type { VroomOutput } from '../src/vroom/types.js';

let output: VroomOutput;
beforeAll(async () => {
  const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
  // two bins that no vehicle can serve in time, to get unassigned points
  scenario.bins[0].openingHours = [[0, 60]];
  scenario.bins[1].openingHours = [[0, 60]];
  const problem = fromVroom(scenarioToVroom(scenario, { date: '2026-11-23' }));
  output = toVroom(problem, await solveRouting(problem, { maxIterations: 60, seed: 2 }));
}, 60_000);

const same = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];

describe('routesGeoJson', () => {
  it('is valid GeoJSON in [lon, lat] order', () => {
    const geo = routesGeoJson(output);
    expect(geo.type).toBe('FeatureCollection');
    for (const f of geo.features) {
      expect(booleanValid(f)).toBe(true);
      const positions = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [lon, lat] of positions) {
        expect(lon).toBeGreaterThan(126.9);
        expect(lon).toBeLessThan(127.2);
        expect(lat).toBeGreaterThan(37.4);
        expect(lat).toBeLessThan(37.7);
      }
    }
  });

  it('one LineString per trip, starting and ending at its stops, continuous across the route', () => {
    const geo = routesGeoJson(output);
    for (const route of output.routes) {
      const trips = geo.features.filter((f) => f.properties!.kind === 'trip' && f.properties!.vehicle === route.vehicle) as { geometry: LineString; properties: Record<string, unknown> }[];
      const reloads = route.steps.filter((s) => s.type === 'reload').length;
      expect(trips).toHaveLength(reloads + 1);
      const located = route.steps.filter((s) => s.type !== 'break');
      const bounds = located.filter((s) => s.type !== 'job');
      trips.forEach((t, k) => {
        const line = t.geometry.coordinates;
        expect(same(line[0], bounds[k].location!)).toBe(true);
        expect(same(line[line.length - 1], bounds[k + 1].location!)).toBe(true);
        expect(t.properties.trip).toBe(k + 1);
      });
      // every stop lies on its trip's line, in order
      const points = geo.features.filter((f) => f.properties!.kind === 'bin' && f.properties!.vehicle === route.vehicle) as { geometry: Point; properties: Record<string, unknown> }[];
      expect(points.map((p) => p.properties.sequence)).toEqual(points.map((_, i) => i + 1));
      for (const p of points) {
        const line = trips[(p.properties.trip as number) - 1].geometry.coordinates;
        expect(line.some((c) => same(c, p.geometry.coordinates))).toBe(true);
      }
    }
  });

  it('follows a given path between stops and stays continuous', () => {
    const mid = (a: [number, number], b: [number, number]): [number, number][] => [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], b];
    const straight = routesGeoJson(output);
    const bent = routesGeoJson(output, { path: mid });
    const lines = (g: typeof straight) => g.features.filter((f) => f.properties!.kind === 'trip').map((f) => (f.geometry as LineString).coordinates);
    lines(bent).forEach((l, i) => {
      expect(l).toHaveLength(2 * lines(straight)[i].length - 1);
      expect(same(l[0], lines(straight)[i][0])).toBe(true);
    });
  });

  it('unassigned bins are points with their reason', () => {
    const geo = routesGeoJson(output);
    const left = geo.features.filter((f) => f.properties!.kind === 'unassigned');
    expect(left.length).toBe(output.unassigned.length);
    expect(left.length).toBeGreaterThanOrEqual(2);
    for (const f of left) expect(f.properties!.reason).toBe('time_window');
  });
});
