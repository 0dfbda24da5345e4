// The day-stepped ground truth: every bin-day has one truth row, only the bins asked for are
// emptied, each bin's fill does not depend on what happens to the others, and the shared fill
// process leaves `simulateReadings` as it was (same draws, same output).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import { createDaySimulation } from '../src/simulate/daySimulation.js';

const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
const bins = scenario.bins.slice(0, 30);
const quiet = { noisePercent: 0, dropoutRate: 0, spikeRate: 0, stuckShare: 0, deadShare: 0 };

describe('createDaySimulation', () => {
  it('one truth row per bin-day, dates in order, and it stops after the last day', () => {
    const sim = createDaySimulation(bins, { start: '2026-11-02', days: 3, seed: 1 });
    const dates: string[] = [];
    for (let d = 0; d < 3; d++) {
      const out = sim.runDay(new Set());
      expect(out.truth.map((t) => t.binId)).toEqual(bins.map((b) => b.id));
      expect(out.truth.every((t) => t.date === out.date)).toBe(true);
      dates.push(out.date);
    }
    expect(dates).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(() => sim.runDay(new Set())).toThrow(/already simulated/);
  });

  it('only the bins asked for are emptied, and their next readings drop to near zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.subarray(bins.map((b) => b.id)), (seed, chosen) => {
        const sim = createDaySimulation(bins, { start: '2026-11-02', days: 2, seed, ...quiet });
        sim.runDay(new Set());
        const before = sim.truePercent();
        const out = sim.runDay(new Set(chosen));
        expect(out.collections.map((c) => c.binId).sort()).toEqual([...chosen].sort());
        for (const c of out.collections) {
          const i = bins.findIndex((b) => b.id === c.binId);
          expect(c.fillPercent).toBeGreaterThanOrEqual(Math.round(before[i] * 10) / 10 - 0.05);
          const next = out.readings.find((r) => r.binId === c.binId && r.time > c.time);
          if (next) expect(next.fillPercent).toBeLessThan(Math.max(5, c.fillPercent / 2));
        }
      }),
      { seed: 3, numRuns: 15 },
    );
  });

  it("a bin's truth does not depend on which other bins are emptied (own random stream)", () => {
    const a = createDaySimulation(bins, { start: '2026-11-02', days: 4, seed: 7 });
    const b = createDaySimulation(bins, { start: '2026-11-02', days: 4, seed: 7 });
    const others = new Set(bins.slice(1).map((x) => x.id));
    for (let d = 0; d < 4; d++) {
      const ta = a.runDay(new Set()).truth[0];
      const tb = b.runDay(others).truth[0];
      expect(tb).toEqual(ta);
    }
  });

  it('without emptying, fill never falls and overflow only happens in a full bin', () => {
    const sim = createDaySimulation(scenario.bins, { start: '2026-11-02', days: 10, seed: 2, ...quiet });
    let last = sim.truePercent();
    let overflowDays = 0;
    for (let d = 0; d < 10; d++) {
      const out = sim.runDay(new Set());
      out.truth.forEach((t, i) => {
        expect(t.fillPercent).toBeGreaterThanOrEqual(Math.round(last[i] * 10) / 10 - 0.05);
        if (t.overflowKg > 0) {
          overflowDays++;
          expect(t.fillPercent).toBe(100);
        }
      });
      last = sim.truePercent();
    }
    expect(overflowDays).toBeGreaterThan(0); // ten days without collection must overflow somewhere
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      const sim = createDaySimulation(bins, { start: '2026-11-02', days: 3, seed });
      return [0, 1, 2].map((d) => sim.runDay(new Set(d === 1 ? [bins[0].id] : [])));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
  });

  it('rejects bad options like simulateReadings does', () => {
    expect(() => createDaySimulation(bins, { start: '2026-02-30', days: 3 })).toThrow(/calendar date/);
    expect(() => createDaySimulation(bins, { start: '2026-11-02', days: 0 })).toThrow(/days/);
  });
});
