#!/usr/bin/env node
// Builds fixtures/seongdong-small.vrp (+ .nodes.csv): a CVRPLIB CVRP of 40 cafés in
// Seongdong-gu (Seoul) whose spent coffee grounds an e-cargo bike collects.
//
//   npm run build && node scripts/make-seongdong-fixture.mjs [--data <shared/data dir>]
//
// Inputs (real, in ../shared/data, see its README): the 17 dong polygons, the 2024 Q4
// count of coffee/beverage shops (and franchise shops) per dong, and the TOPIS arterial
// road links and nodes. The café points and volumes are SYNTHETIC, drawn with a fixed seed
// so that re-running the script reproduces the files byte for byte. Assumptions and sources:
// fixtures/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, LON0, LAT0, findDataDir, rng, gaussian, project, unproject, rings, inside, segDist, loadDongs, loadRoadSegments } from './lib/seongdong.mjs';

// ---- parameters (documented in fixtures/README.md) ----
const SEED = 20244; // the 2024 Q4 quarter code, for memorability
const N_CAFES = 40;
const CAPACITY_KG = 200; // e-cargo bike / trike payload assumption
const PICKUP_EVERY_DAYS = 2;
const WET_GROUNDS_KG_PER_CUP = 0.036; // ~18 g of beans per cup, about twice that once wet
const CUPS_MEDIAN = { independent: 120, franchise: 250 };
const CUPS_SIGMA = 0.4; // log-normal spread
const CUPS_MIN = 30;
const CUPS_MAX = 600;
const MAX_ROAD_DISTANCE_M = 50; // cafés are drawn within this distance of a road link
const MIN_SPACING_M = 25; // and at least this far from each other

function main() {
  const dataDir = findDataDir();
  const boundary = JSON.parse(readFileSync(join(dataDir, 'seongdong-boundary.geojson'), 'utf8')).features[0];
  const nodesCsv = readFileSync(join(dataDir, 'seongdong-road-nodes.csv'), 'utf8').trim().split(/\r?\n/);
  const dongInfo = loadDongs(dataDir);

  // largest-remainder allocation of N_CAFES in proportion to the shop counts
  const total = dongInfo.reduce((s, d) => s + d.shops, 0);
  for (const d of dongInfo) {
    d.quota = (N_CAFES * d.shops) / total;
    d.n = Math.floor(d.quota);
  }
  let left = N_CAFES - dongInfo.reduce((s, d) => s + d.n, 0);
  for (const d of [...dongInfo].sort((a, b) => b.quota - b.n - (a.quota - a.n) || (a.code < b.code ? -1 : 1))) {
    if (left-- <= 0) break;
    d.n++;
  }

  const segments = loadRoadSegments(dataDir);
  const nearRoad = (p) => segments.some(([a, b]) => segDist(p, a, b) <= MAX_ROAD_DISTANCE_M);

  const rand = rng(SEED);
  const cafes = [];
  let fallbacks = 0;
  for (const d of dongInfo) {
    const xs = d.rings.flat().map((p) => p[0]);
    const ys = d.rings.flat().map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (let k = 0; k < d.n; k++) {
      let p;
      let nearOk = false;
      for (let attempt = 0; attempt < 20000; attempt++) {
        const q = [Math.round(x0 + rand() * (x1 - x0)), Math.round(y0 + rand() * (y1 - y0))];
        if (!inside(q, d.rings)) continue;
        if (cafes.some((c) => Math.hypot(c.xy[0] - q[0], c.xy[1] - q[1]) < MIN_SPACING_M)) continue;
        if (!p) p = q; // first point inside the dong: the fallback
        if (nearRoad(q)) {
          p = q;
          nearOk = true;
          break;
        }
      }
      if (!p) throw new Error(`could not place a café in ${d.name}`);
      if (!nearOk) fallbacks++;
      const franchise = rand() < d.franchise / d.shops;
      const median = franchise ? CUPS_MEDIAN.franchise : CUPS_MEDIAN.independent;
      const cups = Math.min(CUPS_MAX, Math.max(CUPS_MIN, Math.round(median * Math.exp(CUPS_SIGMA * gaussian(rand)))));
      const kg = Math.max(1, Math.round(cups * WET_GROUNDS_KG_PER_CUP * PICKUP_EVERY_DAYS));
      cafes.push({ dong: d, xy: p, franchise, cups, kg, nearRoad: nearOk });
    }
  }

  // Depot: the TOPIS road node inside the district nearest to the demand-weighted centroid
  // of the cafés (a hypothetical consolidation hub on an arterial road).
  const boundaryRings = rings(boundary.geometry).map((r) => r.map(project));
  const totalKg = cafes.reduce((s, c) => s + c.kg, 0);
  const cx = cafes.reduce((s, c) => s + c.kg * c.xy[0], 0) / totalKg;
  const cy = cafes.reduce((s, c) => s + c.kg * c.xy[1], 0) / totalKg;
  const nh = nodesCsv[0].split(',');
  let depot;
  for (const line of nodesCsv.slice(1)) {
    const f = line.split(',');
    const ll = [Number(f[nh.indexOf('lon')]), Number(f[nh.indexOf('lat')])];
    const xy = project(ll).map(Math.round);
    if (!inside(xy, boundaryRings)) continue;
    const dist = Math.hypot(xy[0] - cx, xy[1] - cy);
    if (!depot || dist < depot.dist) depot = { id: f[nh.indexOf('node_id')], xy, dist };
  }

  const routesMin = Math.ceil(totalKg / CAPACITY_KG);
  const comment =
    `Synthetic: ${N_CAFES} cafe locations drawn per dong in proportion to Seoul's 2024 Q4 coffee-shop counts, ` +
    `within ${MAX_ROAD_DISTANCE_M} m of a TOPIS road link; demand = kg of wet spent coffee grounds per ${PICKUP_EVERY_DAYS}-day pickup; ` +
    `CAPACITY = assumed ${CAPACITY_KG} kg e-cargo bike payload; depot = TOPIS road node ${depot.id}; ` +
    `coordinates in metres, local equirectangular frame at ${LON0} E ${LAT0} N; ` +
    `made by scripts/make-seongdong-fixture.mjs (seed ${SEED}); see fixtures/README.md`;
  const lines = [
    'NAME : seongdong-small',
    `COMMENT : ${comment}`,
    'TYPE : CVRP',
    `DIMENSION : ${cafes.length + 1}`,
    'EDGE_WEIGHT_TYPE : EUC_2D',
    `CAPACITY : ${CAPACITY_KG}`,
    'NODE_COORD_SECTION',
    `1 ${depot.xy[0]} ${depot.xy[1]}`,
    ...cafes.map((c, i) => `${i + 2} ${c.xy[0]} ${c.xy[1]}`),
    'DEMAND_SECTION',
    '1 0',
    ...cafes.map((c, i) => `${i + 2} ${c.kg}`),
    'DEPOT_SECTION',
    '1',
    '-1',
    'EOF',
  ];
  writeFileSync(join(ROOT, 'fixtures', 'seongdong-small.vrp'), `${lines.join('\n')}\n`);

  const csv = ['node,kind,dong_code,dong,dong_eng,lon,lat,x_m,y_m,franchise,cups_per_day,demand_kg,near_road'];
  const ll = (xy) => unproject(xy).map((v) => v.toFixed(6));
  csv.push(`1,depot,,,,${ll(depot.xy).join(',')},${depot.xy.join(',')},,,0,`);
  cafes.forEach((c, i) => {
    csv.push(
      [i + 2, 'cafe', c.dong.code, c.dong.name, `"${c.dong.nameEng}"`, ...ll(c.xy), ...c.xy, c.franchise, c.cups, c.kg, c.nearRoad].join(','),
    );
  });
  writeFileSync(join(ROOT, 'fixtures', 'seongdong-small.nodes.csv'), `${csv.join('\n')}\n`);

  const perDong = dongInfo.filter((d) => d.n > 0).map((d) => `${d.nameEng} ${d.n}`).join(', ');
  console.log(`fixtures/seongdong-small.vrp: ${cafes.length} cafés (${perDong})`);
  console.log(`total ${totalKg} kg, capacity ${CAPACITY_KG} kg → at least ${routesMin} routes; depot = road node ${depot.id}; ${fallbacks} café(s) not within ${MAX_ROAD_DISTANCE_M} m of a road`);
}

main();
