import type { Bin } from '../model/Scenario.js';
import { InputError } from '../errors.js';
import { normalDraw, seededRandom } from '../common/seededRandom.js';

/** One fill reading from a bin's sensor. */
export interface FillReading {
  binId: string;
  /** Local time (Asia/Seoul) as ISO 8601 with its offset, e.g. `2026-11-02T09:17:00+09:00`. */
  time: string;
  /** Reported fill level, 0–100 % of the bin's volume (one decimal). */
  fillPercent: number;
}

/** A bin emptied by the simulated collection round (the reset the forecaster must detect). */
export interface CollectionEvent {
  binId: string;
  time: string;
  /** True fill just before emptying, % (at most 100: what did not fit is overflow). */
  fillPercent: number;
}

/** A sensor fault the simulator injected, for evaluating the cleaning step. */
export interface SensorFault {
  binId: string;
  kind: 'stuck' | 'dead';
  /** When the fault starts. */
  from: string;
}

/** The true fill of a bin at the end of each day, for evaluating forecasts. */
export interface TrueDailyFill {
  binId: string;
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** True fill at the end of the day, % (at most 100). */
  fillPercent: number;
  /** Kg that did not fit in the bin that day. */
  overflowKg: number;
}

/** Options of {@link simulateReadings}. */
export interface SimulationOptions {
  /** First local date, `YYYY-MM-DD`. */
  start: string;
  /** Number of days (1 … 366). */
  days: number;
  seed?: number;
  /** Standard deviation of a reading's noise, in % points. Default 3. */
  noisePercent?: number;
  /** Share of readings lost (no row). Default 0.05. */
  dropoutRate?: number;
  /** Share of readings replaced by a spurious spike. Default 0.005. */
  spikeRate?: number;
  /** Share of sensors that get stuck at some point (repeat their last value). Default 0.03. */
  stuckShare?: number;
  /** Share of sensors that die at some point (stop reporting). Default 0.02. */
  deadShare?: number;
  /** The collection round empties bins at or above this true fill, %. Default 70. */
  collectAtPercent?: number;
  /** Hour of the daily collection round (local). Default 10. */
  collectionHour?: number;
}

/** What {@link simulateReadings} produces. */
export interface Simulation {
  readings: FillReading[];
  collections: CollectionEvent[];
  faults: SensorFault[];
  truth: TrueDailyFill[];
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
 */
function seoulTime(startLocalMs: number, d: number, h: number, m: number): string {
  const t = new Date(startLocalMs + ((d * 24 + h) * 60 + m) * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00+09:00`;
}

/**
 * Simulates hourly fill readings of the bins' sensors over `days` days from a ground-truth fill
 * process: each bin fills with its expected generation (day-of-week factor, opening hours,
 * day-to-day noise), a daily collection round empties the bins at or above a threshold (the
 * reset), and the sensors add noise, lose readings, report spikes, and some get stuck or die.
 * Bins without a sensor report nothing (they still fill and are collected). Deterministic for a
 * seed. The forecasting step consumes `readings`; `collections`, `faults` and `truth` are for
 * evaluation. File formats: `writeReadingsCsv` and friends, `docs/format.md` ("Sensor readings").
 *
 * @example
 * ```ts
 * const sim = simulateReadings(scenario.bins, { start: '2026-11-01', days: 28, seed: 1 });
 * sim.readings[0]; // { binId: 'SD-0001', time: '2026-11-01T00:23:00+09:00', fillPercent: 31.4 }
 * ```
 */
export function simulateReadings(bins: readonly Bin[], options: SimulationOptions): Simulation {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.start ?? '');
  if (!m) throw new InputError(`start: expected a date YYYY-MM-DD, got ${String(options.start)}`, undefined, 'start');
  const startUtcMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // local midnight, as UTC fields
  if (Number.isNaN(startUtcMs) || seoulTime(startUtcMs, 0, 0, 0).slice(0, 10) !== options.start) {
    throw new InputError(`start: ${options.start} is not a calendar date`, undefined, 'start');
  }
  const days = options.days;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new InputError(`days: expected an integer from 1 to 366, got ${String(days)}`, undefined, 'days');
  const rate = (name: keyof SimulationOptions, fallback: number, max = 1): number => {
    const v = options[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) throw new InputError(`${name}: expected a number from 0 to ${max}, got ${String(v)}`, undefined, name);
    return v;
  };
  const noise = rate('noisePercent', 3, 50);
  const dropout = rate('dropoutRate', 0.05);
  const spike = rate('spikeRate', 0.005);
  const stuckShare = rate('stuckShare', 0.03);
  const deadShare = rate('deadShare', 0.02);
  const collectAt = rate('collectAtPercent', 70, 1000);
  const collectionHour = rate('collectionHour', 10, 23);
  const rand = seededRandom(options.seed ?? 1);
  // weekday of the start date (0 = Monday)
  const weekday0 = (new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay() + 6) % 7;

  const out: Simulation = { readings: [], collections: [], faults: [], truth: [] };
  for (const bin of bins) {
    const shares = hourlyShares(bin);
    const hours = days * 24;
    const minute = Math.floor(rand() * 60);
    // faults: a stuck or dead sensor from a random hour on
    const fault = bin.sensor ? rand() : 1;
    const faultKind = fault < stuckShare ? 'stuck' : fault < stuckShare + deadShare ? 'dead' : undefined;
    const faultAt = faultKind ? Math.floor(rand() * hours) : hours;
    if (faultKind) out.faults.push({ binId: bin.id, kind: faultKind, from: seoulTime(startUtcMs, 0, faultAt, minute) });
    let kg = rand() * 0.5 * bin.capacityKg; // the state when the simulation starts
    let overflowKg = 0;
    let stuckValue = 0;
    let dayKg = 0;
    for (let hour = 0; hour < hours; hour++) {
      const d = Math.floor(hour / 24);
      const h = hour % 24;
      if (h === 0) {
        const factor = bin.generation.dayFactors[(weekday0 + d) % 7];
        dayKg = bin.generation.kgPerDay * factor * Math.exp(0.2 * normalDraw(rand) - 0.02);
        overflowKg = 0;
      }
      if (h === collectionHour && (kg / bin.capacityKg) * 100 >= collectAt) {
        out.collections.push({ binId: bin.id, time: seoulTime(startUtcMs, d, h, 0), fillPercent: Math.round((kg / bin.capacityKg) * 1000) / 10 });
        kg = 0;
      }
      kg += dayKg * shares[h];
      if (kg > bin.capacityKg) {
        overflowKg += kg - bin.capacityKg;
        kg = bin.capacityKg;
      }
      if (h === 23) out.truth.push({ binId: bin.id, date: seoulTime(startUtcMs, d, 0, 0).slice(0, 10), fillPercent: Math.round((kg / bin.capacityKg) * 1000) / 10, overflowKg: Math.round(overflowKg * 10) / 10 });
      if (!bin.sensor) continue;
      // the reading at minute `minute` of the hour
      const lost = rand() < dropout;
      const spiked = rand() < spike;
      const z = normalDraw(rand);
      if (faultKind === 'dead' && hour >= faultAt) continue;
      let value: number;
      if (faultKind === 'stuck' && hour >= faultAt) value = stuckValue;
      else if (spiked) value = 100;
      else value = Math.min(100, Math.max(0, (kg / bin.capacityKg) * 100 + noise * z));
      value = Math.round(value * 10) / 10;
      if (!(faultKind === 'stuck' && hour >= faultAt)) stuckValue = value;
      if (lost) continue;
      out.readings.push({ binId: bin.id, time: seoulTime(startUtcMs, d, h, minute), fillPercent: value });
    }
  }
  return out;
}
