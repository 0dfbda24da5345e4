#!/usr/bin/env node
// Builds the Seongdong collection scenarios in fixtures/seongdong/ (format binroute-scenario/1,
// see src/model/Scenario.ts): seongdong-200 (today's programme), seongdong-846 (every café of the
// 2024 Q4 count) and seoul-10k (10,000 bins over a larger synthetic area, for scaling).
//
//   npm run build && node scripts/make-seongdong-scenarios.mjs [--data <shared/data dir>] [--out <dir>]
//
// Inputs are real public data (../shared/data, see its README): dong polygons and inner points,
// the district boundary, the 2024 Q4 coffee-shop counts per dong (and franchise counts), the
// TOPIS road links. Café locations, names, bins and volumes are SYNTHETIC, drawn with fixed
// seeds so that re-running reproduces the files byte for byte. Assumptions and sources:
// fixtures/seongdong/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, findDataDir, rng, gaussian, project, unproject, rings, inside, segDist, loadDongs, loadRoadSegments } from './lib/seongdong.mjs';

// ---- parameters (documented in fixtures/seongdong/README.md) ----
const SEED = 20244;
const DENSITY_KG_PER_L = 0.6; // wet spent grounds, assumption
const WET_GROUNDS_KG_PER_CUP = 0.036; // as fixtures/seongdong-small (Herald Economy figure)
const CUPS_MEDIAN = { independent: 120, franchise: 250 };
const CUPS_SIGMA = 0.4;
const CUPS_MIN = 30;
const CUPS_MAX = 600;
const SENSOR_SHARE = 0.8;
const MAX_ROAD_DISTANCE_M = 50;
const MIN_SPACING_M = 25;
// Monday … Sunday: Seongsu's cafés are busier at weekends (assumption; mean 1)
const DAY_FACTORS = [0.92, 0.9, 0.92, 0.95, 1.03, 1.18, 1.1];
const HOUR = 3600;
const TEN_K_BBOX = [126.955, 37.5, 127.125, 37.605]; // the larger synthetic area for seoul-10k

function fixed(x, digits) {
  return Number(x.toFixed(digits));
}

function loadData(dataDir) {
  const boundary = JSON.parse(readFileSync(join(dataDir, 'seongdong-boundary.geojson'), 'utf8')).features[0];
  return { dongInfo: loadDongs(dataDir), boundaryRings: rings(boundary.geometry).map((r) => r.map(project)), segments: loadRoadSegments(dataDir) };
}

/** Largest-remainder allocation of n in proportion to each dong's shop count. */
function allocate(dongInfo, n) {
  const total = dongInfo.reduce((s, d) => s + d.shops, 0);
  const quota = dongInfo.map((d) => (n * d.shops) / total);
  const out = quota.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = dongInfo.map((_, i) => i).sort((a, b) => quota[b] - out[b] - (quota[a] - out[a]) || a - b);
  for (const i of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** A spatial hash of placed points, for the minimum spacing. */
function spacingGrid() {
  const cells = new Map();
  const key = (x, y) => `${Math.floor(x / MIN_SPACING_M)},${Math.floor(y / MIN_SPACING_M)}`;
  return {
    free([x, y]) {
      const cx = Math.floor(x / MIN_SPACING_M);
      const cy = Math.floor(y / MIN_SPACING_M);
      for (let i = -1; i <= 1; i++) {
        for (let j = -1; j <= 1; j++) {
          for (const q of cells.get(`${cx + i},${cy + j}`) ?? []) if (Math.hypot(q[0] - x, q[1] - y) < MIN_SPACING_M) return false;
        }
      }
      return true;
    },
    add(p) {
      const k = key(p[0], p[1]);
      if (!cells.has(k)) cells.set(k, []);
      cells.get(k).push(p);
    },
  };
}

/** A café bin with synthetic attributes. */
function makeBin(rand, id, dong, xy, franchiseShare) {
  const franchise = rand() < franchiseShare;
  const median = franchise ? CUPS_MEDIAN.franchise : CUPS_MEDIAN.independent;
  const cups = Math.min(CUPS_MAX, Math.max(CUPS_MIN, Math.round(median * Math.exp(CUPS_SIGMA * gaussian(rand)))));
  const kgPerDay = fixed(cups * WET_GROUNDS_KG_PER_CUP, 2);
  // bin size: about two days of grounds, in the sizes sold (60, 120, 240 L)
  const litresNeeded = (2 * kgPerDay) / DENSITY_KG_PER_L;
  const capacityLitres = litresNeeded <= 60 ? 60 : litresNeeded <= 120 ? 120 : 240;
  const open = franchise ? 7 * HOUR + Math.round(rand() * 2) * 1800 : 9 * HOUR + Math.round(rand() * 4) * 1800;
  const close = franchise ? 22 * HOUR : 19 * HOUR + Math.round(rand() * 6) * 1800;
  const ll = unproject(xy);
  return {
    id,
    name: `${franchise ? '체인' : '카페'} ${dong ? dong.name : '서울'} ${id.slice(3)}`,
    dong: dong ? dong.name : null,
    dongCode: dong ? dong.code : null,
    location: [fixed(ll[0], 6), fixed(ll[1], 6)],
    capacityLitres,
    capacityKg: Math.round(capacityLitres * DENSITY_KG_PER_L),
    openingHours: [[open, close]],
    serviceSeconds: 60 + Math.round(rand() * 4) * 30,
    generation: { kgPerDay, dayFactors: DAY_FACTORS },
    sensor: rand() < SENSOR_SHARE,
    franchise,
  };
}

/** Bins per dong in proportion to the shop counts, near roads where possible. */
function seongdongBins(data, n, seed) {
  const rand = rng(seed);
  const counts = allocate(data.dongInfo, n);
  const grid = spacingGrid();
  const nearRoad = (p) => data.segments.some(([a, b]) => segDist(p, a, b) <= MAX_ROAD_DISTANCE_M);
  const bins = [];
  let fallbacks = 0;
  data.dongInfo.forEach((d, di) => {
    const [x0, x1, y0, y1] = d.box;
    for (let k = 0; k < counts[di]; k++) {
      let p;
      let near = false;
      for (let attempt = 0; attempt < 4000; attempt++) {
        const q = [Math.round(x0 + rand() * (x1 - x0)), Math.round(y0 + rand() * (y1 - y0))];
        if (!inside(q, d.rings) || !grid.free(q)) continue;
        if (!p) p = q;
        if (nearRoad(q)) {
          p = q;
          near = true;
          break;
        }
      }
      if (!p) throw new Error(`could not place a café in ${d.name}`);
      if (!near) fallbacks++;
      grid.add(p);
      bins.push(makeBin(rand, `SD-${String(bins.length + 1).padStart(4, '0')}`, d, p, d.franchise / d.shops));
    }
  });
  return { bins, fallbacks, grid };
}

/** seoul-10k: the 846 Seongdong bins plus synthetic bins over a larger area around the district. */
function tenKBins(data, seed) {
  const base = seongdongBins(data, 846, seed);
  const rand = rng(seed + 1);
  const [lo0, la0, lo1, la1] = TEN_K_BBOX;
  // 20 m inside the box, so that rounding to whole metres keeps every point in it
  const [x0, y0] = project([lo0, la0]).map((v) => v + 20);
  const [x1, y1] = project([lo1, la1]).map((v) => v - 20);
  const bins = base.bins;
  while (bins.length < 10_000) {
    const q = [Math.round(x0 + rand() * (x1 - x0)), Math.round(y0 + rand() * (y1 - y0))];
    if (inside(q, data.boundaryRings) || !base.grid.free(q)) continue; // the district keeps its own count
    base.grid.add(q);
    bins.push(makeBin(rand, `SX-${String(bins.length + 1).padStart(5, '0')}`, null, q, 0.25));
  }
  return { bins, fallbacks: base.fallbacks };
}

function dongByName(data, name) {
  const d = data.dongInfo.find((x) => x.name === name);
  if (!d) throw new Error(`no dong ${name}`);
  return d;
}

/** Candidate hubs at dong inner points (guaranteed inside their dong). */
function hubs(data) {
  const at = (id, dongName, label) => {
    const d = dongByName(data, dongName);
    return { id, name: `${label} 중간집하거점 (candidate)`, dong: d.name, location: d.inner, unloadSeconds: 600, openingHours: [[7 * HOUR, 19 * HOUR]] };
  };
  return [at('hub-seongsu', '성수2가3동', '성수'), at('hub-wangsimni', '왕십리도선동', '왕십리'), at('hub-yongdap', '용답동', '용답')];
}

function fleet(bikes, trucks, hubIds) {
  const lunch = { window: [11.5 * HOUR, 13.5 * HOUR], seconds: HOUR };
  const out = [];
  for (let i = 1; i <= bikes; i++) {
    out.push({ id: `bike-${i}`, type: 'e-cargo-bike', profile: 'bike', depot: 'depot-1', capacityKg: 200, capacityLitres: 600, speedKmh: 15, shift: [8 * HOUR, 17 * HOUR], lunchBreak: lunch, costs: { fixed: 0, perHour: 3600, perKm: 0 }, hubs: hubIds });
  }
  for (let i = 1; i <= trucks; i++) {
    out.push({ id: `truck-${i}`, type: 'truck-1t', profile: 'truck', depot: 'depot-1', capacityKg: 1000, capacityLitres: 3000, speedKmh: 25, shift: [7 * HOUR, 16 * HOUR], lunchBreak: lunch, costs: { fixed: 1800, perHour: 3600, perKm: 0 }, hubs: hubIds });
  }
  return out;
}

const SOURCES = [
  'Dong boundaries: KOSTAT census boundary 2013 via southkorea/seoul-maps (Apache-2.0), re-projected; inner points: vuski/admdongkor (ver20180301)',
  'District boundary: JUSO 2015 via southkorea/seoul-maps (Apache-2.0)',
  '2024 Q4 coffee/beverage shop counts per dong: 서울시 상권분석서비스 (Seoul Open Data, KOGL Type 1)',
  'Road links: 서울특별시 교통정보센터 (TOPIS) service links (KOGL Type 1)',
];

function scenario(name, bins, hubList, fleetList, bbox, depot) {
  return {
    format: 'binroute-scenario/1',
    name,
    synthetic:
      'Café locations, names, bins, opening hours and volumes are synthetic (no public point data of Seongdong cafés exists); ' +
      'counts per dong follow the real 2024 Q4 shop counts. The depot, hubs and fleet are assumptions. See fixtures/seongdong/README.md.',
    sources: SOURCES,
    bbox,
    densityKgPerLitre: DENSITY_KG_PER_L,
    depots: [depot],
    hubs: hubList,
    fleet: fleetList,
    bins,
  };
}

/** JSON with one bin per line, so that diffs stay readable. */
function write(file, sc) {
  const { bins, ...rest } = sc;
  const head = JSON.stringify({ ...rest, bins: [] }, null, 2);
  const text = head.replace('"bins": []', `"bins": [\n${bins.map((b) => `    ${JSON.stringify(b)}`).join(',\n')}\n  ]`);
  writeFileSync(file, `${text}\n`);
  return text.length;
}

/**
 * Map layers (the offline report's background, and the road network of `plan`): the boundary,
 * the dongs, the TOPIS road links (directed: geometry in driving order, with from/to node ids,
 * length and class) and their snapped nodes; coordinates to 1e-5°.
 */
function writeMap(dataDir, file) {
  const read = (f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8')).features;
  const round = (c) => (typeof c[0] === 'number' ? [fixed(c[0], 5), fixed(c[1], 5)] : c.map(round));
  const geom = (g) => ({ type: g.type, coordinates: round(g.coordinates) });
  const features = [
    ...read('seongdong-boundary.geojson').map((f) => ({ type: 'Feature', properties: { kind: 'boundary', name: f.properties.name }, geometry: geom(f.geometry) })),
    ...read('seongdong-dongs.geojson').map((f) => ({ type: 'Feature', properties: { kind: 'dong', name: f.properties.name, code: f.properties.adm_cd2.slice(0, 8) }, geometry: geom(f.geometry) })),
    ...read('seongdong-roads.geojson').map((f) => ({
      type: 'Feature',
      properties: { kind: 'road', name: f.properties.road_name, roadType: f.properties.road_type, from: f.properties.from_node, to: f.properties.to_node, lengthM: f.properties.length_m },
      geometry: geom(f.geometry),
    })),
    ...readFileSync(join(dataDir, 'seongdong-road-nodes.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => {
      const [id, lon, lat] = line.split(',');
      return { type: 'Feature', properties: { kind: 'road-node', id: Number(id) }, geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] } };
    }),
  ];
  const attribution = 'Boundary: JUSO 2015 via southkorea/seoul-maps (Apache-2.0); dongs: KOSTAT 2013 census boundary via southkorea/seoul-maps, re-projected; roads: 서울특별시 교통정보센터 (TOPIS) service links, KOGL Type 1';
  writeFileSync(file, `${JSON.stringify({ type: 'FeatureCollection', attribution, features })}\n`);
}

function main() {
  const dataDir = findDataDir();
  const data = loadData(dataDir);
  const o = process.argv.indexOf('--out');
  const outDir = o >= 0 ? process.argv[o + 1] : join(ROOT, 'fixtures', 'seongdong');
  mkdirSync(outDir, { recursive: true });
  // the depot of fixtures/seongdong-small: TOPIS road node 168 between Seoul Forest and Seongsu
  const depot = { id: 'depot-1', name: 'Seongdong consolidation depot (hypothetical; TOPIS road node 168)', location: [127.045889, 37.552374] };
  const hubList = hubs(data);
  const hubIds = hubList.map((h) => h.id);
  const districtBox = [127.0082, 37.5283, 127.0738, 37.573];
  const runs = [
    ['seongdong-200', seongdongBins(data, 200, SEED), fleet(3, 1, hubIds), districtBox],
    ['seongdong-846', seongdongBins(data, 846, SEED), fleet(5, 5, hubIds), districtBox],
    ['seoul-10k', tenKBins(data, SEED), fleet(70, 50, hubIds), TEN_K_BBOX],
  ];
  writeMap(dataDir, join(outDir, 'map.geojson'));
  // TOPIS hourly mean speeds (km/h) by road and day type, unchanged (KOGL Type 1, attribution: TOPIS)
  const speeds = JSON.parse(readFileSync(join(dataDir, 'seongsu-hourly-speeds.json'), 'utf8'));
  writeFileSync(join(outDir, 'speeds.json'), `${JSON.stringify({ attribution: '서울특별시 교통정보센터 (TOPIS) 도로별 일자별 통행속도, via ericpapa80/Mobility-Seongsu; KOGL Type 1', ...speeds })}\n`);
  for (const [name, { bins, fallbacks }, fl, bbox] of runs) {
    const size = write(join(outDir, `${name}.json`), scenario(name, bins, hubList, fl, bbox, depot));
    const kg = bins.reduce((s, b) => s + b.generation.kgPerDay, 0);
    console.log(`fixtures/seongdong/${name}.json: ${bins.length} bins, ${kg.toFixed(0)} kg/day, ${fl.length} vehicles, ${fallbacks} bins not within ${MAX_ROAD_DISTANCE_M} m of a road, ${(size / 1e6).toFixed(2)} MB`);
  }
}

main();
