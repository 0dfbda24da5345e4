// The forecast: its distribution's promises (monotone in time, quantiles ordered, P(overflow)
// in [0, 1] and non-decreasing), the weekly profile, shrinkage toward similar bins, fallbacks,
// and accuracy against the simulator's true fill.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, normalDraw } from '../src/common/seededRandom.js';
import { FillForecast } from '../src/forecast/FillForecast.js';
import { forecastBins, type ForecastBinInfo } from '../src/forecast/forecastBins.js';
import { parseTimestamp } from '../src/forecast/timestamps.js';
import { WeeklyProfile } from '../src/forecast/WeeklyProfile.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';
import type { ReadingInput } from '../src/forecast/readReadings.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2); // a Monday
const ms = (s: string) => parseTimestamp(s)!.ms;

const profileArb = fc.oneof(
  fc.constant(WeeklyProfile.flat()),
  fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 168, maxLength: 168 }).map((f) => new WeeklyProfile(f, 540)),
);
const stateArb = fc.record({
  level: fc.double({ min: 0, max: 120, noNaN: true }),
  levelSigma: fc.double({ min: 0, max: 20, noNaN: true }),
  ratePerHour: fc.double({ min: 0, max: 5, noNaN: true }),
  rateSigma: fc.double({ min: 0, max: 3, noNaN: true }),
  lagHours: fc.double({ min: 0, max: 100, noNaN: true }),
  profile: profileArb,
});
const forecastOf = (s: { level: number; levelSigma: number; ratePerHour: number; rateSigma: number; lagHours: number; profile: WeeklyProfile }) =>
  new FillForecast({ from: T0, asOf: T0 + s.lagHours * HOUR, level: s.level, levelSigma: s.levelSigma, ratePerHour: s.ratePerHour, rateSigma: s.rateSigma, profile: s.profile });

describe('FillForecast', () => {
  it('the forecast and every quantile are monotone in time; quantiles are ordered; the median is fillAt', () => {
    fc.assert(
      fc.property(stateArb, fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 5 }), (s, hours, qs) => {
        const f = forecastOf(s);
        const ts = hours.map((h) => T0 + h * HOUR).sort((a, b) => a - b);
        const sortedQ = [...qs].sort((a, b) => a - b);
        for (let i = 1; i < ts.length; i++) {
          expect(f.fillAt(ts[i])).toBeGreaterThanOrEqual(f.fillAt(ts[i - 1]) - 1e-9);
          for (const q of sortedQ) expect(f.quantile(ts[i], q)).toBeGreaterThanOrEqual(f.quantile(ts[i - 1], q) - 1e-9);
        }
        for (const t of ts) {
          for (let k = 1; k < sortedQ.length; k++) expect(f.quantile(t, sortedQ[k])).toBeGreaterThanOrEqual(f.quantile(t, sortedQ[k - 1]) - 1e-9);
          expect(f.quantile(t, 0.5)).toBeCloseTo(f.fillAt(t), 9);
          expect(f.fillAt(t)).toBeGreaterThanOrEqual(0);
          expect(f.fillAt(t)).toBeLessThanOrEqual(100);
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it('P(overflow before t) is in [0, 1], non-decreasing in t, and agrees with the quantiles', () => {
    fc.assert(
      fc.property(stateArb, fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 2, maxLength: 6 }), (s, hours) => {
        const f = forecastOf(s);
        const ts = hours.map((h) => T0 + h * HOUR).sort((a, b) => a - b);
        let prev = 0;
        for (const t of ts) {
          const p = f.pOverflow(t);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(p).toBeGreaterThanOrEqual(prev - 1e-12);
          prev = p;
          // the (1 − p − ε)-quantile is below 100 and the (1 − p + ε)-quantile at 100
          if (p > 0.02 && p < 0.98) {
            expect(f.quantile(t, 1 - p - 0.01)).toBeLessThan(100);
            expect(f.quantile(t, 1 - p + 0.01)).toBe(100);
          }
        }
      }),
      { seed: 32, numRuns: 300 },
    );
  });

  it('fullAt(q) is when the q-quantile reaches 100 %', () => {
    fc.assert(
      fc.property(stateArb.filter((s) => s.ratePerHour > 0.05), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (s, q) => {
        const f = forecastOf(s);
        const t = f.fullAt(q);
        if (!Number.isFinite(t)) return;
        expect(f.quantile(t + 60_000, q)).toBeGreaterThan(99.9);
        if (t > f.state.asOf + HOUR) expect(f.quantile(t - HOUR, q)).toBeLessThan(100);
      }),
      { seed: 33, numRuns: 200 },
    );
  });

  it('refuses a probability outside (0, 1) and an unreadable time', () => {
    const f = new FillForecast({ from: T0, asOf: T0, level: 10, levelSigma: 1, ratePerHour: 1, rateSigma: 0.1, profile: WeeklyProfile.flat() });
    expect(() => f.quantile(T0, 1)).toThrow(/^q: expected a probability strictly between 0 and 1/);
    expect(() => f.fillAt('soon')).toThrow(/^time: cannot read "soon"/);
  });
});

describe('WeeklyProfile', () => {
  it('effective hours add up, count 168 per week, and `after` inverts them', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (p, a, b) => {
        const [x, y] = [T0 + a * 60_000 * 17, T0 + b * 60_000 * 17];
        expect(p.effectiveHours(x, y) + p.effectiveHours(y, x + 168 * HOUR)).toBeCloseTo(168, 6);
        expect(p.effectiveHours(x, x + 168 * HOUR)).toBeCloseTo(168, 6);
        const h = Math.abs(p.effectiveHours(x, y));
        if (h > 0.01) expect(p.effectiveHours(x, p.after(x, h))).toBeCloseTo(h, 3);
      }),
      { seed: 34, numRuns: 200 },
    );
    expect(WeeklyProfile.flat().effectiveHours(0, 5 * HOUR)).toBeCloseTo(5, 12);
  });

  it('a day and hour shape: Saturday twice a weekday, nothing at night', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 1 : 0));
    const p = WeeklyProfile.fromDayAndHour([1, 1, 1, 1, 1, 2, 1], hours, 540);
    const mon = ms('2026-11-02T00:00:00+09:00');
    const sat = ms('2026-11-07T00:00:00+09:00');
    expect(p.effectiveHours(sat, sat + 24 * HOUR)).toBeCloseTo(2 * p.effectiveHours(mon, mon + 24 * HOUR), 9);
    expect(p.effectiveHours(mon, mon + 8 * HOUR)).toBe(0);
  });
});

/** Bins filling at known rates (% per hour) with a weekly shape, hourly noisy readings, emptied at 80 %. */
function synthetic(rates: number[], hours: number, o: { noise?: number; weekend?: number; seed?: number } = {}): ReadingInput[] {
  const rand = seededRandom(o.seed ?? 1);
  const out: ReadingInput[] = [];
  rates.forEach((rate, b) => {
    let fill = rand() * 40;
    for (let h = 0; h < hours; h++) {
      const day = Math.floor(h / 24) % 7; // T0 is a Monday (UTC)
      fill += rate * (day >= 5 ? (o.weekend ?? 1) : 1);
      if (fill >= 80) fill = 0;
      out.push({ binId: `B${String(b).padStart(3, '0')}`, time: T0 + h * HOUR + 60_000 * b, fillPercent: Math.round(Math.max(0, fill + (o.noise ?? 2) * normalDraw(rand)) * 10) / 10 });
    }
  });
  return out;
}

describe('forecastBins', () => {
  it('learns each bin’s rate; bins with little history shrink toward their group', () => {
    const steady = synthetic(Array.from({ length: 20 }, (_, i) => 0.8 + 0.02 * i), 24 * 14, { seed: 2 }); // 0.8–1.18 %/h
    const newcomer = synthetic([3], 24 * 14, { seed: 3 }).map((r) => ({ ...r, binId: 'NEW' }));
    const now = T0 + 14 * 24 * HOUR;
    const long = forecastBins([...steady, ...newcomer], undefined, { now });
    const short = forecastBins([...steady, ...newcomer.slice(-10)], undefined, { now });
    for (let i = 0; i < 20; i++) expect(long.get(`B${String(i).padStart(3, '0')}`)!.ratePerDay / 24).toBeCloseTo(0.8 + 0.02 * i, 1);
    // two weeks of its own readings: within 10 % of its own rate, though three times its group's
    expect(Math.abs(long.get('NEW')!.ratePerDay / 24 - 3)).toBeLessThan(0.3);
    const shrunk = short.get('NEW')!.ratePerDay / 24;
    expect(shrunk).toBeGreaterThan(1.2);
    expect(shrunk).toBeLessThan(2.9);
    expect(short.get('NEW')!.rateSigmaPerDay).toBeGreaterThan(long.get('NEW')!.rateSigmaPerDay);
  });

  it('learns a weekend effect without being told', () => {
    const readings = synthetic(Array.from({ length: 15 }, () => 0.6), 24 * 28, { weekend: 2.5, seed: 4 });
    const r = forecastBins(readings, undefined, { now: T0 + 28 * 24 * HOUR });
    const p = r.bins[0].profile;
    const mon = T0 + 28 * 24 * HOUR; // a Monday
    const sat = mon + 5 * 24 * HOUR;
    const ratio = p.effectiveHours(sat, sat + 24 * HOUR) / p.effectiveHours(mon, mon + 24 * HOUR);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(3);
  });

  it('every bin is reported, and bins without a working sensor say so', () => {
    const bins: ForecastBinInfo[] = [{ id: 'A' }, { id: 'B', sensor: false, capacityKg: 30, generation: { kgPerDay: 3, dayFactors: [1, 1, 1, 1, 1, 1, 1] } }, { id: 'C' }, { id: 'D' }];
    const a = synthetic([1], 48, { seed: 5 });
    const c = synthetic([1], 24, { seed: 6 }).map((r) => ({ ...r, binId: 'C' }));
    const now = T0 + 48 * HOUR;
    const r = forecastBins([...a.map((x) => ({ ...x, binId: 'A' })), ...c], bins, { now });
    expect(r.bins.map((b) => [b.binId, b.status, b.basis])).toEqual([
      ['A', 'ok', 'sensor'],
      ['B', 'no_sensor', 'schedule'],
      ['C', 'dead', 'history'],
      ['D', 'no_readings', 'schedule'],
    ]);
    // the schedule estimate of B: 3 kg/day of 30 kg since an emptying assumed 2 days (the
    // default cycle) before the data begins at T0, read 2 days after T0: 4 days × 10 % = 40 %
    expect(r.get('B')!.forecast.fillAt(now)).toBeCloseTo(40, 6);
    expect(r.get('B')!.ratePerDay).toBeCloseTo(10, 6);
    // the assumed emptying does not slide with `now`: a day later the bin is a day fuller
    const later = forecastBins([...a.map((x) => ({ ...x, binId: 'A' })), ...c], bins, { now: now + 24 * HOUR });
    expect(later.get('B')!.forecast.fillAt(now + 24 * HOUR)).toBeCloseTo(50, 6);
    // a known emptying replaces the assumption
    const known = forecastBins([...a.map((x) => ({ ...x, binId: 'A' })), ...c], bins, { now, collections: [{ binId: 'B', time: now - 12 * HOUR }] });
    // (about 5 %: given collections replace reset detection, which moves the group's rate a little)
    expect(known.get('B')!.forecast.fillAt(now)).toBeCloseTo(5, 1);
    for (const b of r.bins) expect(b.note.length).toBeGreaterThan(5);
  });

  it('rejects bad options and bins with a clear InputError', () => {
    const readings = synthetic([1], 24);
    expect(() => forecastBins(readings, undefined, { now: 'tomorrow' })).toThrow(/^now: cannot read "tomorrow"/);
    expect(() => forecastBins(readings, undefined, { cycleDays: -1 })).toThrow(/^cycleDays: expected a positive number/);
    expect(() => forecastBins(readings, [{ id: 'B000' }, { id: 'B000' }])).toThrow(/^bins\[1\]\.id: B000 appears twice/);
    expect(() => forecastBins([], [{ id: 'X' }])).toThrow(/^now: required when there are no readings/);
    expect(() => forecastBins(readings, undefined, { collections: [{ binId: 'B000', time: 'x' }] })).toThrow(/^collections\[0\]\.time/);
  });

  describe('against the simulator', () => {
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
    const bins = scenario.bins.slice(0, 100);
    const sim = simulateReadings(bins, { start: '2026-11-02', days: 28, seed: 5 });
    const truth = new Map(sim.truth.map((t) => [`${t.binId}|${t.date}`, t.fillPercent]));
    const days = ['2026-11-10', '2026-11-14', '2026-11-18', '2026-11-22', '2026-11-26'];
    // forecasts at 12:00 (after the 10:00 round) of the fill at midnight, 12 h ahead
    const runs = days.map((day) => ({ day, res: forecastBins(sim.readings, bins, { now: `${day}T12:00:00+09:00` }), resKnown: forecastBins(sim.readings, bins, { now: `${day}T12:00:00+09:00`, collections: sim.collections }) }));
    const at = (day: string) => `${day}T23:59:59+09:00`;

    it('sensor bins: MAE of the fill at midnight ≤ 3.5 points and at most half that of the last reading', () => {
      const err: number[] = [];
      const naive: number[] = [];
      for (const { day, res } of runs) {
        for (const b of res.bins) {
          if (b.basis !== 'sensor') continue;
          const y = truth.get(`${b.binId}|${day}`)!;
          err.push(Math.abs(b.forecast.fillAt(at(day)) - y));
          const last = res.cleaned.get(b.binId)!.points.filter((p) => p.t <= res.asOf).at(-1)!;
          naive.push(Math.abs(last.fill - y));
        }
      }
      const mae = err.reduce((a, x) => a + x, 0) / err.length;
      const naiveMae = naive.reduce((a, x) => a + x, 0) / naive.length;
      expect(err.length).toBeGreaterThan(300);
      expect(mae).toBeLessThan(3.5);
      expect(mae).toBeLessThan(naiveMae / 2);
    });

    it('the 10–90 % band holds the truth 70–90 % of the time (sensor bins)', () => {
      let inside = 0;
      let n = 0;
      for (const { day, res } of runs) {
        for (const b of res.bins) {
          if (b.basis !== 'sensor') continue;
          const y = truth.get(`${b.binId}|${day}`)!;
          n++;
          if (y >= b.forecast.quantile(at(day), 0.1) - 0.05 && y <= b.forecast.quantile(at(day), 0.9) + 0.05) inside++;
        }
      }
      expect(inside / n).toBeGreaterThan(0.7);
      expect(inside / n).toBeLessThan(0.9);
    });

    it('bins without a sensor: schedule-based, and with the collections known MAE ≤ 7 points', () => {
      const err: number[] = [];
      for (const { day, resKnown } of runs) {
        for (const b of resKnown.bins) {
          if (b.status !== 'no_sensor') continue;
          expect(b.basis).toBe('schedule');
          err.push(Math.abs(b.forecast.fillAt(at(day)) - truth.get(`${b.binId}|${day}`)!));
        }
      }
      expect(err.length).toBeGreaterThan(50);
      expect(err.reduce((a, x) => a + x, 0) / err.length).toBeLessThan(7);
    });

    it('faulty sensors get their status from the day their fault shows', () => {
      const last = runs[runs.length - 1].res;
      for (const f of sim.faults) {
        const b = last.get(f.binId)!;
        const since = last.asOf - ms(f.from);
        if (f.kind === 'dead' && since > 13 * HOUR) expect(b.status).toBe('dead');
        if (f.kind === 'stuck' && since > 30 * HOUR) expect(b.status).toBe('stuck');
        if (b.status !== 'ok') expect(b.basis).not.toBe('sensor');
      }
      expect(last.bins).toHaveLength(bins.length);
    });
  });
});
