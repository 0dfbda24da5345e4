import type { Bin } from '../model/Scenario.js';
import { normalDraw } from '../common/seededRandom.js';
import type { CollectionEvent, FillReading, SensorFault, TrueDailyFill } from './simulateReadings.js';
import { detExp } from '../common/detMath.js';

/** The sensor model shared by every bin of a simulation (rates as validated by the caller). */
export interface SensorModel {
  /** Standard deviation of a reading's noise, % points. */
  noise: number;
  dropout: number;
  spike: number;
  stuckShare: number;
  deadShare: number;
  /** Hour of the daily collection round (local). */
  collectionHour: number;
}

/** What one simulated hour of one bin produced. */
export interface HourOutcome {
  collection?: CollectionEvent;
  reading?: FillReading;
  /** Set at the last hour of a day. */
  truth?: TrueDailyFill;
}

/** One bin's ground-truth fill and sensor, stepped an hour at a time (see {@link createFillProcess}). */
export interface FillProcess {
  readonly bin: Bin;
  /** The injected sensor fault, if any. */
  readonly fault?: SensorFault;
  /** True fill now, kg. */
  kg(): number;
  /**
   * Advances hour `hour` (0-based from the start). At the collection hour, `collect(truePercent)`
   * decides whether the bin is emptied.
   */
  step(hour: number, collect: (truePercent: number) => boolean): HourOutcome;
}

/** Relative weight of each opening hour: busier mornings and early afternoons. */
function hourWeight(h: number): number {
  if (h >= 7 && h < 10) return 1.5;
  if (h >= 12 && h < 15) return 1.3;
  return 1;
}

/** Share of a day's grounds produced in each hour, from the bin's opening hours. */
function hourlyShares(bin: Bin): number[] {
  const w = new Array<number>(24).fill(0);
  for (let h = 0; h < 24; h++) {
    const mid = h * 3600 + 1800;
    if (bin.openingHours.some(([a, b]) => mid >= a && mid < b)) w[h] = hourWeight(h);
  }
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w.map((x) => x / total) : new Array<number>(24).fill(1 / 24);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Local Seoul time (UTC+9, no daylight saving) of day `d` after the start, hour `h`, minute `m`.
 * `startLocalMs` is the start date's local midnight read as if it were UTC, so the UTC fields
 * of the sum are the local clock.
 *
 * @example
 * ```ts
 * seoulTime(Date.UTC(2026, 10, 2), 1, 9, 5); // '2026-11-03T09:05:00+09:00'
 * ```
 */
export function seoulTime(startLocalMs: number, d: number, h: number, m: number): string {
  const t = new Date(startLocalMs + ((d * 24 + h) * 60 + m) * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00+09:00`;
}

/**
 * Creates one bin's ground-truth fill process and sensor: the bin fills with its expected
 * generation (day-of-week factor, opening hours, day-to-day lognormal noise), overflow is what
 * does not fit, and the sensor adds noise, loses readings, reports spikes, and may get stuck or
 * die from a random hour of the `hours`-long horizon. Draws from `rand` at creation (minute,
 * fault, initial fill) and at every step, so callers fix the draw order to stay deterministic.
 *
 * @example
 * ```ts
 * const p = createFillProcess(bin, seededRandom(1), model, Date.UTC(2026, 10, 2), 0, 7 * 24);
 * for (let h = 0; h < 24; h++) p.step(h, (pct) => pct >= 70);
 * ```
 */
export function createFillProcess(bin: Bin, rand: () => number, model: SensorModel, startLocalMs: number, weekday0: number, hours: number): FillProcess {
  const shares = hourlyShares(bin);
  const minute = Math.floor(rand() * 60);
  const f = bin.sensor ? rand() : 1;
  const faultKind = f < model.stuckShare ? 'stuck' : f < model.stuckShare + model.deadShare ? 'dead' : undefined;
  const faultAt = faultKind ? Math.floor(rand() * hours) : hours;
  const fault: SensorFault | undefined = faultKind ? { binId: bin.id, kind: faultKind, from: seoulTime(startLocalMs, 0, faultAt, minute) } : undefined;
  let kg = rand() * 0.5 * bin.capacityKg; // the state when the simulation starts
  let overflowKg = 0;
  let stuckValue = 0;
  let dayKg = 0;
  const step = (hour: number, collect: (truePercent: number) => boolean): HourOutcome => {
    const out: HourOutcome = {};
    const d = Math.floor(hour / 24);
    const h = hour % 24;
    if (h === 0) {
      const factor = bin.generation.dayFactors[(weekday0 + d) % 7];
      dayKg = bin.generation.kgPerDay * factor * detExp(0.2 * normalDraw(rand) - 0.02);
      overflowKg = 0;
    }
    if (h === model.collectionHour && collect((kg / bin.capacityKg) * 100)) {
      out.collection = { binId: bin.id, time: seoulTime(startLocalMs, d, h, 0), fillPercent: Math.round((kg / bin.capacityKg) * 1000) / 10 };
      kg = 0;
    }
    kg += dayKg * shares[h];
    if (kg > bin.capacityKg) {
      overflowKg += kg - bin.capacityKg;
      kg = bin.capacityKg;
    }
    if (h === 23) out.truth = { binId: bin.id, date: seoulTime(startLocalMs, d, 0, 0).slice(0, 10), fillPercent: Math.round((kg / bin.capacityKg) * 1000) / 10, overflowKg: Math.round(overflowKg * 10) / 10 };
    if (!bin.sensor) return out;
    // the reading at minute `minute` of the hour
    const lost = rand() < model.dropout;
    const spiked = rand() < model.spike;
    const z = normalDraw(rand);
    if (faultKind === 'dead' && hour >= faultAt) return out;
    let value: number;
    if (faultKind === 'stuck' && hour >= faultAt) value = stuckValue;
    else if (spiked) value = 100;
    else value = Math.min(100, Math.max(0, (kg / bin.capacityKg) * 100 + model.noise * z));
    value = Math.round(value * 10) / 10;
    if (!(faultKind === 'stuck' && hour >= faultAt)) stuckValue = value;
    if (!lost) out.reading = { binId: bin.id, time: seoulTime(startLocalMs, d, h, minute), fillPercent: value };
    return out;
  };
  return { bin, fault, kg: () => kg, step };
}
