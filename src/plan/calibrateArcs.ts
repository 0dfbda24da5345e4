import type { Scenario } from '../model/Scenario.js';
import type { MatrixProvider } from '../matrix/MatrixProvider.js';
import { geoPoints } from '../model/geoArcs.js';
import { scenarioPlaces, scenarioProfiles } from './scenarioToVroom.js';

/** Places whose matrices the calibration asks of the provider (a 250 × 250 table). */
export const CALIBRATION_PLACES = 250;

/** Pairs closer than this (metres, straight) are left out: their connectors dominate. */
const MIN_PAIR_M = 300;

/** Computed arcs of each profile, fitted to a provider's matrices on a sample of places. */
export interface ArcCalibration {
  /** Per profile: road distance ÷ straight distance (the median over the pairs), and the mean speed in km/h. */
  arcs: Record<string, { detour: number; speed: number }>;
  /** Pairs the fit used, per profile. */
  pairs: Record<string, number>;
  /** How travel is modelled, in words. */
  description: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Fits computed arcs (docs/format.md §3) to a matrix provider, for scenarios too large for full
 * matrices: asks the provider for the matrices of up to {@link CALIBRATION_PLACES} places spread
 * over the scenario (bins inside a dong when the scenario has them, where the road network is),
 * and takes per profile the median ratio of road distance to straight-line distance over the
 * pairs at least 300 m apart as the detour factor, and Σ distance ÷ Σ duration as the speed.
 *
 * @example
 * ```ts
 * const fit = await calibrateArcs(new RoadMatrixProvider({ map }), scenario);
 * fit.arcs.bike; // e.g. { detour: 1.44, speed: 14.1 }
 * ```
 */
export async function calibrateArcs(provider: MatrixProvider, scenario: Scenario): Promise<ArcCalibration> {
  const all = scenarioPlaces(scenario);
  const first = scenario.depots.length + scenario.hubs.length;
  const inside = scenario.bins.flatMap((b, k) => (b.dong ? [first + k] : []));
  const pool = inside.length >= 10 ? inside : all.map((_, i) => i);
  const step = Math.max(1, pool.length / CALIBRATION_PLACES);
  const chosen: number[] = [];
  for (let x = 0; Math.floor(x) < pool.length && chosen.length < CALIBRATION_PLACES; x += step) chosen.push(pool[Math.floor(x)]);
  const places = chosen.map((i) => all[i]);
  const profiles = scenarioProfiles(scenario);
  const set = await provider.matrices(places, profiles);
  const pts = geoPoints(places);
  const n = places.length;
  const arcs: ArcCalibration['arcs'] = {};
  const pairs: ArcCalibration['pairs'] = {};
  for (const { profile, speedKmh } of profiles) {
    const m = set.matrices[profile];
    const ratios: number[] = [];
    let metres = 0;
    let seconds = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = m.distances[i * n + j];
        const t = m.durations[i * n + j];
        if (i === j || d >= 2 ** 31 - 1 || t >= 2 ** 31 - 1) continue;
        const e = Math.hypot(pts[3 * i] - pts[3 * j], pts[3 * i + 1] - pts[3 * j + 1], pts[3 * i + 2] - pts[3 * j + 2]);
        if (e < MIN_PAIR_M) continue;
        ratios.push(d / e);
        metres += d;
        seconds += t;
      }
    }
    const fallbackSpeed = speedKmh ?? 25;
    const detour = ratios.length ? Math.min(10, Math.max(1, median(ratios))) : 1.3;
    const speed = seconds > 0 ? Math.min(200, Math.max(1, (3.6 * metres) / seconds)) : fallbackSpeed;
    arcs[profile] = { detour: Math.round(detour * 1000) / 1000, speed: Math.round(speed * 100) / 100 };
    pairs[profile] = ratios.length;
  }
  const fitted = Object.entries(arcs)
    .map(([p, a]) => `${p} ×${a.detour} at ${a.speed} km/h`)
    .join(', ');
  return {
    arcs,
    pairs,
    description: `computed arcs (straight lines × a detour factor, fitted on ${n} places of the ${provider.name} matrices: ${fitted}; legs drawn straight)`,
  };
}
