// The OSRM client and provider against a local HTTP server on 127.0.0.1 that replays recorded
// OSRM-shaped responses (test/osrmReplay.ts), including the failure cases: every failure is a
// ProviderError naming the request, never a half matrix; a plan on OSRM is drawn on OSRM's roads.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { OsrmClient, ProviderError } from '../src/matrix/osrmClient.js';
import { OsrmMatrixProvider } from '../src/matrix/OsrmMatrixProvider.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { planScenario } from '../src/plan/planScenario.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { POINTS, replayRouteSteps, rounded, startOsrmReplay, type OsrmReplay, type ReplayMode } from './osrmReplay.js';

type Position = [number, number];
const NO_LIMIT = 2 ** 31 - 1;

let osrm: OsrmReplay;
beforeAll(async () => {
  osrm = await startOsrmReplay();
});
afterAll(() => osrm.close());

describe('OsrmClient', () => {
  it('table: the recorded matrices, rounded, also when cut into blocks', async () => {
    osrm.mode = 'ok';
    for (const maxTableSize of [100, 2, 1]) {
      const m = await new OsrmClient({ baseUrl: osrm.base, maxTableSize }).table(POINTS);
      expect(Array.from(m.durations)).toEqual([0, 412, 388, 406, 0, 702, 380, 691, 0]);
      expect(Array.from(m.distances)).toEqual([0, 2610, 2212, 2599, 0, 4512, 2190, 4500, 0]);
    }
  });

  it('route: the recorded geometry and the road name of each segment', async () => {
    osrm.mode = 'ok';
    const p = await new OsrmClient({ baseUrl: osrm.base }).route(POINTS[0], POINTS[1]);
    expect(p.coordinates).toEqual([[127.045889, 37.552374], [127.05, 37.55], [127.0583, 37.546141]]);
    expect(p.names).toEqual(['뚝섬로', '성수이로']);
  });

  it('route: the ways to and from where OSRM snapped the points are unnamed connectors, the path ends at the point', async () => {
    osrm.mode = 'ok';
    const a: Position = [127.04, 37.55];
    const b: Position = [127.06, 37.54];
    const p = await new OsrmClient({ baseUrl: osrm.base }).route(a, b);
    expect(p.coordinates).toEqual([a, [127.04, 37.5501], [127.06, 37.5501], [127.06, 37.5401], b]);
    expect(p.names).toEqual([null, '뚝섬로', '성수이로', null]);
  });

  it('null entries (no route) become unreachable', async () => {
    osrm.mode = 'nulls';
    const m = await new OsrmClient({ baseUrl: osrm.base }).table(POINTS);
    expect(m.durations[2]).toBe(NO_LIMIT);
    expect(m.distances[2]).toBe(NO_LIMIT); // the server gave a distance, but there is no route
    expect(m.durations[1]).toBe(412);
  });

  const failures: [ReplayMode, RegExp, number?][] = [
    ['http500', /HTTP 500, code InvalidQuery: Query string malformed/],
    ['notjson', /HTTP 200, the answer is not JSON/],
    ['noroute', /HTTP 400, code NoRoute/],
    ['partial', /durations: expected 3 rows, got 2/],
    ['nullrow', /durations\[2\]: expected 3 entries, got object/],
    ['wrongsize', /durations\[0\]: expected 3 entries, got 2/],
    ['nodistances', /distances: expected 3 rows, got undefined/],
    ['negative', /durations\[0\]\[2\]: not a non-negative number: -3/],
    ['hang', /no answer within 200 ms/, 200],
  ];
  for (const [m, message, timeoutMs] of failures) {
    it(`table, ${m}: a ProviderError naming the request, no matrix`, async () => {
      osrm.mode = m;
      const client = new OsrmClient({ baseUrl: osrm.base, timeoutMs: timeoutMs ?? 5000 });
      const err = await client.table(POINTS).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('E6008');
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain('/table/v1/driving/');
    });
  }

  it('a failure in a later block fails the whole table (no half matrix)', async () => {
    osrm.mode = 'laterblock';
    const before = osrm.requests.length;
    const err = await new OsrmClient({ baseUrl: osrm.base, maxTableSize: 2 }).table(POINTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as Error).message).toMatch(/HTTP 500, code InternalError: later block/);
    expect(osrm.requests.length - before).toBe(2); // the first block was fine, the second failed
  });

  it('route failures: HTTP 500, a step without geometry, a timeout', async () => {
    const client = new OsrmClient({ baseUrl: osrm.base, timeoutMs: 200 });
    for (const [m, message] of [
      ['route500', /HTTP 500, code InternalError: route failed/],
      ['routenogeometry', /steps\[0\]: no GeoJSON LineString geometry/],
      ['hang', /no answer within 200 ms/],
    ] as const) {
      osrm.mode = m;
      const err = await client.route([127.04, 37.55], [127.06, 37.54]).catch((e: unknown) => e);
      expect(err, m).toBeInstanceOf(ProviderError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain('/route/v1/driving/');
    }
  });

  it('a closed port and a bad URL are clear errors', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(new OsrmClient({ baseUrl: `http://127.0.0.1:${port}` }).table(POINTS)).rejects.toThrow(/OSRM: cannot reach the server/);
    expect(() => new OsrmClient({ baseUrl: 'localhost:5000' })).toThrow(/osrm.baseUrl: expected an http\(s\) URL/);
  });
});

describe('OsrmMatrixProvider', () => {
  it('one table for every profile, each held to its own speed; each leg asked once', async () => {
    osrm.mode = 'ok';
    const provider = new OsrmMatrixProvider({ baseUrl: osrm.base });
    const before = osrm.requests.length;
    const set = await provider.matrices(POINTS, [{ profile: 'bike', speedKmh: 15 }, { profile: 'car' }]);
    expect(osrm.requests.length - before).toBe(1);
    expect(Array.from(set.matrices.car.durations)).toEqual([0, 412, 388, 406, 0, 702, 380, 691, 0]);
    // 2610 m at 15 km/h is 626 s, slower than the server's 412 s
    expect(set.matrices.bike.durations[1]).toBe(Math.round(2610 / (15 / 3.6)));
    expect(set.matrices.bike.distances).toBe(set.matrices.car.distances);
    const [p, q] = await Promise.all([set.path('bike', 0, 1), set.path('car', 0, 1)]);
    expect(p).toBe(q);
    expect(p.names).toEqual(['뚝섬로', '성수이로']);
    expect(osrm.requests.slice(before).filter((r) => r.startsWith('/route/'))).toHaveLength(1);
    expect((await set.path('car', 2, 2)).coordinates).toEqual([POINTS[2], POINTS[2]]);
    expect(set.description).toMatch(/^OSRM matrices and routes/);
  });

  it('a failing table rejects matrices() with the ProviderError; no set comes back', async () => {
    osrm.mode = 'partial';
    await expect(new OsrmMatrixProvider({ baseUrl: osrm.base }).matrices(POINTS, [{ profile: 'car' }])).rejects.toBeInstanceOf(ProviderError);
  });
});

describe('planScenario with OSRM', () => {
  const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
  const small = { ...scenario, bins: scenario.bins.slice(0, 25) };

  it('plans a day on the server\'s table (in blocks), checker-valid, its trips drawn along the server\'s routes', async () => {
    osrm.mode = 'compute';
    const plan = await planScenario(small, { date: '2026-11-23', matrix: 'osrm', osrm: { baseUrl: osrm.base, maxTableSize: 10 }, solve: { maxIterations: 50 } });
    expect(plan.travel).toMatch(/^OSRM matrices and routes/);
    expect(plan.travel).not.toMatch(/straight/);
    expect(plan.vroom.matrices?.bike.distances?.length).toBe(1 + 3 + 25);
    expect(checkCollectionSolution(plan.problem, plan.solution).violations).toEqual([]);
    expect(plan.solution.routes.reduce((a, r) => a + r.steps.filter((s) => s.type === 'job').length, 0) + plan.solution.unassigned.length).toBe(25);
    // per vehicle, its trips joined are its legs as the server routes them, stop after stop
    const trips = plan.routes.features.filter((f) => f.properties?.kind === 'trip');
    expect(trips.length).toBeGreaterThan(0);
    for (const route of plan.output.routes) {
      const drawn = trips
        .filter((f) => f.properties?.vehicle === route.vehicle)
        .flatMap((f, k) => ((f.geometry as LineString).coordinates as Position[]).slice(k > 0 ? 1 : 0));
      const stops = route.steps.filter((s) => s.type !== 'break').map((s) => s.location as Position);
      const expected: Position[] = [stops[0]];
      for (let k = 1; k < stops.length; k++) {
        const [a, b] = [stops[k - 1], stops[k]];
        if (a[0] === b[0] && a[1] === b[1]) expected.push(b);
        else expected.push(...replayRouteSteps(rounded(a), rounded(b)).flatMap((s) => s.geometry.coordinates as Position[]).filter((c, i, all) => i === 0 || c[0] !== all[i - 1][0] || c[1] !== all[i - 1][1]), b);
      }
      // the client drops repeated points; so does this expectation
      const dedupe = (line: Position[]) => line.filter((c, i) => i === 0 || c[0] !== line[i - 1][0] || c[1] !== line[i - 1][1]);
      expect(dedupe(drawn)).toEqual(dedupe(expected));
    }
    // the turn-by-turn text follows the server's road names
    expect(plan.instructions).toContain('뚝섬로');
    expect(plan.instructions).toContain('성수이로');
    expect(osrm.requests.some((r) => r.startsWith('/route/v1/driving/'))).toBe(true);
  });

  it('a route the server cannot give fails the plan with a ProviderError (no plan drawn straight)', async () => {
    osrm.mode = 'route500';
    const err = await planScenario(small, { date: '2026-11-23', matrix: 'osrm', osrm: { baseUrl: osrm.base }, solve: { maxIterations: 20 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as Error).message).toMatch(/HTTP 500.*\/route\/v1\/driving\//);
  });
});
