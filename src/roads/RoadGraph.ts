import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { InputError } from '../errors.js';
import { haversineDistance } from '../vroom/haversineDistance.js';
import { detCos } from '../common/detMath.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** Free-flow speeds by TOPIS road class, km/h (assumptions; Seoul's urban limit is 50 km/h). */
export const ROAD_CLASS_SPEEDS_KMH: Record<string, number> = {
  도시고속도로: 50,
  주간선도로: 35,
  보조간선도로: 30,
  기타도로: 25,
};
/**
 * Road classes no stop can be on: a vehicle cannot stop on an urban expressway (도시고속도로) to
 * collect a bin, so places attach to the nearest link of another class (vehicles may still
 * drive on it between stops).
 */
export const NO_STOPPING_CLASSES: readonly string[] = ['도시고속도로'];

/** Speed of a link without a class, km/h. */
export const DEFAULT_ROAD_SPEED_KMH = 28;
/** The short connector from a point to its nearest road: speed (km/h) and detour factor over the straight line. */
export const CONNECTOR = { speedKmh: 10, detour: 1.3 };

/** Options of {@link RoadGraph.fromGeoJson}. */
export interface RoadGraphOptions {
  /**
   * Hourly speeds (km/h, 24 values from hour 0) by road name, and `overall` for the others — the
   * shape of TOPIS's `seongsu-hourly-speeds.json` for one day type. With `hour`, a link with a
   * known name drives at its road's speed and other links at the overall speed scaled by
   * class; without, at the class speeds.
   */
  speeds?: { overall: number[]; roads?: Record<string, number[]> };
  /** Hour of day (0–23) for `speeds`. */
  hour?: number;
  /** Road classes (`roadType`) this network leaves out, e.g. `['도시고속도로']` for bicycles. */
  excludeClasses?: string[];
}

/** A point attached to the road network: on edge `edge`, `along` metres from its start, `offset` metres away. */
export interface Attachment {
  edge: number;
  along: number;
  offset: number;
}

/**
 * A directed road network (TOPIS service links: each link is one direction of travel) with
 * lengths and travel times, stored in compressed adjacency arrays. Points (bins, hubs, depots)
 * attach to their nearest link by a straight connector; see `roadMatrices`.
 *
 * @example
 * ```ts
 * const graph = RoadGraph.fromGeoJson(map, { excludeClasses: ['도시고속도로'] });
 * const m = roadMatrices(graph, points);
 * ```
 */
export class RoadGraph {
  /** Node positions, `[lon, lat]`. */
  readonly nodes: Position[];
  /** Per edge: tail and head node, length (m), duration (s), name (or ''), geometry. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly length: Float64Array;
  readonly duration: Float64Array;
  readonly names: string[];
  /** Per edge: 1 when a place may attach to it (its class is not in NO_STOPPING_CLASSES). */
  readonly stoppable: Uint8Array;
  readonly geometry: Position[][];
  /** Outgoing edges of node u: `outEdges[outStart[u] … outStart[u + 1] − 1]`. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;

  private constructor(nodes: Position[], edges: { from: number; to: number; length: number; duration: number; name: string; roadType: string; geometry: Position[] }[]) {
    this.nodes = nodes;
    const m = edges.length;
    this.from = Int32Array.from(edges, (e) => e.from);
    this.to = Int32Array.from(edges, (e) => e.to);
    this.length = Float64Array.from(edges, (e) => e.length);
    this.duration = Float64Array.from(edges, (e) => e.duration);
    this.names = edges.map((e) => e.name);
    this.stoppable = Uint8Array.from(edges, (e) => (NO_STOPPING_CLASSES.includes(e.roadType) ? 0 : 1));
    this.geometry = edges.map((e) => e.geometry);
    this.outStart = new Int32Array(nodes.length + 1);
    for (let e = 0; e < m; e++) this.outStart[this.from[e] + 1]++;
    for (let u = 0; u < nodes.length; u++) this.outStart[u + 1] += this.outStart[u];
    this.outEdges = new Int32Array(m);
    const fill = this.outStart.slice(0, nodes.length);
    for (let e = 0; e < m; e++) this.outEdges[fill[this.from[e]]++] = e;
  }

  /**
   * Builds the graph from a GeoJSON FeatureCollection: `road` LineStrings in driving order with
   * `from` and `to` node ids (and optionally `name`, `roadType`), and `road-node` Points with
   * `id` (the layout of `fixtures/seongdong/map.geojson`). Each problem is an InputError.
   *
   * @example
   * ```ts
   * const graph = RoadGraph.fromGeoJson(JSON.parse(readFileSync('fixtures/seongdong/map.geojson', 'utf8')));
   * graph.nodes.length; // 258
   * ```
   */
  static fromGeoJson(fc: FeatureCollection, options: RoadGraphOptions = {}): RoadGraph {
    const kind = (f: Feature) => (f.properties as { kind?: string } | null)?.kind;
    const nodeIndex = new Map<number, number>();
    const nodes: Position[] = [];
    for (const f of fc.features ?? []) {
      if (kind(f) !== 'road-node') continue;
      const id = Number(f.properties?.id);
      const c = (f.geometry as Point | null)?.coordinates;
      if (!Number.isInteger(id) || !c) throw new InputError(`road network: a road-node needs an integer id and a Point, got ${JSON.stringify(f.properties)}`, { code: 'E6007', field: 'roads' });
      nodeIndex.set(id, nodes.length);
      nodes.push([c[0], c[1]]);
    }
    const { speeds, hour } = options;
    const overall = speeds && hour !== undefined ? speeds.overall[hour] : undefined;
    const overallMean = speeds ? speeds.overall.reduce((a, b) => a + b, 0) / speeds.overall.length : undefined;
    const edges = [];
    for (const f of fc.features ?? []) {
      if (kind(f) !== 'road') continue;
      const p = f.properties ?? {};
      const u = nodeIndex.get(Number(p.from));
      const v = nodeIndex.get(Number(p.to));
      const line = (f.geometry as LineString | null)?.coordinates;
      if (u === undefined || v === undefined || !line || line.length < 2) {
        throw new InputError(`road network: a road needs known from/to node ids and a LineString, got ${JSON.stringify(p)}`, { code: 'E6007', field: 'roads' });
      }
      // the link runs from node u to node v: its ends are the snapped node positions
      const geometry: Position[] = [nodes[u], ...line.slice(1, -1).map((c) => [c[0], c[1]] as Position), nodes[v]];
      let length = 0;
      for (let i = 1; i < geometry.length; i++) length += haversineDistance(geometry[i - 1], geometry[i]);
      if (options.excludeClasses?.includes(p.roadType as string)) continue;
      const classKmh = ROAD_CLASS_SPEEDS_KMH[p.roadType as string] ?? DEFAULT_ROAD_SPEED_KMH;
      const name = typeof p.name === 'string' ? p.name : '';
      let kmh = classKmh;
      if (overall !== undefined && overallMean !== undefined) {
        const named = speeds!.roads?.[name]?.[hour!];
        kmh = named ?? (classKmh * overall) / overallMean;
      }
      edges.push({ from: u, to: v, length, duration: length / (kmh / 3.6), name, roadType: typeof p.roadType === 'string' ? p.roadType : '', geometry });
    }
    if (nodes.length === 0 || edges.length === 0) throw new InputError('road network: no road-node or road features', { code: 'E6007', field: 'roads' });
    return new RoadGraph(nodes, edges);
  }

  /**
   * The strongly connected components (Kosaraju), largest first, as lists of node indices.
   *
   * @example
   * ```ts
   * graph.components()[0].length === graph.nodes.length; // strongly connected
   * ```
   */
  components(): number[][] {
    const n = this.nodes.length;
    const seen = new Uint8Array(n);
    const order: number[] = [];
    const inStart = new Int32Array(n + 1);
    for (let e = 0; e < this.to.length; e++) inStart[this.to[e] + 1]++;
    for (let u = 0; u < n; u++) inStart[u + 1] += inStart[u];
    const inEdges = new Int32Array(this.to.length);
    const fill = inStart.slice(0, n);
    for (let e = 0; e < this.to.length; e++) inEdges[fill[this.to[e]]++] = e;
    for (let s = 0; s < n; s++) {
      if (seen[s]) continue;
      const stack: [number, number][] = [[s, this.outStart[s]]];
      seen[s] = 1;
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top[1] < this.outStart[top[0] + 1]) {
          const v = this.to[this.outEdges[top[1]++]];
          if (!seen[v]) {
            seen[v] = 1;
            stack.push([v, this.outStart[v]]);
          }
        } else {
          order.push(top[0]);
          stack.pop();
        }
      }
    }
    const comp = new Int32Array(n).fill(-1);
    const out: number[][] = [];
    for (let i = n - 1; i >= 0; i--) {
      const s = order[i];
      if (comp[s] >= 0) continue;
      const members = [s];
      comp[s] = out.length;
      for (let k = 0; k < members.length; k++) {
        const u = members[k];
        for (let j = inStart[u]; j < inStart[u + 1]; j++) {
          const w = this.from[inEdges[j]];
          if (comp[w] < 0) {
            comp[w] = out.length;
            members.push(w);
          }
        }
      }
      out.push(members);
    }
    return out.sort((a, b) => b.length - a.length);
  }

  /**
   * Where a point meets the network: the nearest point of any link of the largest strongly
   * connected component (projection on its segments, in a local planar frame; links of the
   * small pieces at the network's edge are skipped, so every point can reach every other; so are
   * links where no vehicle may stop, {@link NO_STOPPING_CLASSES}), and
   * the nearest point of that link's reverse twin when there is one (its own connector: the
   * twin is often a carriageway of its own), so a point on a two-way street can leave and be
   * reached in both directions.
   *
   * @example
   * ```ts
   * const [a] = graph.attach([127.0459, 37.5524]);
   * a.offset; // metres from the point to the road
   * ```
   */
  attach(p: Position): Attachment[] {
    let best: Attachment | undefined;
    const main = this.mainEdges();
    for (let e = 0; e < this.geometry.length; e++) {
      if (!main[e] || !this.stoppable[e]) continue;
      const a = this.project(p, e);
      if (!best || a.offset < best.offset - 1e-9) best = a;
    }
    if (!best) return [];
    const out = [best];
    const e = best.edge;
    for (let j = this.outStart[this.to[e]]; j < this.outStart[this.to[e] + 1]; j++) {
      const r = this.outEdges[j];
      // the twin runs the other way, often on a carriageway of its own: the point meets it
      // where it is nearest to it, by a connector of its own length
      if (this.to[r] === this.from[e]) {
        out.push(this.project(p, r));
        break;
      }
    }
    return out;
  }

  /**
   * The nearest point of edge e to p (projection on its segments in a local planar frame):
   * `along` in the edge's haversine metres from its start, `offset` in metres from p.
   */
  private project(p: Position, e: number): Attachment {
    const k = detCos((p[1] * Math.PI) / 180) * 111_320;
    const kLat = 110_574;
    const g = this.geometry[e];
    let best = { along: 0, offset: Infinity };
    let along = 0;
    for (let i = 1; i < g.length; i++) {
      const ax = (g[i - 1][0] - p[0]) * k;
      const ay = (g[i - 1][1] - p[1]) * kLat;
      const dx = (g[i][0] - g[i - 1][0]) * k;
      const dy = (g[i][1] - g[i - 1][1]) * kLat;
      const l2 = dx * dx + dy * dy;
      const t = l2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2)) : 0;
      const off = Math.hypot(ax + t * dx, ay + t * dy);
      const seg = Math.sqrt(l2);
      if (off < best.offset - 1e-9) best = { along: along + t * seg, offset: off };
      along += seg;
    }
    // `along` is planar metres; keep it consistent with the haversine length of the edge
    return { edge: e, along: along > 0 ? Math.min(this.length[e], (best.along * this.length[e]) / along) : 0, offset: best.offset };
  }

  private main?: Uint8Array;

  /** 1 for the edges inside the largest strongly connected component (points attach only there). */
  private mainEdges(): Uint8Array {
    if (!this.main) {
      const inMain = new Uint8Array(this.nodes.length);
      for (const u of this.components()[0]) inMain[u] = 1;
      this.main = Uint8Array.from(this.from, (u, e) => (inMain[u] && inMain[this.to[e]] ? 1 : 0));
    }
    return this.main;
  }
}
