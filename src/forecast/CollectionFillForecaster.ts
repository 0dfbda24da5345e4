import { InputError } from '../errors.js';
import { nonNegativeOption, positiveOption } from './checkNumberOption.js';
import { median } from './robustStats.js';
import { toMs } from './timestamps.js';
import type { TimeInput } from './FillForecast.js';
import { detExp, detLog } from '../common/detMath.js';

const HOUR = 3_600_000;

/** A fill level recorded when a bin was emptied (as crews or sensors report it at pickup). */
export interface CollectionRecord {
  binId: string;
  time: TimeInput;
  /** Fill just before the emptying, %. */
  fillPercent: number;
}

/** Settings of {@link CollectionFillForecaster}; the defaults were chosen on the training part of the Edinburgh data (docs/forecasting.md). */
export interface CollectionForecastOptions {
  /** The group of a bin (e.g. its street): bins with little history lean on their group. Default: one group. */
  groupOf?: (binId: string) => string;
  /** Weight of a bin's earlier records, per record back (recency). Default 0.93. */
  recency?: number;
  /** Pseudo-records of the group's level mixed into a bin's level (shrinkage). Default 2. */
  groupWeight?: number;
  /** Elapsed hours are clamped to this range before the logarithm. Default [3, 150]. */
  elapsedRange?: [number, number];
  /** Weight of the other bins' surprise over the last hours (the same round or shift). Default 1. */
  roundWeight?: number;
  /** Time constant of that recent surprise, hours (records up to 6 time constants back count). Default 2. */
  roundHours?: number;
  /** Weight of the other bins' surprise on earlier days (records 24 h and more before). Default 0.5. */
  dayWeight?: number;
  /** Time constant of the earlier days' surprise, hours. Default 48. */
  dayHours?: number;
  /** Refit the elapsed-time slope and the offset after this many hours of new data. Default 24. */
  refitHours?: number;
}

/** The default settings of {@link CollectionFillForecaster} (the one place they are written). */
export const COLLECTION_FORECAST_DEFAULTS: Readonly<Required<Omit<CollectionForecastOptions, 'groupOf'>>> = Object.freeze({
  recency: 0.93,
  groupWeight: 2,
  elapsedRange: [3, 150] as [number, number],
  roundWeight: 1,
  roundHours: 2,
  dayWeight: 0.5,
  dayHours: 48,
  refitHours: 24,
});

/** A forecast of the fill a bin will show when it is next emptied. */
export interface CollectionFillPrediction {
  /** The central forecast (a median), % (0 … 100). */
  fill: number;
  /** The q-quantile, % (from the errors of the forecasts made so far). */
  quantile(q: number): number;
  /** The probability that the bin reads 100 % (full) by then. */
  pFull: number;
  /** Hours since the bin's last emptying (NaN when unknown). */
  elapsedHours: number;
}

interface Rec {
  t: number;
  fill: number;
  /** log of the clamped elapsed hours, NaN for a bin's first record. */
  g: number;
}

interface Surprise {
  t: number;
  binId: string;
  r: number;
}

/**
 * Forecasts the fill level a bin shows at its next emptying from the levels recorded at
 * earlier emptyings — the data of a collection log, or of sensors read only at pickup (the
 * Edinburgh litter-bin set). Feed records in time order with `observe`, ask with `predict`;
 * a prediction only ever uses what was observed before it.
 *
 * The model (docs/forecasting.md): fill = level of the bin + β·ln(elapsed hours) + offset +
 * surprise, where
 * - the **level** is a recency-weighted mean of the bin's earlier fills net of their elapsed-time
 *   term, shrunk toward its group's mean with `groupWeight` pseudo-records;
 * - **β** is the within-bin least-absolute-deviations slope of fill on ln(elapsed) and the
 *   **offset** the median error of the forecasts so far (so the forecast is a median), both
 *   refitted every `refitHours` of data;
 * - the **surprise** is the time-weighted mean error of the other bins' recent forecasts: over
 *   the last hours (the same round: a busy day shows in every bin) and over earlier days.
 *
 * @example
 * ```ts
 * const f = new CollectionFillForecaster({ groupOf: (id) => streetOf.get(id) ?? '' });
 * for (const r of history) f.observe(r); // in time order
 * f.predict('325048', '2016-08-10T09:00:00').fill; // e.g. 78.4
 * ```
 */
export class CollectionFillForecaster {
  private readonly o: Required<Omit<CollectionForecastOptions, 'groupOf'>> & { groupOf: (binId: string) => string };
  private readonly bins = new Map<string, Rec[]>();
  /** Per group: Σ fill, Σ g (records with g), records, records without g; per bin the same, to leave a bin out of its own group. */
  private readonly groups = new Map<string, { fill: number; g: number; n: number; noG: number }>();
  private readonly binSums = new Map<string, { fill: number; g: number; n: number; noG: number }>();
  private readonly surprises: Surprise[] = [];
  /** Errors of the base forecast (before the surprise), for the offset. */
  private readonly baseErrors: number[] = [];
  /** Errors of the full forecast, for the quantiles. */
  private readonly errors: number[] = [];
  private beta = 18;
  private offset = 0;
  private gMean = detLog(40);
  private lastT = Number.NEGATIVE_INFINITY;
  private nextFit = Number.NEGATIVE_INFINITY;

  constructor(options: CollectionForecastOptions = {}) {
    const range = options.elapsedRange ?? COLLECTION_FORECAST_DEFAULTS.elapsedRange;
    if (!(range[0] > 0 && range[1] > range[0])) throw new InputError(`elapsedRange: expected 0 < low < high, got [${range.join(', ')}]`, { code: 'E6004', field: 'elapsedRange' });
    this.o = {
      groupOf: options.groupOf ?? (() => ''),
      recency: fraction(options.recency ?? COLLECTION_FORECAST_DEFAULTS.recency, 'recency'),
      groupWeight: nonNegativeOption(options.groupWeight ?? COLLECTION_FORECAST_DEFAULTS.groupWeight, 'groupWeight'),
      elapsedRange: range,
      roundWeight: nonNegativeOption(options.roundWeight ?? COLLECTION_FORECAST_DEFAULTS.roundWeight, 'roundWeight'),
      roundHours: positiveOption(options.roundHours ?? COLLECTION_FORECAST_DEFAULTS.roundHours, 'roundHours'),
      dayWeight: nonNegativeOption(options.dayWeight ?? COLLECTION_FORECAST_DEFAULTS.dayWeight, 'dayWeight'),
      dayHours: positiveOption(options.dayHours ?? COLLECTION_FORECAST_DEFAULTS.dayHours, 'dayHours'),
      refitHours: positiveOption(options.refitHours ?? COLLECTION_FORECAST_DEFAULTS.refitHours, 'refitHours'),
    };
  }

  /**
   * Adds a record (not earlier than the last one added). Before it is stored, the forecast
   * that would have been made for it is scored: its error feeds the offset, the surprise and
   * the quantiles.
   *
   * @example
   * ```ts
   * f.observe({ binId: '325048', time: '2016-06-03T13:23:00', fillPercent: 81 });
   * ```
   */
  observe(record: CollectionRecord): void {
    const t = toMs(record.time);
    if (Number.isNaN(t)) throw new InputError(`time: cannot read ${JSON.stringify(String(record.time))} as a time`, { code: 'E6003', field: 'time' });
    if (t < this.lastT) throw new InputError(`time: records must come in time order (${String(record.time)} is before the last one)`, { code: 'E6003', field: 'time' });
    const fill = record.fillPercent;
    if (!(Number.isFinite(fill) && fill >= 0 && fill <= 150)) throw new InputError(`fillPercent: expected 0 … 150, got ${fill}`, { code: 'E6004', field: 'fillPercent' });
    if (t >= this.nextFit) {
      this.refit();
      this.nextFit = t + this.o.refitHours * HOUR;
    }
    this.lastT = t;
    const list = this.bins.get(record.binId);
    const prev = list?.[list.length - 1];
    const g = prev ? this.g((t - prev.t) / HOUR) : Number.NaN;
    if (list) {
      const base = this.base(record.binId, list, Number.isNaN(g) ? this.gMean : g);
      const surprise = this.surprise(record.binId, t);
      this.baseErrors.push(fill - base);
      this.errors.push(fill - clamp(base + this.offset + surprise));
      this.surprises.push({ t, binId: record.binId, r: fill - base - this.offset });
    }
    const rec: Rec = { t, fill, g };
    if (list) list.push(rec);
    else this.bins.set(record.binId, [rec]);
    const add = (m: Map<string, { fill: number; g: number; n: number; noG: number }>, key: string) => {
      const s = m.get(key) ?? { fill: 0, g: 0, n: 0, noG: 0 };
      s.fill += fill;
      if (Number.isNaN(g)) s.noG++;
      else s.g += g;
      s.n++;
      m.set(key, s);
    };
    add(this.groups, this.o.groupOf(record.binId));
    add(this.binSums, record.binId);
  }

  /**
   * The forecast of the fill `binId` shows when emptied at `time`, from the records observed so
   * far. `lastEmptied` is the time of its previous emptying when known (default: its last
   * observed record); the elapsed time since then is part of the forecast.
   *
   * @example
   * ```ts
   * const p = f.predict('325048', '2016-08-10T09:00:00');
   * [p.fill, p.quantile(0.1), p.quantile(0.9), p.pFull]; // e.g. [78.4, 55.1, 100, 0.22]
   * ```
   */
  predict(binId: string, time: TimeInput, lastEmptied?: TimeInput): CollectionFillPrediction {
    const t = toMs(time);
    if (Number.isNaN(t)) throw new InputError(`time: cannot read ${JSON.stringify(String(time))} as a time`, { code: 'E6003', field: 'time' });
    const list = this.bins.get(binId) ?? [];
    const since = lastEmptied !== undefined ? toMs(lastEmptied) : (list[list.length - 1]?.t ?? Number.NaN);
    const elapsedHours = (t - since) / HOUR;
    const g = Number.isFinite(elapsedHours) && elapsedHours >= 0 ? this.g(elapsedHours) : this.gMean;
    const raw = this.base(binId, list, g) + this.offset + this.surprise(binId, t);
    const errs = this.errors.slice(-2000);
    const quantile = (q: number) => {
      if (!(q > 0 && q < 1)) throw new InputError(`q: expected a probability strictly between 0 and 1, got ${q}`, { code: 'E6004', field: 'q' });
      if (errs.length === 0) return clamp(raw);
      const s = [...errs].sort((a, b) => a - b);
      return clamp(raw + s[Math.min(s.length - 1, Math.floor(q * s.length))]);
    };
    const pFull = errs.length ? errs.filter((e) => raw + e >= 100).length / errs.length : raw >= 100 ? 1 : 0;
    return { fill: clamp(raw), quantile, pFull, elapsedHours };
  }

  private g(hours: number): number {
    const [lo, hi] = this.o.elapsedRange;
    return detLog(Math.min(hi, Math.max(lo, hours)));
  }

  /** Level + β·g: the bin's recency-weighted level, shrunk toward its group (without the bin). */
  private base(binId: string, list: Rec[], g: number): number {
    let sw = 0;
    let sa = 0;
    const n = list.length;
    for (let j = 0; j < n; j++) {
      const w = this.o.recency ** (n - 1 - j);
      sw += w;
      sa += w * (list[j].fill - this.beta * (Number.isNaN(list[j].g) ? this.gMean : list[j].g));
    }
    const level = (sa + this.o.groupWeight * this.prior(binId)) / (sw + this.o.groupWeight);
    return (sw + this.o.groupWeight > 0 ? level : this.prior(binId)) + this.beta * g;
  }

  /** Mean level (fill − β·g) of the other bins of the group; of all bins when the group has none; 50 with no data. */
  private prior(binId: string): number {
    const levelOf = (s: { fill: number; g: number; n: number; noG: number }) => (s.fill - this.beta * (s.g + s.noG * this.gMean)) / s.n;
    const own = this.binSums.get(binId) ?? { fill: 0, g: 0, n: 0, noG: 0 };
    const grp = this.groups.get(this.o.groupOf(binId));
    if (grp && grp.n > own.n) return levelOf({ fill: grp.fill - own.fill, g: grp.g - own.g, n: grp.n - own.n, noG: grp.noG - own.noG });
    const all = { fill: 0, g: 0, n: 0, noG: 0 };
    for (const [id, s] of this.binSums) {
      if (id === binId) continue;
      all.fill += s.fill;
      all.g += s.g;
      all.n += s.n;
      all.noG += s.noG;
    }
    return all.n > 0 ? levelOf(all) : 50 - this.beta * this.gMean;
  }

  /** The time-weighted mean surprise of other bins' recent forecasts: the same round, and earlier days. */
  private surprise(binId: string, t: number): number {
    const { roundHours, roundWeight, dayHours, dayWeight } = this.o;
    let rw = 0;
    let rs = 0;
    let dw = 0;
    let ds = 0;
    const oldest = t - Math.max(6 * roundHours, 24 + 5 * dayHours) * HOUR;
    for (let i = this.surprises.length - 1; i >= 0; i--) {
      const s = this.surprises[i];
      if (s.t < oldest) break;
      const age = (t - s.t) / HOUR;
      if (age <= 0 || s.binId === binId) continue;
      if (age <= 6 * roundHours) {
        const w = detExp(-age / roundHours);
        rw += w;
        rs += w * s.r;
      }
      if (age >= 24) {
        const w = detExp(-age / dayHours);
        dw += w;
        ds += w * s.r;
      }
    }
    // each mean is shrunk toward 0 by half a record's weight, so one far-off record counts little
    return (roundWeight * rs) / (rw + 0.5) + (dayWeight * ds) / (dw + 0.5);
  }

  /** β: least absolute deviations of fill on g within bins (IRLS); the offset: the median base error; ḡ. */
  private refit(): void {
    const pts: [number, number][] = [];
    let gs = 0;
    let gn = 0;
    for (const list of this.bins.values()) {
      const withG = list.filter((r) => !Number.isNaN(r.g));
      gs += withG.reduce((a, r) => a + r.g, 0);
      gn += withG.length;
      if (withG.length < 2) continue;
      const mf = withG.reduce((a, r) => a + r.fill, 0) / withG.length;
      const mg = withG.reduce((a, r) => a + r.g, 0) / withG.length;
      for (const r of withG) pts.push([r.g - mg, r.fill - mf]);
    }
    if (gn > 0) this.gMean = gs / gn;
    if (pts.length >= 50) {
      let b = this.beta;
      for (let it = 0; it < 20; it++) {
        let sxy = 0;
        let sxx = 0;
        for (const [x, y] of pts) {
          const w = 1 / Math.max(1, Math.abs(y - b * x));
          sxy += w * x * y;
          sxx += w * x * x;
        }
        if (sxx > 0) b = sxy / sxx;
      }
      this.beta = b;
    }
    if (this.baseErrors.length >= 50) this.offset = median(this.baseErrors);
  }
}

function clamp(x: number): number {
  return Math.min(100, Math.max(0, x));
}


function fraction(x: number, name: string): number {
  if (!(Number.isFinite(x) && x > 0 && x <= 1)) throw new InputError(`${name}: expected a number in (0, 1], got ${x}`, { code: 'E6004', field: name });
  return x;
}
