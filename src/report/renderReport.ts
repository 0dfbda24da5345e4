import type { Feature, FeatureCollection, Geometry, LineString, Point, Position } from 'geojson';
import type { VroomOutput } from '../vroom/types.js';
import { detCos } from '../common/detMath.js';

/** What {@link renderReport} draws. */
export interface ReportInput {
  title: string;
  /** Lines under the title (date, scenario, budget…). */
  subtitle?: string[];
  /** The solution (VROOM output) for the tables. */
  output: VroomOutput;
  /** Its routes as GeoJSON (`routesGeoJson`). */
  routes: FeatureCollection;
  /** Background layers: features with `kind` `boundary`, `dong` or `road` (e.g. fixtures/seongdong/map.geojson). */
  map?: FeatureCollection & { attribution?: string };
  /** Vehicle id → its type, for the table (e.g. `e-cargo-bike`). */
  vehicleLabel?: (vehicle: number) => string;
}

/** Colours for routes: distinct, readable on white (Tableau 10 and 10 darker shades). */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f4e79', '#b35806', '#8c1d18', '#2c7f7a', '#2f6b26', '#a08400', '#6b3f69', '#c0566b', '#5e4533', '#6f6963'];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

const kind = (f: Feature) => (f.properties as { kind?: string } | null)?.kind;

/** An equirectangular projection fitted to a box of [lon, lat] positions, in SVG units. */
function projection(positions: Position[], width: number) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    x0 = Math.min(x0, lon);
    x1 = Math.max(x1, lon);
    y0 = Math.min(y0, lat);
    y1 = Math.max(y1, lat);
  }
  const k = detCos((((y0 + y1) / 2) * Math.PI) / 180);
  const margin = 12;
  const scale = (width - 2 * margin) / Math.max((x1 - x0) * k, 1e-9);
  const height = Math.ceil((y1 - y0) * scale + 2 * margin);
  const at = ([lon, lat]: Position): [number, number] => [margin + (lon - x0) * k * scale, margin + (y1 - lat) * scale];
  return { at, height };
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

/** Every ring or line of a geometry as an SVG path `d`. */
function pathData(g: Geometry, at: (p: Position) => [number, number], close: boolean): string {
  const lines = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return lines
    .map((line) => line.map((p, i) => `${i ? 'L' : 'M'}${at(p).map((v) => v.toFixed(1)).join(' ')}`).join('') + (close ? 'Z' : ''))
    .join('');
}

/**
 * One self-contained HTML file (no tile server, no CDN, no script) with an SVG map — district
 * boundary, dongs, roads, every trip in its vehicle's colour, numbered stops, depot and hubs,
 * unassigned bins marked — and beside it a table per vehicle (stops, trips, km, driving and
 * working hours, kg) and the unassigned bins with their reasons. Opens offline in any browser.
 *
 * @example
 * ```ts
 * writeFileSync('report.html', renderReport({ title: 'Seongdong, 2026-11-23', output, routes: routesGeoJson(output), map }));
 * ```
 */
export function renderReport(input: ReportInput): string {
  const { output, routes, map } = input;
  const width = 820;
  // fit the routes and the district (roads run beyond it and are cut at the frame)
  const framed = [...routes.features, ...(map?.features ?? []).filter((f) => kind(f) !== 'road')];
  const all: Position[] = framed.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : []));
  const { at, height } = projection(all.length ? all : [[0, 0], [1, 1]], width);
  const colour = new Map(output.routes.map((r, i) => [r.vehicle, PALETTE[i % PALETTE.length]]));
  const svg: string[] = [];
  for (const f of map?.features ?? []) {
    if (!f.geometry) continue;
    if (kind(f) === 'dong') svg.push(`<path class="dong" d="${pathData(f.geometry, at, true)}"><title>${esc(f.properties?.name)}</title></path>`);
  }
  for (const f of map?.features ?? []) if (f.geometry && kind(f) === 'road') svg.push(`<path class="road" d="${pathData(f.geometry, at, false)}"/>`);
  for (const f of map?.features ?? []) if (f.geometry && kind(f) === 'boundary') svg.push(`<path class="boundary" d="${pathData(f.geometry, at, true)}"/>`);
  for (const f of map?.features ?? []) {
    if (!f.geometry || kind(f) !== 'dong') continue;
    const ps = positionsOf(f.geometry);
    const [cx, cy] = at([ps.reduce((a, p) => a + p[0], 0) / ps.length, ps.reduce((a, p) => a + p[1], 0) / ps.length]);
    svg.push(`<text class="dong-name" x="${cx.toFixed(1)}" y="${cy.toFixed(1)}">${esc(f.properties?.name)}</text>`);
  }
  for (const f of routes.features as Feature<LineString | Point>[]) {
    if (kind(f) !== 'trip') continue;
    const p = f.properties!;
    svg.push(`<path class="trip" stroke="${colour.get(p.vehicle)}" d="${pathData(f.geometry, at, false)}"><title>vehicle ${esc(p.vehicleDescription ?? p.vehicle)}, trip ${p.trip}: ${p.stops} stops, ${esc(p.departureTime)}–${esc(p.arrivalTime)}</title></path>`);
  }
  for (const f of routes.features as Feature<Point>[]) {
    const k = kind(f);
    if (f.geometry?.type !== 'Point') continue;
    const [x, y] = at(f.geometry.coordinates);
    const p = f.properties!;
    if (k === 'bin') {
      svg.push(`<g class="stop"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.2" fill="${colour.get(p.vehicle)}"/><text x="${x.toFixed(1)}" y="${(y + 1.6).toFixed(1)}">${p.sequence}</text><title>${esc(p.description)} — #${p.sequence} of vehicle ${esc(p.vehicleDescription ?? p.vehicle)}, ETA ${esc(p.etaTime)}${p.fillPercent !== undefined ? `, fill ${p.fillPercent} %` : ''}</title></g>`);
    } else if (k === 'unassigned') {
      svg.push(`<g class="unassigned"><path d="M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}"/><title>${esc(p.description)} — unassigned: ${esc(p.reason)}</title></g>`);
    }
  }
  const drawn = new Set<string>();
  for (const f of routes.features as Feature<Point>[]) {
    const k = kind(f);
    if ((k !== 'hub' && k !== 'depot') || f.geometry?.type !== 'Point') continue;
    const key = `${k}:${f.geometry.coordinates.join(',')}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const [x, y] = at(f.geometry.coordinates);
    if (k === 'depot') svg.push(`<rect class="depot" x="${(x - 7).toFixed(1)}" y="${(y - 7).toFixed(1)}" width="14" height="14"><title>depot</title></rect>`);
    else svg.push(`<path class="hub" d="M${x.toFixed(1)} ${(y - 9).toFixed(1)}L${(x + 8).toFixed(1)} ${(y + 6).toFixed(1)}L${(x - 8).toFixed(1)} ${(y + 6).toFixed(1)}Z"><title>${esc(f.properties?.description)}</title></path>`);
  }

  const rows = output.routes.map((r) => {
    const jobs = r.steps.filter((s) => s.type === 'job').length;
    const unloads = r.steps.filter((s) => s.type === 'reload').length;
    const first = r.steps[0];
    const last = r.steps[r.steps.length - 1];
    const label = input.vehicleLabel?.(r.vehicle) ?? r.description ?? '';
    return `<tr><td><span class="swatch" style="background:${colour.get(r.vehicle)}"></span>${esc(r.vehicle)}</td><td>${esc(label)}</td><td>${jobs}</td><td>${unloads}</td><td>${(r.distance / 1000).toFixed(1)}</td><td>${(r.duration / 3600).toFixed(2)}</td><td>${hhmm(first.arrival)}–${hhmm(last.arrival)}</td><td>${r.pickup[0] ?? 0}</td></tr>`;
  });
  const s = output.summary;
  const unassigned = output.unassigned.map((u) => `<tr><td>${esc(u.id)}</td><td>${esc(u.description)}</td><td>${esc(u.reason)}</td><td>${esc(u.detail)}</td></tr>`);
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>
body{font-family:system-ui,"Noto Sans KR","Apple SD Gothic Neo",sans-serif;margin:16px;color:#222}
h1{font-size:20px;margin:0 0 4px}p.sub{margin:0 0 12px;color:#555;font-size:13px}
.wrap{display:flex;gap:16px;align-items:flex-start}.side{flex:1 1 420px;min-width:420px}
svg{border:1px solid #ccc;background:#fbfbf8;max-width:100%;height:auto;overflow:hidden}
.dong{fill:#f1efe6;stroke:#c9c4b0;stroke-width:.8}.boundary{fill:none;stroke:#555;stroke-width:1.6}
.road{fill:none;stroke:#bdbdbd;stroke-width:1}.dong-name{font-size:9px;fill:#9a9482;text-anchor:middle}
.trip{fill:none;stroke-width:1.8;stroke-opacity:.85}
.stop text{font-size:4.6px;fill:#fff;text-anchor:middle;font-weight:600}
.unassigned path{stroke:#d00;stroke-width:2}.depot{fill:#111}.hub{fill:#fff;stroke:#111;stroke-width:2}
table{border-collapse:collapse;font-size:12px;margin-bottom:12px}td,th{border:1px solid #ddd;padding:3px 6px;text-align:right}
td:nth-child(2),th:nth-child(2){text-align:left}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
.attr{font-size:10px;color:#777;max-width:${width}px}
</style></head><body>
<h1>${esc(input.title)}</h1>
${(input.subtitle ?? []).map((l) => `<p class="sub">${esc(l)}</p>`).join('\n')}
<div class="wrap">
<div><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${svg.join('\n')}
</svg>
<p class="attr">■ depot ▲ hub ● bin (number = visit order, colour = vehicle) ✕ unassigned. ${esc(map?.attribution ?? '')}</p></div>
<div class="side">
<table><thead><tr><th>vehicle</th><th>type</th><th>stops</th><th>unloads</th><th>km</th><th>driving h</th><th>on duty</th><th>kg</th></tr></thead>
<tbody>
${rows.join('\n')}
<tr><th>all</th><th></th><th>${output.routes.reduce((a, r) => a + r.steps.filter((x) => x.type === 'job').length, 0)}</th><th>${output.routes.reduce((a, r) => a + r.steps.filter((x) => x.type === 'reload').length, 0)}</th><th>${(s.distance / 1000).toFixed(1)}</th><th>${(s.duration / 3600).toFixed(2)}</th><th></th><th>${s.pickup[0] ?? 0}</th></tr>
</tbody></table>
<h2 style="font-size:15px">Unassigned (${output.unassigned.length})</h2>
${unassigned.length ? `<table><thead><tr><th>id</th><th>bin</th><th>reason</th><th>detail</th></tr></thead><tbody>\n${unassigned.join('\n')}\n</tbody></table>` : '<p class="sub">Every bin is routed.</p>'}
</div></div>
</body></html>
`;
}
