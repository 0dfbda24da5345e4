import type { Bin } from '../model/Scenario.js';
import { InputError } from '../errors.js';
import { seededRandom } from '../common/seededRandom.js';
import { createFillProcess, seoulTime, type FillProcess } from '../sensors/fillProcess.js';
import { parseSimulationSetup, type CollectionEvent, type FillReading, type SensorFault, type SimulationOptions, type TrueDailyFill } from '../sensors/simulateReadings.js';

/** Options of {@link createDaySimulation}: those of `simulateReadings` except the collection rule. */
export type DaySimulationOptions = Omit<SimulationOptions, 'collectAtPercent'>;

/** What one simulated day produced. */
export interface DayOutcome {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Bins emptied at the collection hour (only those asked for; a bin is emptied even when nearly empty). */
  collections: CollectionEvent[];
  /** One row per bin, in bin order: true fill at the end of the day and kg that did not fit. */
  truth: TrueDailyFill[];
  /** The day's sensor readings. */
  readings: FillReading[];
}

/** A ground truth stepped one day at a time, whose emptyings come from outside (executed plans). */
export interface DaySimulation {
  readonly bins: readonly Bin[];
  readonly days: number;
  /** Injected sensor faults. */
  readonly faults: readonly SensorFault[];
  /** Index of the next day to run (0 … days). */
  day(): number;
  /** Local date of day `d`. */
  dateOf(d: number): string;
  /** Local midnight starting day `d`, ISO 8601 with offset. */
  midnightOf(d: number): string;
  /** All readings so far, day by day, grouped by hour within a day. */
  readings(): readonly FillReading[];
  /** True fill of each bin now, % of capacity (bin order). */
  truePercent(): number[];
  /** Runs the next day: the bins in `empty` are emptied at the collection hour. */
  runDay(empty: ReadonlySet<string>): DayOutcome;
}

/**
 * Creates a day-stepped ground truth over `days` days with the fill process and sensor model
 * of `simulateReadings` (same options, same meaning) but no built-in collection rule: each call
 * of `runDay(empty)` advances one day, and only the bins in `empty` are emptied, at the
 * collection hour (default 10:00). Each bin draws from its own stream, seeded from `seed`, so
 * the truth does not depend on which bins are emptied. Deterministic for a seed.
 *
 * @example
 * ```ts
 * const sim = createDaySimulation(scenario.bins, { start: '2026-11-02', days: 28, seed: 1 });
 * const day0 = sim.runDay(new Set(['SD-0001']));
 * day0.truth.filter((t) => t.overflowKg > 0).length; // overflow events of the day
 * ```
 */
export function createDaySimulation(bins: readonly Bin[], options: DaySimulationOptions): DaySimulation {
  const setup = parseSimulationSetup(options);
  const master = seededRandom(options.seed ?? 1);
  const hours = setup.days * 24;
  const processes: FillProcess[] = bins.map((bin) => createFillProcess(bin, seededRandom(Math.floor(master() * 2 ** 31)), setup.model, setup.startLocalMs, setup.weekday0, hours));
  const faults = processes.flatMap((p) => (p.fault ? [p.fault] : []));
  const readings: FillReading[] = [];
  let day = 0;
  return {
    bins,
    days: setup.days,
    faults,
    day: () => day,
    dateOf: (d) => seoulTime(setup.startLocalMs, d, 0, 0).slice(0, 10),
    midnightOf: (d) => seoulTime(setup.startLocalMs, d, 0, 0),
    readings: () => readings,
    truePercent: () => processes.map((p) => (p.kg() / p.bin.capacityKg) * 100),
    runDay(empty) {
      if (day >= setup.days) throw new InputError(`runDay: all ${setup.days} days already simulated`, { code: 'E6004' });
      const out: DayOutcome = { date: seoulTime(setup.startLocalMs, day, 0, 0).slice(0, 10), collections: [], truth: [], readings: [] };
      const perHour: FillReading[][] = Array.from({ length: 24 }, () => []);
      for (const p of processes) {
        const collect = () => empty.has(p.bin.id);
        for (let h = 0; h < 24; h++) {
          const o = p.step(day * 24 + h, collect);
          if (o.collection) out.collections.push(o.collection);
          if (o.truth) out.truth.push(o.truth);
          if (o.reading) perHour[h].push(o.reading);
        }
      }
      out.readings = perHour.flat();
      readings.push(...out.readings);
      day++;
      return out;
    },
  };
}
