// The matrix suite: how long each matrix provider takes to build one profile's matrices for the
// Seongdong scenarios (median of several builds), their size, the places that connect to the
// road by a connector longer than 150 m, and how much longer than the straight line the
// distances are. Offline providers only (road graph, haversine): OSRM needs a server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { scenarioPlaces, scenarioProfiles } from '../src/plan/scenarioToVroom.js';
import type { MatrixProvider, MatrixSet } from '../src/matrix/MatrixProvider.js';
import { RoadMatrixProvider } from '../src/matrix/RoadMatrixProvider.js';
import { HaversineMatrixProvider } from '../src/matrix/HaversineMatrixProvider.js';
import { haversineDistance } from '../src/vroom/haversineDistance.js';
import { NO_LIMIT } from '../src/core/coreInput.js';
import { fixed, formatTable } from './formatTable.js';
import type { MachineInfo } from './machineInfo.js';
/** The scenarios of the suite: those with full matrices (seoul-10k plans on computed arcs). */
const SEONGDONG_SCENARIOS = ['seongdong-200', 'seongdong-846'] as const;

/** Target of issue #13: the 846-bin scenario's matrices (one profile) in at most this many seconds. */
export const MATRIX_TARGET_S = 2;
/** Pairs closer than this (metres, straight line) are left out of the median ratio: their connectors dominate. */
const RATIO_MIN_STRAIGHT_M = 200;

/** One provider, scenario and profile of the suite. */
export interface MatrixRun {
  scenario: string;
  provider: string;
  profile: string;
  speedKmh: number;
  places: number;
  /** places². */
  cells: number;
  /** Builds timed. */
  builds: number;
  /** Seconds per build: median, fastest, slowest. */
  medianS: number;
  minS: number;
  maxS: number;
  /** Places connecting farther than 150 m from a usable road (`null`: the provider has no connectors). */
  farConnectors: number | null;
  /** Pairs without a path. */
  unreachable: number;
  /** Σ distance ÷ Σ straight-line distance over the reachable pairs. */
  distanceRatio: number;
  /** Median of distance ÷ straight line over the pairs at least 200 m apart. */
  medianRatio: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Road or straight-line distance against the straight line, over every pair of places. */
function ratios(places: readonly [number, number][], distances: Int32Array) {
  const n = places.length;
  let road = 0;
  let straight = 0;
  let unreachable = 0;
  const each: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = distances[i * n + j];
      if (d >= NO_LIMIT) {
        unreachable++;
        continue;
      }
      const s = haversineDistance(places[i], places[j]);
      road += d;
      straight += s;
      if (s >= RATIO_MIN_STRAIGHT_M) each.push(d / s);
    }
  }
  return { distanceRatio: road / straight, medianRatio: median(each), unreachable };
}

/**
 * Builds every profile's matrices of each Seongdong scenario `builds` times per provider (road
 * graph, haversine), one profile per build, and returns the runs.
 *
 * @example
 * ```ts
 * const runs = await runMatrixBench(packageRoot, { builds: 5 });
 * runs.find((r) => r.scenario === 'seongdong-846' && r.provider === 'road')?.medianS; // ≤ 2
 * ```
 */
export async function runMatrixBench(packageRoot: string, config: { builds: number; only?: string[] }, onRun?: (r: MatrixRun) => void): Promise<MatrixRun[]> {
  const dir = join(packageRoot, 'fixtures', 'seongdong');
  for (const name of config.only ?? []) {
    if (!(SEONGDONG_SCENARIOS as readonly string[]).includes(name)) throw new InputError(`--instances: "${name}" is not a scenario of the matrix suite (${SEONGDONG_SCENARIOS.join(', ')})`, { code: 'E6004', field: 'instances' });
  }
  const map = JSON.parse(readFileSync(join(dir, 'map.geojson'), 'utf8'));
  const providers: MatrixProvider[] = [new RoadMatrixProvider({ map }), new HaversineMatrixProvider()];
  const runs: MatrixRun[] = [];
  for (const name of SEONGDONG_SCENARIOS) {
    if (config.only && !config.only.includes(name)) continue;
    const scenario = parseScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    const places = scenarioPlaces(scenario);
    for (const provider of providers) {
      for (const spec of scenarioProfiles(scenario)) {
        const seconds: number[] = [];
        let set: MatrixSet | undefined;
        for (let b = 0; b < config.builds; b++) {
          const t0 = performance.now();
          set = await provider.matrices(places, [spec]);
          seconds.push((performance.now() - t0) / 1000);
        }
        const m = set!.matrices[spec.profile];
        const run: MatrixRun = {
          scenario: name,
          provider: provider.name,
          profile: spec.profile,
          speedKmh: spec.speedKmh!,
          places: places.length,
          cells: places.length ** 2,
          builds: config.builds,
          medianS: median(seconds),
          minS: Math.min(...seconds),
          maxS: Math.max(...seconds),
          farConnectors: set!.farConnectors?.[spec.profile] ?? null,
          ...ratios(places, m.distances),
        };
        runs.push(run);
        onRun?.(run);
      }
    }
  }
  return runs;
}

/**
 * The runs as a table, and whether the 846-bin road matrices met the target.
 *
 * @example
 * ```ts
 * console.log(formatMatrixTable(runs));
 * ```
 */
export function formatMatrixTable(runs: MatrixRun[]): string {
  const table = formatTable([
    ['scenario', 'provider', 'profile', 'places', 'cells', 'median s', 'min s', 'max s', 'far >150 m', 'unreachable', 'dist/straight', 'median ratio'],
    ...runs.map((r) => [
      r.scenario,
      r.provider,
      r.profile,
      String(r.places),
      String(r.cells),
      fixed(r.medianS, 3),
      fixed(r.minS, 3),
      fixed(r.maxS, 3),
      r.farConnectors === null ? '-' : String(r.farConnectors),
      String(r.unreachable),
      fixed(r.distanceRatio, 2),
      fixed(r.medianRatio, 2),
    ]),
  ]);
  const target = runs.filter((r) => r.scenario === 'seongdong-846' && r.provider === 'road');
  const verdict = target.length
    ? `\nseongdong-846 road matrices: ${target.map((r) => `${r.profile} ${fixed(r.medianS, 2)} s`).join(', ')} per profile (median; target ≤ ${MATRIX_TARGET_S} s): ${target.every((r) => r.medianS <= MATRIX_TARGET_S) ? 'met' : 'NOT met'}`
    : '';
  return `${table}${verdict}\n`;
}

/**
 * The JSON report of the suite (`format: binroute-bench-matrix/1`).
 *
 * @example
 * ```ts
 * writeFileSync(file, JSON.stringify(matrixReport(runs, machineInfo(root), 5)));
 * ```
 */
export function matrixReport(runs: MatrixRun[], machine: MachineInfo, builds: number) {
  return { format: 'binroute-bench-matrix/1', suite: 'matrix', builds, targetS: MATRIX_TARGET_S, ratioMinStraightM: RATIO_MIN_STRAIGHT_M, machine, runs };
}
