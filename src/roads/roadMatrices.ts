import { CONNECTOR, type Attachment, type RoadGraph } from './RoadGraph.js';
import { NO_LIMIT } from '../core/coreInput.js';
import { detCos } from '../common/detMath.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** Shortest travel times between all nodes of a graph, with the length and last edge of each path. */
export interface NodeTables {
  n: number;
  /** Seconds, `time[s * n + t]` (Infinity without a path). */
  time: Float64Array;
  /** Metres along the fastest path. */
  length: Float64Array;
  /** The edge that enters t on the fastest path from s (-1 for s itself or no path). */
  via: Int32Array;
}

/**
 * Dijkstra from every node by travel time (binary heap on typed arrays), keeping each path's
 * length and its last edge.
 *
 * @example
 * ```ts
 * const t = nodeTables(graph);
 * t.time[s * t.n + u]; // seconds from node s to node u
 * ```
 */
export function nodeTables(graph: RoadGraph): NodeTables {
  const n = graph.nodes.length;
  const time = new Float64Array(n * n).fill(Infinity);
  const length = new Float64Array(n * n).fill(Infinity);
  const via = new Int32Array(n * n).fill(-1);
  const heap = new Int32Array(graph.to.length + n + 1);
  const key = new Float64Array(graph.to.length + n + 1);
  for (let s = 0; s < n; s++) {
    const base = s * n;
    let size = 0;
    const push = (u: number, k: number) => {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (key[p] <= k) break;
        heap[i] = heap[p];
        key[i] = key[p];
        i = p;
      }
      heap[i] = u;
      key[i] = k;
    };
    const pop = (): number => {
      const top = heap[0];
      const u = heap[--size];
      const k = key[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && key[c + 1] < key[c]) c++;
        if (key[c] >= k) break;
        heap[i] = heap[c];
        key[i] = key[c];
        i = c;
      }
      heap[i] = u;
      key[i] = k;
      return top;
    };
    time[base + s] = 0;
    length[base + s] = 0;
    push(s, 0);
    while (size > 0) {
      const k0 = key[0];
      const u = pop();
      if (k0 > time[base + u]) continue;
      for (let j = graph.outStart[u]; j < graph.outStart[u + 1]; j++) {
        const e = graph.outEdges[j];
        const v = graph.to[e];
        const t = k0 + graph.duration[e];
        if (t < time[base + v]) {
          time[base + v] = t;
          length[base + v] = length[base + u] + graph.length[e];
          via[base + v] = e;
          push(v, t);
        }
      }
    }
  }
  return { n, time, length, via };
}

/** A connector longer than this (metres, straight line from the point to its road) counts as far. */
export const FAR_CONNECTOR_M = 150;

/** Road matrices of a set of points, and how the points meet the network. */
export interface RoadMatrices {
  /** Seconds, n×n row-major, integers; 2³¹−1 where no path exists. */
  durations: Int32Array;
  /** Metres along the fastest path. */
  distances: Int32Array;
  /** Per point, where it meets the road (first: the nearest link). */
  attachments: Attachment[][];
  /** Points whose connector is longer than {@link FAR_CONNECTOR_M} (150 m), or that meet no road at all. */
  farConnectors: number;
  /** The node tables the matrices came from (for `roadPath`). */
  tables: NodeTables;
}

/** Ways to leave a point onto the network (to a node) and to reach it (from a node). */
interface Access {
  node: number;
  time: number;
  length: number;
  edge: number;
  along: number;
}

const connectorLength = (a: Attachment) => a.offset * CONNECTOR.detour;
const connectorTime = (a: Attachment) => connectorLength(a) / (CONNECTOR.speedKmh / 3.6);

function leaving(graph: RoadGraph, a: Attachment): Access {
  const rest = graph.length[a.edge] - a.along;
  const frac = graph.length[a.edge] > 0 ? rest / graph.length[a.edge] : 0;
  return { node: graph.to[a.edge], time: connectorTime(a) + frac * graph.duration[a.edge], length: connectorLength(a) + rest, edge: a.edge, along: a.along };
}

function arriving(graph: RoadGraph, a: Attachment): Access {
  const frac = graph.length[a.edge] > 0 ? a.along / graph.length[a.edge] : 0;
  return { node: graph.from[a.edge], time: frac * graph.duration[a.edge] + connectorTime(a), length: a.along + connectorLength(a), edge: a.edge, along: a.along };
}

/**
 * The fastest way from attachments `from` to attachments `to`: time, length, and which
 * attachments and whether along one link (for `roadPath`).
 *
 * @example
 * ```ts
 * fastest(graph, tables, graph.attach(a), graph.attach(b)).time; // seconds
 * ```
 */
export function fastest(graph: RoadGraph, tables: NodeTables, from: Attachment[], to: Attachment[]) {
  let best = { time: Infinity, length: Infinity, leave: undefined as Access | undefined, arrive: undefined as Access | undefined, sameEdge: false };
  for (const a of from) {
    const l = leaving(graph, a);
    for (const b of to) {
      // both on one link, the target further along it: drive along the link
      if (a.edge === b.edge && b.along >= a.along) {
        const len = graph.length[a.edge];
        const t = connectorTime(a) + ((b.along - a.along) / Math.max(len, 1e-9)) * graph.duration[a.edge] + connectorTime(b);
        if (t < best.time) best = { time: t, length: connectorLength(a) + b.along - a.along + connectorLength(b), leave: l, arrive: arriving(graph, b), sameEdge: true };
      }
      const r = arriving(graph, b);
      const k = l.node * tables.n + r.node;
      const t = l.time + tables.time[k] + r.time;
      if (t < best.time) best = { time: t, length: l.length + tables.length[k] + r.length, leave: l, arrive: r, sameEdge: false };
    }
  }
  return best;
}

/**
 * Duration and distance matrices between points by shortest paths on the road graph: each
 * point meets its nearest link by a connector (`CONNECTOR`: straight line × 1.3 at 10 km/h),
 * leaves along that link's direction (or its reverse twin's) and is reached the same way;
 * between nodes the fastest path counts. Values are rounded to whole seconds and metres; a
 * pair without a path gets 2³¹−1, which the solver treats as unreachable; points at the same
 * spot are 0 apart.
 *
 * @example
 * ```ts
 * const m = roadMatrices(graph, bins.map((b) => b.location));
 * m.durations[i * n + j]; // seconds from point i to point j
 * ```
 */
export function roadMatrices(graph: RoadGraph, points: readonly Position[], tables: NodeTables = nodeTables(graph)): RoadMatrices {
  const n = points.length;
  const attachments = points.map((p) => graph.attach(p));
  const durations = new Int32Array(n * n);
  const distances = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // a place to itself, or to another at the same spot, is no drive
      if (i === j || (points[i][0] === points[j][0] && points[i][1] === points[j][1])) continue;
      const f = fastest(graph, tables, attachments[i], attachments[j]);
      const ok = Number.isFinite(f.time);
      durations[i * n + j] = ok ? Math.min(NO_LIMIT - 1, Math.round(f.time)) : NO_LIMIT;
      distances[i * n + j] = ok ? Math.min(NO_LIMIT - 1, Math.round(f.length)) : NO_LIMIT;
    }
  }
  return { durations, distances, attachments, farConnectors: attachments.filter((a) => a.length === 0 || a[0].offset > FAR_CONNECTOR_M).length, tables };
}

/** A driven path: `[lon, lat]` points and the road name of each segment (`null` for connectors). */
export interface RoadPath {
  coordinates: Position[];
  names: (string | null)[];
}

/** Cumulative haversine-consistent positions along an edge: the point `along` metres from its start. */
function pointAlong(graph: RoadGraph, e: number, along: number): Position {
  const g = graph.geometry[e];
  const total = graph.length[e];
  if (total <= 0) return g[0];
  // split by the planar share of each segment (the edge's length is spread the same way)
  const seg: number[] = [];
  let sum = 0;
  const k = detCos((g[0][1] * Math.PI) / 180);
  for (let i = 1; i < g.length; i++) {
    const l = Math.hypot((g[i][0] - g[i - 1][0]) * k, g[i][1] - g[i - 1][1]);
    seg.push(l);
    sum += l;
  }
  let left = (Math.max(0, Math.min(total, along)) / total) * sum;
  for (let i = 0; i < seg.length; i++) {
    if (left <= seg[i] || i === seg.length - 1) {
      const t = seg[i] > 0 ? Math.min(1, left / seg[i]) : 0;
      return [g[i][0] + t * (g[i + 1][0] - g[i][0]), g[i][1] + t * (g[i + 1][1] - g[i][1])];
    }
    left -= seg[i];
  }
  return g[g.length - 1];
}

/** The part of edge e between `a0` and `a1` metres from its start (a0 ≤ a1), with its inner vertices. */
function subLine(graph: RoadGraph, e: number, a0: number, a1: number): Position[] {
  const g = graph.geometry[e];
  const total = graph.length[e];
  const out: Position[] = [pointAlong(graph, e, a0)];
  if (total > 0) {
    const k = detCos((g[0][1] * Math.PI) / 180);
    let sum = 0;
    const cum = [0];
    for (let i = 1; i < g.length; i++) cum.push((sum += Math.hypot((g[i][0] - g[i - 1][0]) * k, g[i][1] - g[i - 1][1])));
    for (let i = 1; i < g.length - 1; i++) {
      const at = (cum[i] / sum) * total;
      if (at > a0 && at < a1) out.push(g[i]);
    }
  }
  out.push(pointAlong(graph, e, a1));
  return out;
}

/**
 * The fastest path between two attached points, as coordinates with the road name of each
 * segment: the connector, the rest of the first link, the links between (from the node
 * tables), the start of the last link, the connector. The geometry the matrices priced.
 *
 * @example
 * ```ts
 * const p = roadPath(graph, tables, m.attachments[i], m.attachments[j], points[i], points[j]);
 * p.coordinates[0]; // points[i]
 * ```
 */
export function roadPath(graph: RoadGraph, tables: NodeTables, from: Attachment[], to: Attachment[], start: Position, end: Position): RoadPath {
  const f = start[0] === end[0] && start[1] === end[1] ? undefined : fastest(graph, tables, from, to);
  if (!f || !f.leave || !f.arrive || !Number.isFinite(f.time)) return { coordinates: [start, end], names: [null] };
  const coordinates: Position[] = [start];
  const names: (string | null)[] = [];
  const add = (pts: Position[], name: string | null) => {
    for (const p of pts) {
      const last = coordinates[coordinates.length - 1];
      if (last[0] === p[0] && last[1] === p[1]) continue;
      coordinates.push(p);
      names.push(name);
    }
  };
  const nameOf = (e: number) => graph.names[e] || null;
  if (f.sameEdge) {
    add([pointAlong(graph, f.leave.edge, f.leave.along)], null);
    add(subLine(graph, f.leave.edge, f.leave.along, f.arrive.along), nameOf(f.leave.edge));
  } else {
    add([pointAlong(graph, f.leave.edge, f.leave.along)], null);
    add(subLine(graph, f.leave.edge, f.leave.along, graph.length[f.leave.edge]), nameOf(f.leave.edge));
    // the node path, backwards from the arrival's tail
    const edges: number[] = [];
    for (let u = f.arrive.node; u !== f.leave.node; ) {
      const e = tables.via[f.leave.node * tables.n + u];
      if (e < 0) break;
      edges.push(e);
      u = graph.from[e];
    }
    for (const e of edges.reverse()) add(graph.geometry[e].slice(1), nameOf(e));
    add(subLine(graph, f.arrive.edge, 0, f.arrive.along), nameOf(f.arrive.edge));
  }
  add([end], null);
  if (coordinates.length === 1) {
    coordinates.push(end);
    names.push(null);
  }
  return { coordinates, names };
}
