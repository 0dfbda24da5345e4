import type { Scenario } from '../model/Scenario.js';
import type { VroomInput, VroomOutput } from '../vroom/types.js';
import type { BinSelection } from '../select/selectBins.js';

/**
 * Tailpipe CO2 per km by vehicle profile, kg (an assumption: about 0.2 kg/km for a 1-t diesel
 * truck in city traffic; e-cargo bikes emit none at the tailpipe). A profile not listed emits 0.
 */
export const DEFAULT_CO2_KG_PER_KM: Readonly<Record<string, number>> = Object.freeze({ truck: 0.2, bike: 0 });

/** A day plan's key figures (issue #15): CO2 is given next to km, never instead of it. */
export interface PlanKpis {
  km: number;
  drivingHours: number;
  pickups: number;
  kgCollected: number;
  /** Mean fill at pickup of the routed bins, % of volume (the forecast's with a selection, else the planned amount's). */
  meanFillAtPickup: number;
  /** Σ P(overflow before tomorrow's pickup) over the bins not collected today (with a selection; else undefined). */
  expectedOverflowsLeft?: number;
  co2Kg: number;
}

/**
 * The key figures of a day plan from its problem and VROOM output (job id k + 1 = bin k).
 *
 * @example
 * ```ts
 * const k = planKpis(scenario, plan.vroom, plan.output, selection);
 * `${k.km.toFixed(1)} km (${k.co2Kg.toFixed(1)} kg CO2)`;
 * ```
 */
export function planKpis(
  scenario: Scenario,
  vroom: VroomInput,
  output: VroomOutput,
  selection?: readonly BinSelection[],
  co2KgPerKm: Readonly<Record<string, number>> = DEFAULT_CO2_KG_PER_KM,
): PlanKpis {
  const jobs = new Map((vroom.jobs ?? []).map((j) => [j.id, j]));
  let km = 0;
  let co2Kg = 0;
  let pickups = 0;
  let fillSum = 0;
  const served = new Set<number>();
  for (const route of output.routes) {
    const routeKm = route.distance / 1000;
    km += routeKm;
    co2Kg += routeKm * (co2KgPerKm[scenario.fleet[route.vehicle - 1]?.profile ?? ''] ?? 0);
    for (const step of route.steps) {
      if (step.type !== 'job' || step.id === undefined) continue;
      const k = step.id - 1;
      served.add(k);
      pickups++;
      fillSum += selection ? selection[k].fill : (100 * (jobs.get(step.id)?.pickup?.[1] ?? 0)) / Math.max(1, scenario.bins[k].capacityLitres);
    }
  }
  const expectedOverflowsLeft = selection ? selection.reduce((a, c, k) => a + (served.has(k) ? 0 : c.risk), 0) : undefined;
  return {
    km,
    drivingHours: output.summary.duration / 3600,
    pickups,
    kgCollected: output.summary.pickup?.[0] ?? 0,
    meanFillAtPickup: pickups ? fillSum / pickups : 0,
    ...(expectedOverflowsLeft !== undefined ? { expectedOverflowsLeft } : {}),
    co2Kg,
  };
}
