// Helpers shared by the Seongdong fixture scripts: the shared data folder, a seeded PRNG, a local
// planar frame, point-in-polygon and point-to-segment distance. Everything is deterministic.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Local planar frame: equirectangular projection around the district's SW corner.
export const LON0 = 127.0082;
export const LAT0 = 37.5283;
export const LAT_MID = 37.5507;
const EARTH_RADIUS_M = 6371008.8;

export function findDataDir() {
  const i = process.argv.indexOf('--data');
  if (i >= 0) return resolve(process.argv[i + 1]);
  for (let d = ROOT; ; d = dirname(d)) {
    const c = join(d, 'shared', 'data');
    if (existsSync(join(c, 'seongdong-dongs.geojson'))) return c;
    if (dirname(d) === d) throw new Error('cannot find shared/data above the repository; pass --data <dir>');
  }
}

// the library's seeded PRNG and normal draw (one definition; run `npm run build` first)
export { seededRandom as rng, normalDraw as gaussian } from '../../dist/index.js';

const K = (Math.PI / 180) * EARTH_RADIUS_M;
export const project = ([lon, lat]) => [(lon - LON0) * K * Math.cos((LAT_MID * Math.PI) / 180), (lat - LAT0) * K];
export const unproject = ([x, y]) => [LON0 + x / (K * Math.cos((LAT_MID * Math.PI) / 180)), LAT0 + y / K];

export function rings(geometry) {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  throw new Error(`unexpected geometry ${geometry.type}`);
}

/** Even-odd point-in-polygon over all rings (holes included). */
export function inside([x, y], projRings) {
  let c = false;
  for (const ring of projRings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

export function segDist([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}


/** The 2024 quarter whose coffee-shop counts the fixtures follow. */
export const QUARTER = '20244';

/**
 * The 17 dongs, sorted by code, with their shop and franchise counts for QUARTER, projected
 * rings, bounding box (projected) and inner point ([lon, lat]).
 */
export function loadDongs(dataDir) {
  const dongs = JSON.parse(readFileSync(join(dataDir, 'seongdong-dongs.geojson'), 'utf8')).features;
  const countsCsv = readFileSync(join(dataDir, 'seongdong-cafe-counts-2024.csv'), 'utf8').trim().split(/\r?\n/);
  const head = countsCsv[0].split(',');
  const col = (name) => head.indexOf(name);
  const counts = new Map();
  for (const line of countsCsv.slice(1)) {
    const f = line.split(',');
    if (f[col('기준_년분기_코드')] !== QUARTER) continue;
    counts.set(f[col('행정동_코드')], { shops: Number(f[col('점포_수')]), franchise: Number(f[col('프랜차이즈_점포_수')]) });
  }
  return dongs
    .map((d) => {
      const code = d.properties.adm_cd2.slice(0, 8);
      const c = counts.get(code);
      if (!c) throw new Error(`no café count for dong ${code}`);
      const r = rings(d.geometry).map((ring) => ring.map(project));
      const flat = r.flat();
      const xs = flat.map((p) => p[0]);
      const ys = flat.map((p) => p[1]);
      return {
        code,
        name: d.properties.name,
        nameEng: d.properties.name_eng,
        inner: [d.properties.inner_lon, d.properties.inner_lat],
        ...c,
        rings: r,
        box: [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)],
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Every segment of the TOPIS road links, projected. */
export function loadRoadSegments(dataDir) {
  const roads = JSON.parse(readFileSync(join(dataDir, 'seongdong-roads.geojson'), 'utf8')).features;
  const segments = [];
  for (const r of roads) {
    const pts = r.geometry.coordinates.map(project);
    for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1], pts[i]]);
  }
  return segments;
}
