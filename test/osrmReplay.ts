// A local HTTP server on 127.0.0.1 that answers like OSRM v5: recorded answers for three
// Seongdong points, computed OSRM-shaped answers for any points, and the failure cases. Every
// request is answered by the current `mode` (or never, in `hang`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { haversineDistance } from '../src/vroom/haversineDistance.js';

type Position = [number, number];

/** Recorded OSRM v5 answers for three Seongdong points (durations s, distances m). */
export const POINTS: Position[] = [[127.045889, 37.552374], [127.0583, 37.546141], [127.03, 37.56]];
export const TABLE_OK = {
  code: 'Ok',
  durations: [[0, 412.3, 388.1], [405.9, 0, 702.4], [380.2, 690.8, 0]],
  distances: [[0, 2610.4, 2211.9], [2598.7, 0, 4512.3], [2190.1, 4499.8, 0]],
  sources: [],
  destinations: [],
};
export const ROUTE_OK = {
  code: 'Ok',
  routes: [{ legs: [{ steps: [
    { name: '뚝섬로', geometry: { type: 'LineString', coordinates: [[127.045889, 37.552374], [127.05, 37.55]] } },
    { name: '성수이로', geometry: { type: 'LineString', coordinates: [[127.05, 37.55], [127.0583, 37.546141]] } },
    { name: '', geometry: { type: 'LineString', coordinates: [[127.0583, 37.546141], [127.0583, 37.546141]] } },
  ] }] }],
};

/** Where the replay snaps a point onto "the road": 0.0001° (about 11 m) north. */
const snap = (p: Position): Position => [p[0], Math.round((p[1] + 0.0001) * 1e6) / 1e6];
/** `[lon, lat]` as the client sends it (6 decimals). */
export const rounded = (p: readonly number[]): Position => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];

/**
 * The replay's route between two points (as sent, 6 decimals) for points other than the
 * recorded pair: snapped start, east-west along 뚝섬로 to the corner, north-south along 성수이로
 * to the snapped end, then an arrive step.
 */
export function replayRouteSteps(a: Position, b: Position) {
  const [sa, sb] = [snap(a), snap(b)];
  const corner: Position = [sb[0], sa[1]];
  return [
    { name: '뚝섬로', geometry: { type: 'LineString', coordinates: [sa, corner] } },
    { name: '성수이로', geometry: { type: 'LineString', coordinates: [corner, sb] } },
    { name: '', geometry: { type: 'LineString', coordinates: [sb, sb] } },
  ];
}

/** The modes: `ok` and `compute` answer; the others are failures (or, `nulls`, a table with a missing route). */
export type ReplayMode =
  | 'ok'
  | 'compute'
  | 'hang'
  | 'http500'
  | 'notjson'
  | 'noroute'
  | 'partial'
  | 'laterblock'
  | 'nullrow'
  | 'wrongsize'
  | 'nodistances'
  | 'negative'
  | 'nulls'
  | 'route500'
  | 'routenogeometry';

export interface OsrmReplay {
  base: string;
  mode: ReplayMode;
  /** The paths (with query) of every request so far. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts the replay on a free port of 127.0.0.1.
 *
 * @example
 * ```ts
 * const osrm = await startOsrmReplay();
 * osrm.mode = 'http500';
 * ```
 */
export async function startOsrmReplay(): Promise<OsrmReplay> {
  const replay = { base: '', mode: 'ok' as ReplayMode, requests: [] as string[], close: async () => {} };
  const server = createServer((req, res) => {
    replay.requests.push(req.url!);
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const mode = replay.mode;
    if (mode === 'hang') return; // never answers
    if (mode === 'http500') return send(500, { code: 'InvalidQuery', message: 'Query string malformed' });
    if (mode === 'notjson') return send(200, '<html>proxy error</html>');
    if (mode === 'noroute') return send(400, { code: 'NoRoute', message: 'Impossible route between points' });
    const coords = url.pathname.split('/').pop()!.split(';');
    const pts = coords.map((c) => c.split(',').map(Number) as Position);
    if (url.pathname.startsWith('/route/')) {
      if (mode === 'route500') return send(500, { code: 'InternalError', message: 'route failed' });
      if (coords.join(';') === POINTS.slice(0, 2).map((p) => p.map((x) => x.toFixed(6)).join(',')).join(';')) return send(200, ROUTE_OK);
      const steps = replayRouteSteps(pts[0], pts[1]);
      if (mode === 'routenogeometry') steps.forEach((s) => delete (s as { geometry?: unknown }).geometry);
      return send(200, { code: 'Ok', routes: [{ legs: [{ steps }] }] });
    }
    // the first block (without POINTS[2]) is answered, the ones with it fail
    if (mode === 'laterblock' && coords.includes(POINTS[2].map((x) => x.toFixed(6)).join(','))) return send(500, { code: 'InternalError', message: 'later block' });
    const rows = url.searchParams.get('sources')!.split(';').map(Number);
    const cols = url.searchParams.get('destinations')!.split(';').map(Number);
    let body: { code: string; durations?: unknown[]; distances?: unknown[] };
    const recorded = coords.map((c) => POINTS.findIndex((p) => c === p.map((x) => x.toFixed(6)).join(',')));
    if (mode === 'compute' || mode === 'route500' || mode === 'routenogeometry' || recorded.includes(-1)) {
      // any points: 1.4 × the straight line at 8 m/s
      const d = rows.map((r) => cols.map((c) => haversineDistance(pts[r], pts[c]) * 1.4));
      body = { code: 'Ok', distances: d, durations: d.map((row) => row.map((x) => x / 8)) };
    } else {
      const pick = (m: number[][]) => rows.map((r) => cols.map((c) => m[recorded[r]][recorded[c]]));
      body = { ...TABLE_OK, durations: pick(TABLE_OK.durations), distances: pick(TABLE_OK.distances) };
    }
    const durations = body.durations as (number | null)[][];
    if (mode === 'partial') body.durations = durations.slice(0, -1);
    if (mode === 'nullrow') durations[durations.length - 1] = null as never;
    if (mode === 'wrongsize') durations[0] = durations[0].slice(1);
    if (mode === 'nodistances') delete body.distances;
    if (mode === 'negative') durations[0][durations[0].length - 1] = -3;
    if (mode === 'nulls') durations[0][durations[0].length - 1] = null;
    send(200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  replay.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  replay.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return replay;
}
