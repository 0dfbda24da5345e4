import { InputError } from '../errors.js';
import { nonNegativeOption, positiveOption } from './checkNumberOption.js';
import { cleanReadings, type CleanedBin, type CleanOptions, type FillPoint, type Reset } from './cleanReadings.js';
import { FillForecast, type TimeInput } from './FillForecast.js';
import { checkReadings, type CheckedReadings, type ReadingInput, type ReadingProblem } from './readReadings.js';
import { median, robustSigma, shrink, theilSenSlope } from './robustStats.js';
import { formatTimestamp, toMs } from './timestamps.js';
import { WeeklyProfile } from './WeeklyProfile.js';

const HOUR = 3_600_000;

/**
 * What the forecaster may know about a bin. A scenario's `Bin` fits as it is; only `id` is
 * required. `capacityKg` with `generation` gives the expected fill rate (the prior for bins
 * with little history, and the estimate for bins without a sensor); `openingHours` and
 * `generation.dayFactors` are the prior shape of the week.
 */
export interface ForecastBinInfo {
  id: string;
  /** False: the bin has no sensor (schedule-based estimate). Default true. */
  sensor?: boolean;
  /** Bins of a group share their prior: the default group is franchise / independent when known, else one group. */
  group?: string;
  franchise?: boolean;
  capacityKg?: number;
  generation?: { kgPerDay: number; dayFactors: readonly number[] };
  /** Daily windows `[from, to]` in seconds since local midnight. */
  openingHours?: readonly (readonly [number, number])[];
}

/** Why a bin's forecast rests on what it does. */
export type BinStatus = 'ok' | 'stuck' | 'dead' | 'no_readings' | 'no_sensor';

/**
 * What the forecast starts from: `sensor` (the current cycle's readings), `history` (the last
 * good state of a sensor that is now stuck or dead, carried forward at the bin's learned rate),
 * or `schedule` (no usable state: the expected generation since the last known or assumed emptying).
 */
export type ForecastBasis = 'sensor' | 'history' | 'schedule';

/** One bin's forecast: its status and a {@link FillForecast}. */
export interface BinForecast {
  binId: string;
  status: BinStatus;
  basis: ForecastBasis;
  /** One line: why, and what the estimate rests on. */
  note: string;
  /** Average fill rate, % per day, and its standard deviation. */
  ratePerDay: number;
  rateSigmaPerDay: number;
  /** The weekly shape the rate is spread with. */
  profile: WeeklyProfile;
  /** The last emptying before `asOf` (detected or given), if any. */
  lastReset?: Reset;
  /** Time of the last good reading, ms (`NaN` when none). */
  lastReading: number;
  /** The distribution: `fillAt(t)`, `quantile(t, q)`, `pOverflow(t)`, `fullAt(q)`. */
  forecast: FillForecast;
}

/** Options of {@link forecastBins}. */
export interface ForecastOptions {
  /** The time of the forecast (readings after it are ignored). Default: the latest reading. */
  now?: TimeInput;
  /** Local clock for day-of-week and hour-of-day, minutes east of UTC. Default: the readings' offset, else 0. */
  utcOffsetMinutes?: number;
  /** Known emptyings. When given, they are the resets (no detection); see `cleanReadings`. */
  collections?: readonly { binId: string; time: TimeInput }[];
  /** The group of a bin (shrinkage target). Default: `bin.group`, else franchise / independent, else one group. */
  groupOf?: (bin: ForecastBinInfo) => string;
  /**
   * Schedule-based estimate without a known emptying: the bin was emptied this many days
   * before the data begins (the first reading or given collection; `now` when there is
   * neither), so its estimate keeps growing until an emptying is known. Default 2 (as
   * `binroute plan --cycle-days`).
   */
  cycleDays?: number;
  /** Day-to-day variation of the fill rate (coefficient of variation), for the bands. Default 0.1 (calibrated on simulated readings: docs/forecasting.md). */
  dailyVariation?: number;
  /** A stuck or dead sensor's last state is carried forward for this many days; after that the estimate is schedule-based. Default 3. */
  maxCarryDays?: number;
  /** Cleaning thresholds. */
  clean?: Omit<CleanOptions, 'now' | 'collections'>;
}

/** What {@link forecastBins} returns. */
export interface ForecastResult {
  /** The time of the forecast, ms. */
  asOf: number;
  utcOffsetMinutes: number;
  /** One forecast per bin: the given bins in their order, else every bin with readings (sorted by id). */
  bins: BinForecast[];
  /** The forecast of a bin by id. */
  get(binId: string): BinForecast | undefined;
  /** Readings left out, with their rows. */
  problems: ReadingProblem[];
  /** Each bin's cleaned readings (resets, spikes, stuck stretches, gaps). */
  cleaned: Map<string, CleanedBin>;
}

/** One fill cycle's readings with a slope estimate. */
interface CycleFit {
  points: FillPoint[];
  slope: number;
  variance: number;
  sigma: number;
}

/** Per-bin working state. */
interface BinWork {
  info: ForecastBinInfo;
  group: string;
  cleaned?: CleanedBin;
  cycles: FillPoint[][];
  profile: WeeklyProfile;
  rate: number;
  rateVar: number;
  noise: number;
}

/**
 * Forecasts the fill of each bin from its sensor readings (docs/forecasting.md):
 *
 * - **cleaning** (`cleanReadings`): stuck and dead sensors, spikes, emptyings (detected, or
 *   the given `collections`), gaps;
 * - **rate**: per fill cycle, the Theil–Sen slope of fill against *effective* hours (the
 *   weekly profile), combined over the bin's cycles with more weight on recent ones, then
 *   shrunk (empirical Bayes) toward the bin's prior — its group's rate, scaled by the bin's
 *   expected generation when known — so bins with little history lean on similar bins;
 * - **weekly profile**: day-of-week and hour-of-day factors estimated from the fill increments
 *   of the bin's group and of the bin itself, each shrunk toward its prior (opening hours and
 *   day factors when given, else flat);
 * - **level**: where the current cycle's line stands at the last good reading;
 * - **fallbacks**: a stuck or dead sensor carries its last good state forward at the learned
 *   rate (`history`); a bin without a sensor or usable state gets the expected generation since
 *   its last known emptying, or over `cycleDays` (`schedule`). No bin is dropped.
 *
 * @example
 * ```ts
 * const result = forecastBins(sim.readings, scenario.bins, { now: '2026-11-23T08:00:00+09:00' });
 * for (const b of result.bins) {
 *   const at = '2026-11-23T10:00:00+09:00';
 *   console.log(b.binId, b.status, b.forecast.fillAt(at), b.forecast.quantile(at, 0.9), b.forecast.pOverflow('2026-11-24T10:00:00+09:00'));
 * }
 * ```
 */
export function forecastBins(readings: readonly ReadingInput[] | CheckedReadings, bins?: readonly ForecastBinInfo[], options: ForecastOptions = {}): ForecastResult {
  const infos: ForecastBinInfo[] | undefined = bins ? [...bins] : undefined;
  if (infos) {
    const seen = new Set<string>();
    infos.forEach((b, i) => {
      if (!b || typeof b.id !== 'string' || b.id === '') throw new InputError(`bins[${i}].id: expected a non-empty string`, { code: 'E6005', field: `bins[${i}].id` });
      if (seen.has(b.id)) throw new InputError(`bins[${i}].id: ${b.id} appears twice`, { code: 'E6005', field: `bins[${i}].id` });
      seen.add(b.id);
    });
  }
  const ids = infos ? new Set(infos.map((b) => b.id)) : undefined;
  const checked: CheckedReadings = Array.isArray(readings) ? checkReadings(readings as readonly ReadingInput[], { binIds: ids }) : (readings as CheckedReadings);
  const problems = [...checked.problems];
  let usable = checked.readings;
  if (ids && !Array.isArray(readings)) {
    usable = usable.filter((r) => {
      if (ids.has(r.binId)) return true;
      problems.push({ row: r.row, kind: 'unknown_bin', code: 'E5002', message: `row ${r.row}: bin ${JSON.stringify(r.binId)} is not a known bin` });
      return false;
    });
  }
  let now: number;
  if (options.now !== undefined) {
    now = toMs(options.now);
    if (Number.isNaN(now)) throw new InputError(`now: cannot read ${JSON.stringify(String(options.now))} as a time`, { code: 'E6003', field: 'now' });
  } else {
    now = Number.NEGATIVE_INFINITY;
    for (const r of usable) now = Math.max(now, r.t);
    if (!Number.isFinite(now)) throw new InputError('now: required when there are no readings', { code: 'E6003', field: 'now' });
  }
  const offset = options.utcOffsetMinutes ?? checked.utcOffsetMinutes ?? 0;
  const cycleDays = positiveOption(options.cycleDays ?? 2, 'cycleDays');
  const dailyVariation = nonNegativeOption(options.dailyVariation ?? 0.1, 'dailyVariation');
  const maxCarryHours = nonNegativeOption(options.maxCarryDays ?? 3, 'maxCarryDays') * 24;
  const collections = (options.collections ?? []).map((c, i) => {
    const t = toMs(c.time);
    if (Number.isNaN(t)) throw new InputError(`collections[${i}].time: cannot read ${JSON.stringify(String(c.time))} as a time`, { code: 'E6003', field: `collections[${i}].time` });
    return { binId: c.binId, t };
  });
  const cleaned = cleanReadings(
    usable.filter((r) => r.t <= now),
    { ...options.clean, now, collections: options.collections ? collections.filter((c) => c.t <= now) : undefined },
  );

  // where the data begins: an emptying assumed `cycleDays` before it does not slide with `now`
  let origin = now;
  for (const r of usable) if (r.t < origin) origin = r.t;
  for (const c of collections) if (c.t < origin) origin = c.t;
  const list: ForecastBinInfo[] = infos ?? [...cleaned.keys()].sort().map((id) => ({ id }));
  const groupOf = options.groupOf ?? defaultGroup;
  const flat = WeeklyProfile.flat(offset);
  const work: BinWork[] = list.map((info) => {
    const c = info.sensor === false ? undefined : cleaned.get(info.id);
    return { info, group: groupOf(info), cleaned: c, cycles: c ? cyclesOf(c) : [], profile: flat, rate: Number.NaN, rateVar: Number.POSITIVE_INFINITY, noise: Number.NaN };
  });

  // pass 1: rates on real hours; 2: weekly profiles from the increments; 3: rates on effective hours
  for (const w of work) fitRate(w);
  const groupShapes = groupProfiles(work);
  for (const w of work) w.profile = binProfile(w, groupShapes.get(w.group)!, offset);
  for (const w of work) fitRate(w);
  const priors = ratePriors(work);

  const out: BinForecast[] = work.map((w) => {
    const prior = priors.get(w)!;
    const post = shrink(w.rate, w.rateVar, prior.mean, prior.variance);
    const rate = Math.max(0, post.mean);
    const rateSigma = Math.sqrt(post.variance + (dailyVariation * rate) ** 2);
    return binForecast(w, { rate, rateSigma, now, origin, cycleDays, maxCarryHours, collections, offset });
  });
  const byId = new Map(out.map((b) => [b.binId, b]));
  return { asOf: now, utcOffsetMinutes: offset, bins: out, get: (id) => byId.get(id), problems: problems.sort((a, b) => a.row - b.row), cleaned };
}


function defaultGroup(b: ForecastBinInfo): string {
  if (b.group !== undefined) return b.group;
  if (b.franchise !== undefined) return b.franchise ? 'franchise' : 'independent';
  return 'all';
}

/** The bin's readings split at its resets. */
function cyclesOf(c: CleanedBin): FillPoint[][] {
  const cycles: FillPoint[][] = [[]];
  let r = 0;
  for (const p of c.points) {
    while (r < c.resets.length && p.t >= c.resets[r].t) {
      if (cycles[cycles.length - 1].length > 0) cycles.push([]);
      r++;
    }
    cycles[cycles.length - 1].push(p);
  }
  return cycles.filter((x) => x.length > 0);
}

/** Below this fill a reading shows the bin filling freely (a full bin reads flat). */
const FREE_FILL = 95;

/** Theil–Sen slope of one cycle on the bin's effective hours, with its variance. */
function fitCycle(points: FillPoint[], profile: WeeklyProfile): CycleFit | undefined {
  const free = points.filter((p) => p.fill < FREE_FILL);
  if (free.length < 4) return undefined;
  const t0 = free[0].t;
  const x = free.map((p) => profile.effectiveHours(t0, p.t));
  const y = free.map((p) => p.fill);
  const span = x[x.length - 1] - x[0];
  if (!(span >= 6) || (free[free.length - 1].t - t0) / HOUR < 6) return undefined;
  const slope = theilSenSlope(x, y, 0.25, 48);
  if (!Number.isFinite(slope)) return undefined;
  const intercept = median(y.map((v, i) => v - slope * x[i]));
  const sigma = Math.max(0.5, robustSigma(y.map((v, i) => v - intercept - slope * x[i])));
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sxx = x.reduce((a, b) => a + (b - mean) ** 2, 0);
  // the least-squares variance, inflated for Theil–Sen's efficiency (about 0.9 for normal noise)
  return { points: free, slope, variance: (1.1 * sigma * sigma) / sxx, sigma };
}

/** Cycle-to-cycle variation of a bin's rate (coefficient of variation). */
const CYCLE_VARIATION = 0.1;
/** Each older cycle counts this much less than the next one. */
const CYCLE_DECAY = 0.8;

/** The bin's rate from its cycles: precision-weighted, recent cycles first. */
function fitRate(w: BinWork): void {
  const fits = w.cycles.map((c) => fitCycle(c, w.profile)).filter((f): f is CycleFit => f !== undefined);
  w.noise = fits.length ? median(fits.map((f) => f.sigma)) : Number.NaN;
  if (fits.length === 0) {
    w.rate = Number.NaN;
    w.rateVar = Number.POSITIVE_INFINITY;
    return;
  }
  const typical = Math.abs(median(fits.map((f) => f.slope)));
  // weights: precision × recency; the variance of the weighted mean is Σ w²·v / (Σ w)²
  let sw = 0;
  let swx = 0;
  let sw2v = 0;
  fits.forEach((f, i) => {
    const v = f.variance + (CYCLE_VARIATION * typical) ** 2;
    const wt = CYCLE_DECAY ** (fits.length - 1 - i) / v;
    sw += wt;
    swx += wt * f.slope;
    sw2v += wt * wt * v;
  });
  w.rate = swx / sw;
  w.rateVar = sw2v / (sw * sw);
}

/** Day-of-week and hour-of-day factors with the effective hours seen in each (ratio estimates). */
interface Shape {
  day: number[];
  hour: number[];
}

/** Sums of fill increments (in average-rate hours) and real hours per day of week and per hour of day. */
interface Tally {
  dayU: number[];
  dayH: number[];
  hourU: number[];
  hourH: number[];
}

function tallyOf(w: BinWork, offset: number): Tally | undefined {
  if (!(w.rate > 0)) return undefined;
  const t: Tally = { dayU: new Array(7).fill(0), dayH: new Array(7).fill(0), hourU: new Array(24).fill(0), hourH: new Array(24).fill(0) };
  for (const c of w.cycles) {
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1];
      const b = c[i];
      const hours = (b.t - a.t) / HOUR;
      if (a.fill >= FREE_FILL || b.fill >= FREE_FILL || hours > 3 || hours <= 0) continue;
      const u = (b.fill - a.fill) / w.rate;
      // spread over the local clock hours the increment covers
      let s = a.t;
      while (s < b.t) {
        const local = (s + offset * 60_000) / HOUR;
        const e = Math.min(b.t, (Math.floor(local) + 1) * HOUR - offset * 60_000);
        const share = (e - s) / (b.t - a.t);
        const hour = Math.floor(local) % 24;
        const day = Math.floor((Math.floor(local / 24) + 3) % 7); // 1970-01-01 was a Thursday (3)
        t.hourU[hour] += u * share;
        t.hourH[hour] += (e - s) / HOUR;
        t.dayU[day] += u * share;
        t.dayH[day] += (e - s) / HOUR;
        s = e;
      }
    }
  }
  return t;
}

/** Shrunk ratio estimate: (observed + k·prior) / (hours + k), per slot. */
function ratio(u: number[], h: number[], prior: readonly number[], k: number): number[] {
  return u.map((x, i) => Math.max(0, (x + k * prior[i]) / (h[i] + k)));
}

/** Pseudo-hours of the priors: how much data a slot needs before it moves away from its prior. */
const GROUP_DAY_K = 48;
const GROUP_HOUR_K = 100;
const BIN_DAY_K = 500;
const BIN_HOUR_K = 500;

function groupProfiles(work: BinWork[]): Map<string, Shape & { tallies: Map<BinWork, Tally> }> {
  const out = new Map<string, Shape & { tallies: Map<BinWork, Tally> }>();
  const offset = work[0]?.profile.offsetMinutes ?? 0;
  for (const w of work) {
    if (!out.has(w.group)) out.set(w.group, { day: new Array(7).fill(1), hour: new Array(24).fill(1), tallies: new Map() });
    const t = tallyOf(w, offset);
    if (t) out.get(w.group)!.tallies.set(w, t);
  }
  for (const g of out.values()) {
    const sum = (k: keyof Tally, n: number) => {
      const s = new Array<number>(n).fill(0);
      for (const t of g.tallies.values()) t[k].forEach((v, i) => (s[i] += v));
      return s;
    };
    g.day = ratio(sum('dayU', 7), sum('dayH', 7), new Array(7).fill(1), GROUP_DAY_K);
    g.hour = ratio(sum('hourU', 24), sum('hourH', 24), new Array(24).fill(1), GROUP_HOUR_K);
  }
  return out;
}

/** Hour-of-day shape from opening hours: open hours weigh 1, closed ones 2 %, mean 1. */
function openingShape(windows: readonly (readonly [number, number])[]): number[] | undefined {
  const w = new Array<number>(24).fill(0.02);
  let open = 0;
  for (let h = 0; h < 24; h++) {
    const mid = h * 3600 + 1800;
    if (windows.some(([a, b]) => mid >= a && mid < b)) {
      w[h] = 1;
      open++;
    }
  }
  if (open === 0) return undefined;
  const mean = w.reduce((a, b) => a + b, 0) / 24;
  return w.map((x) => x / mean);
}

function binProfile(w: BinWork, g: Shape & { tallies: Map<BinWork, Tally> }, offset: number): WeeklyProfile {
  const dayPrior = w.info.generation?.dayFactors?.length === 7 ? [...w.info.generation.dayFactors] : g.day;
  const hourPrior = (w.info.openingHours && openingShape(w.info.openingHours)) ?? g.hour;
  const t = g.tallies.get(w);
  if (!t) return WeeklyProfile.fromDayAndHour(dayPrior, hourPrior, offset);
  return WeeklyProfile.fromDayAndHour(ratio(t.dayU, t.dayH, dayPrior, BIN_DAY_K), ratio(t.hourU, t.hourH, hourPrior, BIN_HOUR_K), offset);
}

/** Expected fill rate from the bin's generation, % per hour (NaN when unknown). */
function expectedRate(b: ForecastBinInfo): number {
  const kg = b.generation?.kgPerDay;
  const cap = b.capacityKg;
  return typeof kg === 'number' && typeof cap === 'number' && cap > 0 && kg >= 0 ? (kg / cap) * (100 / 24) : Number.NaN;
}

/**
 * Each bin's prior rate (mean and variance): the median rate of its group's bins with a rate
 * (or of all bins, when the group has fewer than 3), scaled by the bin's expected generation
 * when known; the variance is the spread of the bins around their priors less their own
 * estimation variance (method of moments), at least (20 % of the rate)².
 */
function ratePriors(work: BinWork[]): Map<BinWork, { mean: number; variance: number }> {
  const rated = work.filter((w) => Number.isFinite(w.rate));
  const expected = new Map(work.map((w) => [w, expectedRate(w.info)]));
  const useExpected = (ws: BinWork[]) => ws.filter((w) => expected.get(w)! > 0);
  const scale = (ws: BinWork[]) => {
    const withExp = useExpected(ws);
    if (withExp.length >= 3) return { kind: 'ratio' as const, value: median(withExp.map((w) => w.rate / expected.get(w)!)) };
    if (ws.length >= 3) return { kind: 'level' as const, value: median(ws.map((w) => w.rate)) };
    return undefined;
  };
  const global = scale(rated);
  const byGroup = new Map<string, BinWork[]>();
  for (const w of rated) byGroup.set(w.group, [...(byGroup.get(w.group) ?? []), w]);
  const priorMean = (w: BinWork): number => {
    const s = scale(byGroup.get(w.group) ?? []) ?? global;
    const e = expected.get(w)!;
    if (s?.kind === 'ratio') return e > 0 ? s.value * e : (global?.kind === 'level' ? global.value : median(rated.map((x) => x.rate)));
    if (s?.kind === 'level') return s.value;
    if (e > 0) return e; // no sensor data at all: the expected generation as given
    return rated.length ? median(rated.map((x) => x.rate)) : 0;
  };
  const means = new Map(work.map((w) => [w, priorMean(w)]));
  const dev = rated.map((w) => w.rate - means.get(w)!);
  const meanVar = rated.length ? median(rated.map((w) => w.rateVar)) : 0;
  const typical = rated.length ? Math.abs(median(rated.map((w) => w.rate))) : 0;
  const spread = dev.length >= 3 ? dev.reduce((a, d) => a + d * d, 0) / (dev.length - 1) - meanVar : Number.NaN;
  const out = new Map<BinWork, { mean: number; variance: number }>();
  for (const w of work) {
    const m = means.get(w)!;
    // between-bin variance, at least (20 % of the rate)²; without data, (50 %)²
    const floor = (0.2 * Math.max(m, typical)) ** 2;
    const variance = Number.isFinite(spread) ? Math.max(spread, floor) : (0.5 * Math.max(m, typical)) ** 2;
    out.set(w, { mean: m, variance });
  }
  return out;
}

function binForecast(
  w: BinWork,
  o: { rate: number; rateSigma: number; now: number; origin: number; cycleDays: number; maxCarryHours: number; collections: { binId: string; t: number }[]; offset: number },
): BinForecast {
  const c = w.cleaned;
  const iso = (t: number) => formatTimestamp(t, o.offset);
  const base = { binId: w.info.id, ratePerDay: o.rate * 24, rateSigmaPerDay: o.rateSigma * 24, profile: w.profile };
  const lastReset = c?.resets.filter((r) => r.t <= o.now).at(-1);
  const lastGood = c?.points.at(-1);
  const known = o.collections.filter((x) => x.binId === w.info.id && x.t <= o.now).map((x) => x.t);
  const lastKnown = known.length ? Math.max(...known) : Number.NaN;
  const make = (from: number, level: number, levelSigma: number) =>
    new FillForecast({ from, asOf: o.now, level, levelSigma, ratePerHour: o.rate, rateSigma: o.rateSigma, profile: w.profile });
  const schedule = (status: BinStatus, why: string): BinForecast => {
    const since = Number.isFinite(lastKnown) ? lastKnown : o.origin - o.cycleDays * 24 * HOUR;
    const cycle = o.rate * w.profile.effectiveHours(since, o.now);
    const sigma = Number.isFinite(lastKnown) ? 2 : Math.max(2, 0.5 * cycle);
    const from = Number.isFinite(lastKnown) ? `since its emptying at ${iso(lastKnown)}` : `since an emptying assumed at ${iso(since)} (${o.cycleDays} days before the data begins)`;
    return { ...base, status, basis: 'schedule', note: `${why}: expected generation ${from}`, lastReset, lastReading: lastGood?.t ?? Number.NaN, forecast: make(since, 0, sigma) };
  };
  if (w.info.sensor === false) return schedule('no_sensor', 'no sensor');
  if (!c || !lastGood) return schedule('no_readings', 'no usable reading');
  const status: BinStatus = c.stuck.some((s) => s.current) ? 'stuck' : c.dead ? 'dead' : 'ok';
  // an emptying after the last good reading (given, or detected with no reading after it)
  if (lastReset && lastReset.t > lastGood.t) {
    return { ...base, status, basis: status === 'ok' ? 'sensor' : 'history', note: `${statusText(status)}emptied at ${iso(lastReset.t)}`, lastReset, lastReading: lastGood.t, forecast: make(lastReset.t, 0, 2) };
  }
  if (status !== 'ok' && o.now - lastGood.t > o.maxCarryHours * HOUR) return schedule(status, `${status === 'stuck' ? 'stuck' : 'dead'} sensor, last good reading more than ${o.maxCarryHours / 24} days ago`);
  // the level at the last good reading, on the line of the current cycle
  const cycle = w.cycles.at(-1) ?? [];
  const recent = cycle.slice(-24);
  const t0 = cycle[0].t;
  const x = (t: number) => w.profile.effectiveHours(t0, t);
  const full = recent.filter((p) => p.fill >= FREE_FILL).length > recent.length / 2;
  const intercept = median(recent.map((p) => p.fill - o.rate * x(p.t)));
  const level = full ? median(recent.slice(-3).map((p) => p.fill)) : intercept + o.rate * x(lastGood.t);
  const noise = Number.isFinite(w.noise) ? w.noise : recent.length >= 3 ? Math.max(0.5, robustSigma(recent.map((p) => p.fill - o.rate * x(p.t)))) : 3;
  const levelSigma = Math.max(0.5, (1.25 * noise) / Math.sqrt(Math.min(recent.length, 8)));
  const note =
    status === 'ok'
      ? `sensor: ${cycle.length} reading${cycle.length === 1 ? '' : 's'} since ${lastReset ? `the emptying at ${iso(lastReset.t)}` : 'the first reading'}`
      : `${statusText(status)}last good reading ${iso(lastGood.t)} carried forward at the bin's rate`;
  return { ...base, status, basis: status === 'ok' ? 'sensor' : 'history', note, lastReset, lastReading: lastGood.t, forecast: make(lastGood.t, Math.min(100, Math.max(0, level)), levelSigma) };
}

function statusText(s: BinStatus): string {
  return s === 'stuck' ? 'stuck sensor; ' : s === 'dead' ? 'dead sensor; ' : '';
}
