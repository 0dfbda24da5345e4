import { InputError } from '../errors.js';
import { normalCdf, normalQuantile } from './robustStats.js';
import { toMs } from './timestamps.js';
import type { WeeklyProfile } from './WeeklyProfile.js';

/** A time: ISO 8601 text, a `Date`, or milliseconds since the epoch. */
export type TimeInput = string | number | Date;

/** The state a {@link FillForecast} starts from. */
export interface FillState {
  /** When the state holds, ms (the last good reading, or an emptying). */
  from: number;
  /** The forecast is made at this time, ms (`≥ from`); earlier times are read as this one. */
  asOf: number;
  /** Fill at `from`, % (median estimate). */
  level: number;
  /** Standard deviation of `level`, points. */
  levelSigma: number;
  /** Average fill rate, % per hour (the weekly profile spreads it over the hours). */
  ratePerHour: number;
  /** Standard deviation of the rate, % per hour (estimate error and day-to-day variation). */
  rateSigma: number;
  /** When in the week the bin fills. */
  profile: WeeklyProfile;
}

/**
 * The forecast fill of one bin from a known state onwards, assuming it is not emptied: the
 * central value, quantiles and the probability of reaching 100 %.
 *
 * The distribution is a *comonotone level–rate* family: its z-quantile at time t is
 * `level + z·levelSigma + max(0, rate + z·rateSigma) · effectiveHours(from, t)` (z the
 * standard normal quantile), capped to 0 … 100 %. Every quantile is therefore non-decreasing
 * in t (a bin only fills between emptyings), quantiles are ordered in q, and
 * `pOverflow(t)` — the probability of having reached 100 % by t — is non-decreasing in t and in
 * [0, 1]. Treating the level and rate errors as perfectly correlated makes the bands a little
 * wider than independent errors would (docs/forecasting.md).
 *
 * @example
 * ```ts
 * const f = new FillForecast(state);
 * f.fillAt('2026-11-24T10:00:00+09:00');        // e.g. 63.2
 * f.quantile('2026-11-24T10:00:00+09:00', 0.9); // e.g. 71.5
 * f.pOverflow('2026-11-25T10:00:00+09:00');     // e.g. 0.04
 * ```
 */
export class FillForecast {
  readonly state: FillState;

  constructor(state: FillState) {
    this.state = state;
  }

  /** Effective hours of filling from the state to `t` (t before `asOf` counts as `asOf`). */
  private rise(t: TimeInput): number {
    const ms = toMs(t);
    if (Number.isNaN(ms)) throw new InputError(`time: cannot read ${JSON.stringify(String(t))} as a time`, { code: 'E6003', field: 'time' });
    const s = this.state;
    return Math.max(0, s.profile.effectiveHours(s.from, Math.max(ms, s.asOf)));
  }

  /** The z-quantile before capping. */
  private raw(z: number, rise: number): number {
    const s = this.state;
    return s.level + z * s.levelSigma + Math.max(0, s.ratePerHour + z * s.rateSigma) * rise;
  }

  /**
   * The central forecast (median) of the fill at `t`, % (0 … 100): what the bin holds then if
   * nobody empties it.
   *
   * @example
   * ```ts
   * forecast.fillAt('2026-11-24T10:00:00+09:00'); // 63.2
   * ```
   */
  fillAt(t: TimeInput): number {
    return clampFill(this.raw(0, this.rise(t)));
  }

  /**
   * The q-quantile of the fill at `t`, % (0 … 100), for 0 < q < 1.
   *
   * @example
   * ```ts
   * const [lo, hi] = [forecast.quantile(t, 0.1), forecast.quantile(t, 0.9)]; // an 80 % band
   * ```
   */
  quantile(t: TimeInput, q: number): number {
    if (!(q > 0 && q < 1)) throw new InputError(`q: expected a probability strictly between 0 and 1, got ${q}`, { code: 'E6004', field: 'q' });
    return clampFill(this.raw(normalQuantile(q), this.rise(t)));
  }

  /**
   * The probability that the bin has reached 100 % by `t` (overflow before t, if not emptied).
   *
   * @example
   * ```ts
   * forecast.pOverflow('2026-11-25T10:00:00+09:00'); // 0.04
   * ```
   */
  pOverflow(t: TimeInput): number {
    return 1 - normalCdf(this.zAtFull(this.rise(t)));
  }

  /**
   * When the q-quantile reaches 100 % (ms; `asOf` if it already has, `Infinity` if it never
   * does). With q = 0.5, the expected time the bin is full.
   *
   * @example
   * ```ts
   * new Date(forecast.fullAt(0.5)).toISOString(); // '2026-11-26T04:12:00.000Z'
   * ```
   */
  fullAt(q = 0.5): number {
    if (!(q > 0 && q < 1)) throw new InputError(`q: expected a probability strictly between 0 and 1, got ${q}`, { code: 'E6004', field: 'q' });
    const s = this.state;
    const z = normalQuantile(q);
    const level = s.level + z * s.levelSigma;
    const rate = Math.max(0, s.ratePerHour + z * s.rateSigma);
    const already = s.profile.effectiveHours(s.from, s.asOf);
    if (level + rate * already >= 100) return s.asOf;
    if (!(rate > 0)) return Number.POSITIVE_INFINITY;
    return s.profile.after(s.from, (100 - level) / rate);
  }

  /** The z at which the (uncapped) z-quantile equals 100 after `rise` effective hours. */
  private zAtFull(rise: number): number {
    const s = this.state;
    const sl = Math.max(s.levelSigma, 1e-9);
    if (s.rateSigma > 0 && rise > 0) {
      // where the rate term switches off: rate + z·rateSigma = 0
      const z0 = -s.ratePerHour / s.rateSigma;
      if (100 >= this.raw(z0, rise)) return (100 - s.level - s.ratePerHour * rise) / (sl + s.rateSigma * rise);
      return (100 - s.level) / sl;
    }
    return (100 - s.level - Math.max(0, s.ratePerHour) * rise) / sl;
  }
}

function clampFill(x: number): number {
  return Math.min(100, Math.max(0, x));
}
