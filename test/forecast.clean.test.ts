// Cleaning readings: emptyings found on noisy saw-tooth series between the two readings around
// them; spikes removed; stuck and dead sensors flagged — on generated series and on the
// simulator's readings against its own record of collections and faults.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanReadings } from '../src/forecast/cleanReadings.js';
import { checkReadings, type Reading } from '../src/forecast/readReadings.js';
import { median, robustSigma, spikeIndices, theilSenSlope } from '../src/forecast/robustStats.js';
import { parseTimestamp } from '../src/forecast/timestamps.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { seededRandom, normalDraw } from '../src/common/seededRandom.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2);

/** A saw-tooth series: cycles filling at their own rate, emptied to a low level; noise, losses, gaps and spikes. */
interface Saw {
  readings: Reading[];
  /** True emptying times (ms), each between two readings. */
  emptyings: number[];
  /** Times of injected spikes. */
  spikes: number[];
  /** Times of injected spikes and of readings whose noise exceeds 4 σ. */
  anomalies: number[];
}

function sawTooth(seed: number, o: { noise: number; dropout: number; spikeRate: number; cycles: number }): Saw {
  const rand = seededRandom(seed);
  const spikeRand = seededRandom(seed ^ 0x5bd1e995); // a stream of its own, so spikes do not follow the noise draws
  const readings: Reading[] = [];
  const emptyings: number[] = [];
  const spikes: number[] = [];
  const anomalies: number[] = [];
  let lastSpike = Number.NEGATIVE_INFINITY;
  let hour = 0;
  let fill = rand() * 10;
  for (let c = 0; c < o.cycles; c++) {
    const rate = 0.3 + rand() * 1.7; // % per hour
    const top = 45 + rand() * 50; // emptied between 45 and 95 %
    while (fill < top) {
      const gap = rand() < 0.03 ? 2 + Math.floor(rand() * 5) : 1; // now and then a few hours without readings
      hour += gap;
      fill += rate * gap * (0.5 + rand());
      if (rand() < o.dropout) continue;
      const t = T0 + hour * HOUR + Math.floor(rand() * 50) * 60_000;
      const z = normalDraw(rand);
      let v = Math.min(100, Math.max(0, fill + o.noise * z));
      if (Math.abs(z) > 4) anomalies.push(t);
      // isolated spikes: none within 4 readings of the last one
      if (spikeRand() < o.spikeRate && !(readings.length - lastSpike <= 4)) {
        lastSpike = readings.length;
        v = fill < 60 ? 100 : 0;
        spikes.push(t);
        anomalies.push(t);
      }
      readings.push({ binId: 'B', t, fillPercent: Math.round(v * 10) / 10, row: readings.length });
    }
    // emptied between this reading and the next
    const at = T0 + (hour + 1) * HOUR - 1;
    if (c < o.cycles - 1) emptyings.push(at);
    fill = rand() * 5;
  }
  return { readings, emptyings, spikes, anomalies };
}

describe('robust statistics', () => {
  it('median, robust sigma and Theil–Sen resist a minority of wild points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -5, max: 5, noNaN: true }), (seed, slope) => {
        const rand = seededRandom(seed);
        const x = Array.from({ length: 40 }, (_, i) => i);
        const y = x.map((v) => 3 + slope * v + 0.1 * normalDraw(rand));
        for (let k = 0; k < 6; k++) y[Math.floor(rand() * 40)] = 1000 * (rand() - 0.5); // 15 % wild
        expect(Math.abs(theilSenSlope(x, y) - slope)).toBeLessThan(0.05);
        expect(robustSigma(x.map((v, i) => y[i] - slope * v - 3))).toBeLessThan(0.5);
      }),
      { seed: 3, numRuns: 50 },
    );
    expect(median([])).toBeNaN();
  });

  it('spikeIndices finds a spike beside a step and leaves the step alone', () => {
    expect(spikeIndices([80, 81, 82, 100, 2, 3, 4], 3, 4, 1)).toEqual([3]);
    expect(spikeIndices([80, 81, 82, 83, 2, 3, 4], 3, 4, 1)).toEqual([]);
    // a drop at the very end is kept (an emptying until more readings come); a jump up is not
    expect(spikeIndices([50, 51, 52, 53, 2], 3, 4, 1)).toEqual([]);
    expect(spikeIndices([50, 51, 52, 53, 99], 3, 4, 1)).toEqual([4]);
  });
});

describe('cleanReadings on saw-tooth series', () => {
  it('finds every emptying between the two readings around it, and nothing else (noise ≤ 4 points, bins emptied from 45–95 % to below 5 %)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 0.15, noNaN: true }), (seed, noise, dropout) => {
        const saw = sawTooth(seed, { noise, dropout, spikeRate: 0, cycles: 5 });
        const c = cleanReadings(saw.readings).get('B')!;
        expect(c.resets).toHaveLength(saw.emptyings.length);
        c.resets.forEach((r, i) => {
          expect(r.from).toBeLessThan(saw.emptyings[i]);
          expect(r.t).toBeGreaterThan(saw.emptyings[i]);
          expect(r.before - r.after).toBeGreaterThanOrEqual(15);
        });
      }),
      { seed: 21, numRuns: 150 },
    );
  });

  it('with isolated spikes (3 % of readings, up to 100 or down to 0): they are removed; an emptying is found between the right two readings, or at most two readings off when a spike or a reading with noise beyond 4 σ lies within two readings of it (where either reading may be the odd one)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const saw = sawTooth(seed, { noise: 3, dropout: 0.05, spikeRate: 0.03, cycles: 5 });
        // a drop at the very last reading is an emptying until more readings come (documented): no spike there
        while (saw.spikes.includes(saw.readings[saw.readings.length - 1].t)) saw.spikes.splice(saw.spikes.indexOf(saw.readings.pop()!.t), 1);
        const c = cleanReadings(saw.readings).get('B')!;
        const times = saw.readings.map((r) => r.t);
        const idx = (t: number) => times.findIndex((x) => x >= t); // first reading at or after t
        expect(c.resets).toHaveLength(saw.emptyings.length);
        c.resets.forEach((r, i) => {
          const k = idx(saw.emptyings[i]);
          const spikeBeside = saw.anomalies.some((s) => Math.abs(idx(s) - k) <= 2);
          const off = Math.abs(idx(r.t) - k);
          expect(off).toBeLessThanOrEqual(spikeBeside ? 2 : 0);
        });
        // every spike is gone unless it sits beside an emptying; at most 1 % of the good readings are lost
        const removed = new Set(c.spikes.map((p) => p.t));
        const spikeSet = new Set(saw.spikes);
        for (const s of saw.spikes) {
          const beside = saw.emptyings.some((e) => Math.abs(idx(s) - idx(e)) <= 2);
          if (!beside) expect(removed.has(s)).toBe(true);
        }
        const goodLost = c.spikes.filter((p) => !spikeSet.has(p.t)).length;
        expect(goodLost).toBeLessThanOrEqual(Math.ceil(0.01 * saw.readings.length));
      }),
      { seed: 22, numRuns: 100 },
    );
  });

  it('gaps are listed; no stuck or dead flag on a live, noisy sensor', () => {
    const saw = sawTooth(5, { noise: 2, dropout: 0.05, spikeRate: 0, cycles: 4 });
    const c = cleanReadings(saw.readings).get('B')!;
    expect(c.stuck).toEqual([]);
    expect(c.dead).toBe(false);
    const longPauses = saw.readings.slice(1).filter((r, i) => r.t - saw.readings[i].t > Math.max(3, 3 * c.intervalHours) * HOUR).length;
    expect(longPauses).toBeGreaterThan(0);
    expect(c.gaps).toHaveLength(longPauses);
    expect(c.intervalHours).toBeGreaterThan(0.9);
    expect(c.intervalHours).toBeLessThan(1.1);
  });

  it('a sensor repeating one value for a day is stuck; one silent for 12 h before now is dead', () => {
    const base = sawTooth(7, { noise: 2, dropout: 0, spikeRate: 0, cycles: 2 }).readings;
    const last = base[base.length - 1];
    const repeats = Array.from({ length: 30 }, (_, k) => ({ ...last, t: last.t + (k + 1) * HOUR }));
    const c = cleanReadings([...base, ...repeats]).get('B')!;
    expect(c.stuck).toEqual([{ from: repeats[0].t, to: repeats[29].t, fill: last.fillPercent, current: true }]);
    expect(c.points.at(-1)!.t).toBe(last.t);
    // shorter than stuckHours: not stuck
    expect(cleanReadings([...base, ...repeats.slice(0, 20)]).get('B')!.stuck).toEqual([]);
    // a full bin reads 100 for long: not stuck
    const full = [...base, ...repeats.map((r) => ({ ...r, fillPercent: 100 }))];
    expect(cleanReadings(full).get('B')!.stuck).toEqual([]);
    expect(cleanReadings(base, { now: last.t + 11 * HOUR }).get('B')!.dead).toBe(false);
    expect(cleanReadings(base, { now: last.t + 13 * HOUR }).get('B')!.dead).toBe(true);
  });

  it('given collections are the resets, with the levels around them', () => {
    const saw = sawTooth(9, { noise: 1, dropout: 0, spikeRate: 0, cycles: 3 });
    const c = cleanReadings(saw.readings, { collections: saw.emptyings.map((t) => ({ binId: 'B', t })) }).get('B')!;
    expect(c.resets.map((r) => r.t)).toEqual(saw.emptyings);
    for (const r of c.resets) {
      expect(r.source).toBe('given');
      expect(r.before - r.after).toBeGreaterThan(20);
    }
  });
});

describe('cleanReadings on simulated readings', () => {
  const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
  const sim = simulateReadings(scenario.bins, { start: '2026-11-02', days: 28, seed: 7, stuckShare: 0.06, deadShare: 0.04 });
  const end = parseTimestamp('2026-11-30T00:00:00+09:00')!.ms;
  const cleaned = cleanReadings(checkReadings(sim.readings).readings, { now: end });
  const ms = (s: string) => parseTimestamp(s)!.ms;

  it('finds ≥ 99 % of the collections between the two readings around them, with ≤ 1 % extra resets', () => {
    const faultAt = new Map(sim.faults.map((f) => [f.binId, ms(f.from)]));
    let total = 0;
    let found = 0;
    let extra = 0;
    let detected = 0;
    for (const [id, c] of cleaned) {
      const until = faultAt.get(id) ?? end;
      const mine = sim.collections.filter((x) => x.binId === id).map((x) => ms(x.time)).filter((t) => t > c.points[0].t && t < until - 3 * HOUR);
      const matched = new Set<number>();
      for (const t of mine) {
        total++;
        const k = c.resets.findIndex((r) => r.from < t && t <= r.t);
        if (k >= 0) {
          found++;
          matched.add(k);
        }
      }
      const inRange = c.resets.filter((r) => r.t < until - 3 * HOUR);
      detected += inRange.length;
      extra += inRange.filter((r) => !matched.has(c.resets.indexOf(r))).length;
    }
    expect(total).toBeGreaterThan(500);
    expect(found / total).toBeGreaterThanOrEqual(0.99);
    expect(extra / detected).toBeLessThanOrEqual(0.01);
  });

  it('flags the injected faults: stuck sensors (a day of repeats below 100 %) and dead ones', () => {
    const stuck = sim.faults.filter((f) => f.kind === 'stuck');
    const dead = sim.faults.filter((f) => f.kind === 'dead');
    expect(stuck.length).toBeGreaterThan(3);
    expect(dead.length).toBeGreaterThan(3);
    for (const f of stuck) {
      const c = cleaned.get(f.binId)!;
      const repeats = sim.readings.filter((r) => r.binId === f.binId && ms(r.time) > ms(f.from));
      const span = repeats.length ? ms(repeats[repeats.length - 1].time) - ms(f.from) : 0;
      if (span >= 25 * HOUR && repeats.length >= 7 && repeats[0].fillPercent < 100) expect(c.stuck.at(-1)?.current).toBe(true);
    }
    for (const f of dead) {
      const c = cleaned.get(f.binId);
      if (end - ms(f.from) > 13 * HOUR) expect(c === undefined || c.dead).toBe(true);
    }
    // and no live sensor is flagged
    const faulty = new Set(sim.faults.map((f) => f.binId));
    for (const [id, c] of cleaned) if (!faulty.has(id)) expect([c.dead, c.stuck.length]).toEqual([false, 0]);
  });
});
