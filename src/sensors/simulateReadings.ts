import type { Bin } from '../model/Scenario.js';
import { InputError } from '../errors.js';
import { seededRandom } from '../common/seededRandom.js';
import { createFillProcess, seoulTime, type SensorModel } from './fillProcess.js';

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

/** The validated start, horizon and sensor model of a simulation. */
export interface SimulationSetup {
  /** The start date's local midnight, read as if it were UTC. */
  startLocalMs: number;
  /** Weekday of the start date (0 = Monday). */
  weekday0: number;
  days: number;
  model: SensorModel;
  collectAt: number;
}

/**
 * Validates the options shared by the simulators (throws `InputError` naming the option).
 *
 * @example
 * ```ts
 * parseSimulationSetup({ start: '2026-11-02', days: 7 }).weekday0; // 0 (a Monday)
 * ```
 */
export function parseSimulationSetup(options: SimulationOptions): SimulationSetup {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.start ?? '');
  if (!m) throw new InputError(`start: expected a date YYYY-MM-DD, got ${String(options.start)}`, { code: 'E6002', field: 'start' });
  const startLocalMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // local midnight, as UTC fields
  if (Number.isNaN(startLocalMs) || seoulTime(startLocalMs, 0, 0, 0).slice(0, 10) !== options.start) {
    throw new InputError(`start: ${options.start} is not a calendar date`, { code: 'E6002', field: 'start' });
  }
  const days = options.days;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new InputError(`days: expected an integer from 1 to 366, got ${String(days)}`, { code: 'E6004', field: 'days' });
  const rate = (name: keyof SimulationOptions, fallback: number, max = 1): number => {
    const v = options[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) throw new InputError(`${name}: expected a number from 0 to ${max}, got ${String(v)}`, { code: 'E6004', field: name });
    return v;
  };
  const model: SensorModel = {
    noise: rate('noisePercent', 3, 50),
    dropout: rate('dropoutRate', 0.05),
    spike: rate('spikeRate', 0.005),
    stuckShare: rate('stuckShare', 0.03),
    deadShare: rate('deadShare', 0.02),
    collectionHour: rate('collectionHour', 10, 23),
  };
  const collectAt = rate('collectAtPercent', 70, 1000);
  const weekday0 = (new Date(startLocalMs).getUTCDay() + 6) % 7;
  return { startLocalMs, weekday0, days, model, collectAt };
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
  const setup = parseSimulationSetup(options);
  const rand = seededRandom(options.seed ?? 1);
  const hours = setup.days * 24;
  const collect = (pct: number) => pct >= setup.collectAt;
  const out: Simulation = { readings: [], collections: [], faults: [], truth: [] };
  for (const bin of bins) {
    const p = createFillProcess(bin, rand, setup.model, setup.startLocalMs, setup.weekday0, hours);
    if (p.fault) out.faults.push(p.fault);
    for (let hour = 0; hour < hours; hour++) {
      const o = p.step(hour, collect);
      if (o.collection) out.collections.push(o.collection);
      if (o.truth) out.truth.push(o.truth);
      if (o.reading) out.readings.push(o.reading);
    }
  }
  return out;
}
