import { median, spikeIndices } from './robustStats.js';
import type { Reading } from './readReadings.js';

const HOUR = 3_600_000;

/** A kept reading of a bin. */
export interface FillPoint {
  /** Milliseconds since the epoch. */
  t: number;
  fill: number;
  /** The reading's row (see {@link Reading}). */
  row: number;
}

/** An emptying: detected from a drop in the readings, or given as a collection event. */
export interface Reset {
  /** The first reading after the emptying (for a given event: the event's time). */
  t: number;
  /** The last reading before it: the emptying happened in `(from, t]`. */
  from: number;
  /** Fill level just before and just after (medians of up to 3 readings). */
  before: number;
  after: number;
  /** `detected` from the readings, or `given` as a collection event. */
  source: 'detected' | 'given';
}

/** A stretch where the sensor repeated one value. */
export interface StuckStretch {
  /** The first repeat (the value itself was read at the reading before). */
  from: number;
  /** The last repeat. */
  to: number;
  fill: number;
  /** The stretch reaches the bin's last reading: the sensor is stuck now. */
  current: boolean;
}

/** A bin's readings after cleaning. */
export interface CleanedBin {
  binId: string;
  /** The readings kept, in time order (spikes and stuck repeats removed). */
  points: FillPoint[];
  /** Emptyings, in time order; `points` with `t >= reset.t` belong to the cycle that starts there. */
  resets: Reset[];
  /** Readings removed as spikes or outliers (split-window Hampel identifier). */
  spikes: FillPoint[];
  /** Stretches of repeated values; their repeats are not in `points`. */
  stuck: StuckStretch[];
  /** Stretches without readings longer than `gapHours` (`from`, `to`: the readings around them). */
  gaps: { from: number; to: number }[];
  /** Time of the last reading received (stuck repeats included); `NaN` when none. */
  lastReading: number;
  /** Median hours between readings (`NaN` with fewer than two). */
  intervalHours: number;
  /** No reading for `deadAfterHours` before `now`. */
  dead: boolean;
}

/** Options of {@link cleanReadings}. */
export interface CleanOptions {
  /** The time the data is looked at, ms. Default: the latest reading. */
  now?: number;
  /**
   * Known emptyings, `{binId, t}` (ms). When given, they are the complete list of resets: the
   * drops in the readings are not searched for. Default: detect resets.
   */
  collections?: readonly { binId: string; t: number }[];
  /** A drop of at least this many points between the levels before and after is an emptying. Default 15. */
  resetDropPercent?: number;
  /** Repeats of one value spanning at least this many hours (and 6 readings) are a stuck sensor. Default 24. */
  stuckHours?: number;
  /** No reading for this many hours before `now` means a dead sensor. Default max(12, 6 × the bin's median interval). */
  deadAfterHours?: number;
  /** A reading further than this many noise standard deviations from what the 3 readings before and the 3 after it predict is a spike. Default 4. */
  spikeSigmas?: number;
  /** Floor of the noise in the spike test, points. Default 1. */
  spikeMinSigma?: number;
  /** A pause between readings longer than this many hours is reported as a gap. Default max(3, 3 × the median interval). */
  gapHours?: number;
}

/**
 * Cleans each bin's readings, in this order (docs/forecasting.md gives the reasons):
 *
 * 1. **Stuck sensor**: a run of exactly repeated values over at least `stuckHours` hours and 6
 *    readings (at a fill below 100 %, where a full bin legitimately reads the same) is stuck;
 *    its repeats are removed, and the sensor is stuck *now* when the run reaches its last reading.
 * 2. **Spikes and outliers**: a reading more than `spikeSigmas` noise standard deviations away
 *    from what the 3 readings before it predict and, on the same side, from what the 3 after
 *    it predict (median along their own trend) is removed (`spikeIndices`, a split-window Hampel identifier); a real
 *    emptying is a step, which it keeps.
 * 3. **Resets**: without collection events, an emptying is found where the median of the (up
 *    to) 3 readings before a point minus the median of the 3 from it is at least
 *    `resetDropPercent` (twice that within the last 3 readings, where noise weighs more), the
 *    single step there at least half of that, and that step is the largest nearby. With `collections`, those are the resets.
 * 4. **Gaps and dead sensors**: pauses longer than `gapHours` are listed (the model works on
 *    timestamps, so gaps need no filling); a sensor silent for `deadAfterHours` before `now` is dead.
 *
 * @example
 * ```ts
 * const { readings } = readReadings(text);
 * const cleaned = cleanReadings(readings, { now: Date.parse('2026-11-30T00:00:00+09:00') });
 * cleaned.get('SD-0001')?.resets; // [{ t, from, before: 74.2, after: 1.3, source: 'detected' }, …]
 * ```
 */
export function cleanReadings(readings: readonly Reading[], options: CleanOptions = {}): Map<string, CleanedBin> {
  const byBin = new Map<string, Reading[]>();
  for (const r of readings) {
    const list = byBin.get(r.binId);
    if (list) list.push(r);
    else byBin.set(r.binId, [r]);
  }
  let now = options.now;
  if (now === undefined) {
    now = Number.NEGATIVE_INFINITY;
    for (const r of readings) now = Math.max(now, r.t);
  }
  let given: Map<string, number[]> | undefined;
  if (options.collections) {
    given = new Map();
    for (const c of options.collections) {
      const list = given.get(c.binId);
      if (list) list.push(c.t);
      else given.set(c.binId, [c.t]);
    }
    for (const list of given.values()) list.sort((a, b) => a - b);
  }
  const out = new Map<string, CleanedBin>();
  for (const [binId, list] of byBin) out.set(binId, cleanBin(binId, [...list].sort((a, b) => a.t - b.t), now, given ? (given.get(binId) ?? []) : undefined, options));
  return out;
}

function cleanBin(binId: string, rs: Reading[], now: number, given: number[] | undefined, o: CleanOptions): CleanedBin {
  const gapsMs = rs.slice(1).map((r, i) => r.t - rs[i].t);
  const intervalHours = gapsMs.length ? median(gapsMs) / HOUR : Number.NaN;
  const interval = Number.isFinite(intervalHours) ? intervalHours : 1;
  const lastReading = rs.length ? rs[rs.length - 1].t : Number.NaN;
  const deadAfter = o.deadAfterHours ?? Math.max(12, 6 * interval);
  const gapHours = o.gapHours ?? Math.max(3, 3 * interval);

  // 1. stuck: runs of one repeated value
  const stuck: StuckStretch[] = [];
  const repeat = new Array<boolean>(rs.length).fill(false);
  const stuckHours = o.stuckHours ?? 24;
  for (let i = 0; i < rs.length; ) {
    let j = i;
    while (j + 1 < rs.length && rs[j + 1].fillPercent === rs[i].fillPercent) j++;
    // readings i+1 … j repeat reading i
    if (j - i >= 6 && rs[j].t - rs[i].t >= stuckHours * HOUR && rs[i].fillPercent < 100) {
      for (let k = i + 1; k <= j; k++) repeat[k] = true;
      stuck.push({ from: rs[i + 1].t, to: rs[j].t, fill: rs[i].fillPercent, current: j === rs.length - 1 });
    }
    i = j + 1;
  }
  const live = rs.filter((_, k) => !repeat[k]).map((r): FillPoint => ({ t: r.t, fill: r.fillPercent, row: r.row }));

  // 2. spikes (split-window Hampel identifier over the live readings)
  const flagged = new Set(spikeIndices(live.map((p) => p.fill), 3, o.spikeSigmas ?? 4, o.spikeMinSigma ?? 1, live.map((p) => p.t / HOUR)));
  const spikes = live.filter((_, k) => flagged.has(k));
  const points = live.filter((_, k) => !flagged.has(k));

  // 3. resets
  const resets: Reset[] = given ? givenResets(points, given) : detectResets(points, o.resetDropPercent ?? 15);

  // 4. gaps and death
  const gaps: { from: number; to: number }[] = [];
  for (let k = 1; k < rs.length; k++) if (rs[k].t - rs[k - 1].t > gapHours * HOUR) gaps.push({ from: rs[k - 1].t, to: rs[k].t });
  const dead = !(now - lastReading < deadAfter * HOUR);
  return { binId, points, resets, spikes, stuck, gaps, lastReading, intervalHours, dead };
}

/** Levels around each given emptying time. */
function givenResets(points: FillPoint[], times: number[]): Reset[] {
  return times.map((t) => {
    const k = points.findIndex((p) => p.t >= t);
    const at = k < 0 ? points.length : k;
    const before = points.slice(Math.max(0, at - 3), at).map((p) => p.fill);
    const after = points.slice(at, at + 3).map((p) => p.fill);
    return { t, from: at > 0 ? points[at - 1].t : t, before: median(before), after: median(after), source: 'given' as const };
  });
}

/**
 * Emptyings from the readings: at point k, `drop(k)` = median of the 3 points before k −
 * median of the 3 from k. A reset is a k with drop ≥ `minDrop` (twice that when fewer than 3
 * points follow, at the series' end), a single step
 * `fill[k-1] − fill[k]` ≥ minDrop / 2, and the largest single step among the candidates
 * within 3 points (so one emptying is found once, between the right two readings).
 */
function detectResets(points: FillPoint[], minDrop: number): Reset[] {
  const n = points.length;
  const drops = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  for (let k = 1; k < n; k++) {
    if (points[k - 1].fill - points[k].fill < minDrop / 2) continue;
    const before = median(points.slice(Math.max(0, k - 3), k).map((p) => p.fill));
    const after = median(points.slice(k, k + 3).map((p) => p.fill));
    // with fewer than 3 readings after it (the series' end), the drop must be twice as large
    if (before - after >= (n - k >= 3 ? minDrop : 2 * minDrop)) drops[k] = before - after;
  }
  const resets: Reset[] = [];
  let lastK = 0;
  for (let k = 1; k < n; k++) {
    if (drops[k] === Number.NEGATIVE_INFINITY) continue;
    // of the qualifying points within 3, the one with the largest single step is the emptying
    const step = (j: number) => points[j - 1].fill - points[j].fill;
    let best = true;
    for (let j = Math.max(1, k - 3); j <= Math.min(n - 1, k + 3); j++) {
      if (j !== k && drops[j] !== Number.NEGATIVE_INFINITY && (step(j) > step(k) || (step(j) === step(k) && j < k))) best = false;
    }
    if (!best) continue;
    const before = median(points.slice(Math.max(lastK, k - 3), k).map((p) => p.fill));
    const after = median(points.slice(k, k + 3).map((p) => p.fill));
    resets.push({ t: points[k].t, from: points[k - 1].t, before, after, source: 'detected' });
    lastK = k;
  }
  return resets;
}
