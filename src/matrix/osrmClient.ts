import { InputError } from '../errors.js';
import { NO_LIMIT } from '../core/coreInput.js';
import type { RoadPath } from '../roads/roadMatrices.js';

/** `[lon, lat]`. */
type Position = [number, number];

/**
 * A failure of a routing service: unreachable, slow, or answering something unusable. It is an
 * InputError (the CLI prints one line and exits 2) with the request's URL.
 *
 * @example
 * ```ts
 * try { await osrm.table(points); } catch (e) { if (e instanceof ProviderError) console.error(e.url); }
 * ```
 */
export class ProviderError extends InputError {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(`OSRM: ${message} (${url.length > 120 ? `${url.slice(0, 117)}...` : url})`, { code: 'E6008', field: 'osrm', value: url });
    this.name = 'ProviderError';
  }
}

/** Options of {@link OsrmClient}. */
export interface OsrmOptions {
  /** The server, e.g. `http://127.0.0.1:5000`. */
  baseUrl: string;
  /** OSRM profile in the URL. Default `driving`. */
  profile?: string;
  /** Milliseconds per request before it counts as failed. Default 30 000. */
  timeoutMs?: number;
  /** Largest sources × destinations block per `/table` request. Default 100 (OSRM's default `--max-table-size`). */
  maxTableSize?: number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

/**
 * A client of a user's own OSRM server (HTTP API v5): `/table` for duration and distance
 * matrices (in blocks of at most `maxTableSize` sources and destinations) and `/route` for one
 * leg's geometry and road names. Timeouts, HTTP errors, malformed JSON, OSRM error codes and
 * partial tables become a {@link ProviderError} naming the request; a matrix is returned whole
 * or not at all. `null` entries (no route) become 2³¹−1 in both matrices, which the solver
 * reads as unreachable.
 *
 * @example
 * ```ts
 * const osrm = new OsrmClient({ baseUrl: 'http://127.0.0.1:5000' });
 * const { durations, distances } = await osrm.table([[127.04, 37.55], [127.05, 37.54]]);
 * ```
 */
export class OsrmClient {
  private readonly base: string;
  private readonly profile: string;
  private readonly timeoutMs: number;
  private readonly block: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: OsrmOptions) {
    if (typeof options?.baseUrl !== 'string' || !/^https?:\/\/[^/]+/.test(options.baseUrl)) {
      throw new InputError(`osrm.baseUrl: expected an http(s) URL, got ${String(options?.baseUrl)}`, { code: 'E6006', field: 'osrm.baseUrl' });
    }
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.block = Math.max(1, Math.floor(options.maxTableSize ?? 100));
    this.fetchFn = options.fetch ?? globalThis.fetch;
  }

  private async get(url: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.fetchFn(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      const err = e as Error;
      const why = err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${this.timeoutMs} ms` : `cannot reach the server (${err.message})`;
      throw new ProviderError(why, url);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      throw new ProviderError(`the answer broke off (${(e as Error).message})`, url);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProviderError(`HTTP ${response.status}, the answer is not JSON: ${JSON.stringify(text.slice(0, 60))}`, url);
    }
    const b = body as Record<string, unknown>;
    if (!response.ok || b?.code !== 'Ok') {
      const code = typeof b?.code === 'string' ? b.code : '?';
      const message = typeof b?.message === 'string' ? `: ${b.message}` : '';
      throw new ProviderError(`HTTP ${response.status}, code ${code}${message}`, url);
    }
    return b;
  }

  private coords(points: readonly Position[]): string {
    return points.map(([lon, lat]) => `${lon.toFixed(6)},${lat.toFixed(6)}`).join(';');
  }

  /**
   * Duration (s) and distance (m) matrices, n×n row-major Int32, between `points`.
   *
   * @example
   * ```ts
   * const m = await osrm.table(points);
   * m.durations[i * points.length + j];
   * ```
   */
  async table(points: readonly Position[]): Promise<{ durations: Int32Array; distances: Int32Array }> {
    const n = points.length;
    const durations = new Int32Array(n * n);
    const distances = new Int32Array(n * n);
    for (let r0 = 0; r0 < n; r0 += this.block) {
      for (let c0 = 0; c0 < n; c0 += this.block) {
        const rows = Array.from({ length: Math.min(this.block, n - r0) }, (_, k) => r0 + k);
        const cols = Array.from({ length: Math.min(this.block, n - c0) }, (_, k) => c0 + k);
        // the block's own coordinates: rows first, then the columns not among them
        const ids = [...new Set([...rows, ...cols])];
        const pos = new Map(ids.map((id, k) => [id, k]));
        const url =
          `${this.base}/table/v1/${this.profile}/${this.coords(ids.map((i) => points[i]))}` +
          `?sources=${rows.map((i) => pos.get(i)).join(';')}&destinations=${cols.map((i) => pos.get(i)).join(';')}&annotations=duration,distance`;
        const body = await this.get(url);
        const take = (key: 'durations' | 'distances', into: Int32Array) => {
          const m = body[key];
          if (!Array.isArray(m) || m.length !== rows.length) throw new ProviderError(`${key}: expected ${rows.length} rows, got ${Array.isArray(m) ? m.length : typeof m}`, url);
          m.forEach((row, a) => {
            if (!Array.isArray(row) || row.length !== cols.length) throw new ProviderError(`${key}[${a}]: expected ${cols.length} entries, got ${Array.isArray(row) ? row.length : typeof row}`, url);
            row.forEach((v, b) => {
              if (v === null) into[rows[a] * n + cols[b]] = NO_LIMIT;
              else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) into[rows[a] * n + cols[b]] = Math.min(NO_LIMIT - 1, Math.round(v));
              else throw new ProviderError(`${key}[${a}][${b}]: not a non-negative number: ${JSON.stringify(v)}`, url);
            });
          });
        };
        take('durations', durations);
        take('distances', distances);
      }
    }
    // a pair without a duration or without a distance has no route: unreachable in both
    for (let k = 0; k < n * n; k++) if (durations[k] === NO_LIMIT || distances[k] === NO_LIMIT) durations[k] = distances[k] = NO_LIMIT;
    return { durations, distances };
  }

  /**
   * One leg's road geometry and road names (OSRM `/route` with steps), as a path from `from`
   * to `to`: the stretches between the points and where OSRM snapped them onto the roads are
   * connectors (name `null`).
   *
   * @example
   * ```ts
   * const leg = await osrm.route([127.04, 37.55], [127.05, 37.54]);
   * leg.coordinates.length; // ≥ 2
   * ```
   */
  async route(from: Position, to: Position): Promise<RoadPath> {
    const url = `${this.base}/route/v1/${this.profile}/${this.coords([from, to])}?overview=false&steps=true&geometries=geojson`;
    const body = await this.get(url);
    const route = (body.routes as { legs?: { steps?: { name?: string; geometry?: { coordinates?: Position[] } }[] }[] }[] | undefined)?.[0];
    const steps = route?.legs?.[0]?.steps;
    if (!Array.isArray(steps) || steps.length === 0) throw new ProviderError('the route has no steps', url);
    const coordinates: Position[] = [from];
    const names: (string | null)[] = [];
    const add = (c: Position, name: string | null) => {
      const last = coordinates[coordinates.length - 1];
      if (c[0] === last[0] && c[1] === last[1]) return;
      coordinates.push([c[0], c[1]]);
      names.push(name);
    };
    steps.forEach((s, k) => {
      const line = s.geometry?.coordinates;
      if (!Array.isArray(line) || line.some((c) => !Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1]))) {
        throw new ProviderError(`steps[${k}]: no GeoJSON LineString geometry (ask with geometries=geojson)`, url);
      }
      // the way from the point to where OSRM snapped it is a connector, not the first road
      line.forEach((c, i) => add(c, k === 0 && i === 0 ? null : s.name ? s.name : null));
    });
    add(to, null);
    if (coordinates.length === 1) {
      coordinates.push(to);
      names.push(null);
    }
    return { coordinates, names };
  }
}
