const HOUR = 3_600_000;
const WEEK = 168;

/**
 * How fast a bin fills in each hour of the week, relative to its average: 168 factors (Monday
 * 00:00–01:00 first, on a local clock `offsetMinutes` east of UTC) with mean 1. A factor of 2
 * means twice the average rate in that hour, 0 no filling (e.g. while the café is closed).
 * `effectiveHours(from, to)` — the integral of the factors — turns an average fill rate (% per
 * hour) into the expected rise over any interval.
 *
 * @example
 * ```ts
 * const p = WeeklyProfile.fromDayAndHour([1, 1, 1, 1, 1, 1.5, 0.5], openHours, 540);
 * const rise = ratePerHour * p.effectiveHours(Date.parse('2026-11-02T08:00+09:00'), Date.parse('2026-11-02T12:00+09:00'));
 * ```
 */
export class WeeklyProfile {
  /** The 168 factors (mean 1). */
  readonly factors: readonly number[];
  /** The local clock, minutes east of UTC. */
  readonly offsetMinutes: number;
  private readonly prefix: Float64Array;

  /** Factors are rescaled to mean 1; all zero (or empty) gives the flat profile. */
  constructor(factors: readonly number[], offsetMinutes = 0) {
    if (factors.length !== WEEK) throw new RangeError(`a weekly profile needs ${WEEK} factors, got ${factors.length}`);
    const clean = factors.map((f) => (Number.isFinite(f) && f > 0 ? f : 0));
    const sum = clean.reduce((a, b) => a + b, 0);
    this.factors = sum > 0 ? clean.map((f) => (f * WEEK) / sum) : new Array<number>(WEEK).fill(1);
    this.offsetMinutes = offsetMinutes;
    this.prefix = new Float64Array(WEEK + 1);
    for (let h = 0; h < WEEK; h++) this.prefix[h + 1] = this.prefix[h] + this.factors[h];
  }

  /**
   * The flat profile: every hour counts the same.
   *
   * @example
   * ```ts
   * WeeklyProfile.flat().effectiveHours(0, 3_600_000); // 1
   * ```
   */
  static flat(offsetMinutes = 0): WeeklyProfile {
    return new WeeklyProfile(new Array<number>(WEEK).fill(1), offsetMinutes);
  }

  /**
   * The product of day-of-week factors (Monday … Sunday) and hour-of-day factors (0 … 23),
   * rescaled to mean 1.
   *
   * @example
   * ```ts
   * const p = WeeklyProfile.fromDayAndHour([1, 1, 1, 1, 1, 1, 1], hours, 540); // the same every day
   * ```
   */
  static fromDayAndHour(day: readonly number[], hour: readonly number[], offsetMinutes = 0): WeeklyProfile {
    const f: number[] = [];
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) f.push(day[d] * hour[h]);
    return new WeeklyProfile(f, offsetMinutes);
  }

  /** Effective hours from a fixed Monday 00:00 (local) to `ms`: whole weeks count 168. */
  private cumulative(ms: number): number {
    const localHours = (ms + this.offsetMinutes * 60_000) / HOUR + 72; // 1970-01-01 was a Thursday
    const weeks = Math.floor(localHours / WEEK);
    const rem = localHours - weeks * WEEK;
    const h = Math.min(WEEK - 1, Math.floor(rem));
    return weeks * WEEK + this.prefix[h] + (rem - h) * this.factors[h];
  }

  /**
   * The effective hours between two instants (ms): the real hours weighted by the factors.
   * Negative when `to < from`.
   *
   * @example
   * ```ts
   * WeeklyProfile.flat().effectiveHours(0, 7_200_000); // 2
   * ```
   */
  effectiveHours(from: number, to: number): number {
    return this.cumulative(to) - this.cumulative(from);
  }

  /**
   * The instant at which `hours` effective hours have passed since `from` (the inverse of
   * {@link effectiveHours}); `Infinity` when the profile never gets there.
   *
   * @example
   * ```ts
   * WeeklyProfile.flat().after(0, 2); // 7_200_000
   * ```
   */
  after(from: number, hours: number): number {
    if (!(hours > 0)) return from;
    if (!Number.isFinite(hours)) return Number.POSITIVE_INFINITY;
    let lo = from;
    let hi = from + hours * HOUR;
    while (this.effectiveHours(from, hi) < hours) {
      lo = hi;
      hi = from + (hi - from) * 2;
      if (hi - from > 1e6 * HOUR) return Number.POSITIVE_INFINITY;
    }
    for (let i = 0; i < 100 && hi - lo > 1; i++) {
      const mid = (lo + hi) / 2;
      if (this.effectiveHours(from, mid) < hours) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}
