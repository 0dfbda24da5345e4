// The OSRM client against a local HTTP server on 127.0.0.1 that replays recorded OSRM-shaped
// responses, including the failure cases: every failure is a ProviderError, never a half matrix.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OsrmClient, ProviderError } from '../src/roads/osrmClient.js';
import { haversineDistance } from '../src/vroom/haversineDistance.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { planScenario } from '../src/plan/planScenario.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';

// Recorded OSRM v5 answers for three Seongdong points (durations s, distances m).
const POINTS: [number, number][] = [[127.045889, 37.552374], [127.0583, 37.546141], [127.03, 37.56]];
const TABLE_OK = {
  code: 'Ok',
  durations: [[0, 412.3, 388.1], [405.9, 0, 702.4], [380.2, 690.8, 0]],
  distances: [[0, 2610.4, 2211.9], [2598.7, 0, 4512.3], [2190.1, 4499.8, 0]],
  sources: [], destinations: [],
};
const ROUTE_OK = {
  code: 'Ok',
  routes: [{ legs: [{ steps: [
    { name: '뚝섬로', geometry: { type: 'LineString', coordinates: [[127.045889, 37.552374], [127.05, 37.55]] } },
    { name: '성수이로', geometry: { type: 'LineString', coordinates: [[127.05, 37.55], [127.0583, 37.546141]] } },
    { name: '', geometry: { type: 'LineString', coordinates: [[127.0583, 37.546141], [127.0583, 37.546141]] } },
  ] }] }],
};

let server: Server;
let base = '';
let mode = 'ok';
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (mode === 'hang') return; // never answers
    if (mode === 'http500') return send(500, JSON.stringify({ code: 'InvalidQuery', message: 'Query string malformed' }));
    if (mode === 'notjson') return send(200, '<html>proxy error</html>');
    if (mode === 'noroute') return send(400, JSON.stringify({ code: 'NoRoute', message: 'Impossible route between points' }));
    if (url.pathname.startsWith('/route/')) return send(200, JSON.stringify(ROUTE_OK));
    const rows = url.searchParams.get('sources')!.split(';').map(Number);
    const cols = url.searchParams.get('destinations')!.split(';').map(Number);
    const coords = url.pathname.split('/').pop()!.split(';');
    if (mode === 'compute') {
      // any points: 1.4 × the straight line at 8 m/s
      const pts = coords.map((c) => c.split(',').map(Number) as [number, number]);
      const d = rows.map((r) => cols.map((c) => haversineDistance(pts[r], pts[c]) * 1.4));
      return send(200, JSON.stringify({ code: 'Ok', distances: d, durations: d.map((row) => row.map((x) => x / 8)) }));
    }
    const global = coords.map((c) => POINTS.findIndex(([lon, lat]) => c === `${lon.toFixed(6)},${lat.toFixed(6)}`));
    const pick = (m: number[][]) => rows.map((r) => cols.map((c) => m[global[r]][global[c]]));
    const body = { ...TABLE_OK, durations: pick(TABLE_OK.durations), distances: pick(TABLE_OK.distances) };
    if (mode === 'partial') body.durations = body.durations.slice(0, -1);
    if (mode === 'nulls') body.durations[0][body.durations[0].length - 1] = null as never;
    send(200, JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('OsrmClient', () => {
  it('table: the recorded matrices, rounded, also when cut into blocks', async () => {
    mode = 'ok';
    for (const maxTableSize of [100, 2, 1]) {
      const m = await new OsrmClient({ baseUrl: base, maxTableSize }).table(POINTS);
      expect(Array.from(m.durations)).toEqual([0, 412, 388, 406, 0, 702, 380, 691, 0]);
      expect(Array.from(m.distances)).toEqual([0, 2610, 2212, 2599, 0, 4512, 2190, 4500, 0]);
    }
  });

  it('route: the geometry and the road name of each segment', async () => {
    mode = 'ok';
    const p = await new OsrmClient({ baseUrl: base }).route(POINTS[0], POINTS[1]);
    expect(p.coordinates).toEqual([[127.045889, 37.552374], [127.05, 37.55], [127.0583, 37.546141]]);
    expect(p.names).toEqual(['뚝섬로', '성수이로']);
  });

  it('null entries (no route) become unreachable', async () => {
    mode = 'nulls';
    const m = await new OsrmClient({ baseUrl: base }).table(POINTS);
    expect(m.durations[2]).toBe(2 ** 31 - 1);
  });

  const failures: [string, RegExp, number?][] = [
    ['http500', /HTTP 500, code InvalidQuery: Query string malformed/],
    ['notjson', /HTTP 200, the answer is not JSON/],
    ['noroute', /HTTP 400, code NoRoute/],
    ['partial', /durations: expected 3 rows, got 2/],
    ['hang', /no answer within 200 ms/, 200],
  ];
  for (const [m, message, timeoutMs] of failures) {
    it(`${m}: a ProviderError naming the request, no matrix`, async () => {
      mode = m;
      const client = new OsrmClient({ baseUrl: base, timeoutMs: timeoutMs ?? 5000 });
      const err = await client.table(POINTS).catch((e) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect(err.message).toMatch(message);
      expect(err.message).toContain('/table/v1/driving/');
    });
  }

  it('a closed port and a bad URL are clear errors', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await expect(new OsrmClient({ baseUrl: `http://127.0.0.1:${port}` }).table(POINTS)).rejects.toThrow(/OSRM: cannot reach the server/);
    expect(() => new OsrmClient({ baseUrl: 'localhost:5000' })).toThrow(/osrm.baseUrl: expected an http\(s\) URL/);
  });
});

describe('planScenario with OSRM matrices', () => {
  it('plans a day on the server\'s table (in blocks), every bin back once, checker-valid', async () => {
    mode = 'compute';
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
    const small = { ...scenario, bins: scenario.bins.slice(0, 25) };
    const plan = await planScenario(small, { date: '2026-11-23', matrix: 'osrm', osrm: { baseUrl: base, maxTableSize: 10 }, solve: { maxIterations: 50 } });
    expect(plan.travel).toMatch(/^OSRM matrices/);
    expect(plan.vroom.matrices?.bike.distances?.length).toBe(1 + 3 + 25);
    expect(checkCollectionSolution(plan.problem, plan.solution).violations).toEqual([]);
    expect(plan.solution.routes.reduce((a, r) => a + r.steps.filter((s) => s.type === 'job').length, 0) + plan.solution.unassigned.length).toBe(25);
  });
});
