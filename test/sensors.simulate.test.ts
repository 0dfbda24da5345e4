// The sensor-reading simulator: deterministic, readings in range, resets after collections,
// faults behave as labelled, losses near the configured rate; and `binroute simulate`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';
import { simulationFiles } from '../src/sensors/simulationFiles.js';
import { spawnCli } from './spawnCli.js';

const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
const bins = scenario.bins.slice(0, 40);

describe('simulateReadings', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = simulateReadings(bins, { start: '2026-11-02', days: 7, seed: 3 });
    const b = simulateReadings(bins, { start: '2026-11-02', days: 7, seed: 3 });
    const c = simulateReadings(bins, { start: '2026-11-02', days: 7, seed: 4 });
    expect(b).toEqual(a);
    expect(c.readings).not.toEqual(a.readings);
  });

  it('readings are in range, hourly, only from bins with a sensor, in local Seoul time', () => {
    const sim = simulateReadings(bins, { start: '2026-11-02', days: 7, seed: 1 });
    const sensors = new Set(bins.filter((b) => b.sensor).map((b) => b.id));
    for (const r of sim.readings) {
      expect(sensors.has(r.binId)).toBe(true);
      expect(r.fillPercent).toBeGreaterThanOrEqual(0);
      expect(r.fillPercent).toBeLessThanOrEqual(100);
      expect(r.time).toMatch(/^2026-11-0[2-8]T\d\d:\d\d:00\+09:00$/);
    }
    // at most one reading per bin and hour, 7 × 24 hours
    const perBin = new Map<string, number>();
    for (const r of sim.readings) perBin.set(r.binId, (perBin.get(r.binId) ?? 0) + 1);
    for (const n of perBin.values()) expect(n).toBeLessThanOrEqual(7 * 24);
  });

  it('loses about the configured share of readings', () => {
    const sim = simulateReadings(scenario.bins, { start: '2026-11-02', days: 14, seed: 2, dropoutRate: 0.1, stuckShare: 0, deadShare: 0 });
    const expected = scenario.bins.filter((b) => b.sensor).length * 14 * 24;
    const lost = 1 - sim.readings.length / expected;
    expect(lost).toBeGreaterThan(0.08);
    expect(lost).toBeLessThan(0.12);
  });

  it('a collection empties the bin: the next reading drops (no noise, no faults)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const sim = simulateReadings(bins, { start: '2026-11-09', days: 10, seed, noisePercent: 0, dropoutRate: 0, spikeRate: 0, stuckShare: 0, deadShare: 0 });
        for (const c of sim.collections) {
          expect(c.fillPercent).toBeGreaterThanOrEqual(70);
          const next = sim.readings.find((r) => r.binId === c.binId && r.time >= c.time);
          if (next) expect(next.fillPercent).toBeLessThan(c.fillPercent / 2);
        }
        // fill never decreases between readings except at a collection
        const byBin = new Map<string, typeof sim.readings>();
        for (const r of sim.readings) byBin.set(r.binId, [...(byBin.get(r.binId) ?? []), r]);
        for (const [id, rs] of byBin) {
          for (let i = 1; i < rs.length; i++) {
            if (rs[i].fillPercent >= rs[i - 1].fillPercent) continue;
            expect(sim.collections.some((c) => c.binId === id && c.time > rs[i - 1].time && c.time <= rs[i].time)).toBe(true);
          }
        }
      }),
      { seed: 5, numRuns: 20 },
    );
  });

  it('stuck sensors repeat one value and dead ones go silent after their fault', () => {
    const sim = simulateReadings(scenario.bins, { start: '2026-11-02', days: 14, seed: 9, stuckShare: 0.2, deadShare: 0.2 });
    expect(sim.faults.some((f) => f.kind === 'stuck')).toBe(true);
    expect(sim.faults.some((f) => f.kind === 'dead')).toBe(true);
    for (const f of sim.faults) {
      const after = sim.readings.filter((r) => r.binId === f.binId && r.time > f.from);
      if (f.kind === 'dead') expect(after).toEqual([]);
      else expect(new Set(after.map((r) => r.fillPercent)).size).toBeLessThanOrEqual(1);
    }
  });

  it('rejects a bad date or day count naming the option', () => {
    expect(() => simulateReadings(bins, { start: '2026-02-30', days: 3 })).toThrow(/^start: 2026-02-30 is not a calendar date/);
    expect(() => simulateReadings(bins, { start: '2026-11-02', days: 0 })).toThrow(/^days:/);
    expect(() => simulateReadings(bins, { start: '2026-11-02', days: 3, dropoutRate: 2 })).toThrow(/^dropoutRate:/);
  });

  it('files: CSV headers and one row per reading', () => {
    const sim = simulateReadings(bins, { start: '2026-11-02', days: 2, seed: 1 });
    const files = simulationFiles(sim);
    expect(files['readings.csv'].split('\n')[0]).toBe('bin_id,timestamp,fill_percent');
    expect(files['readings.csv'].trim().split('\n')).toHaveLength(sim.readings.length + 1);
    expect(JSON.parse(files['simulation.json']).readings).toHaveLength(sim.readings.length);
  });
});

describe('binroute simulate', () => {
  it('writes the CSV files and summarises', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-sim-'));
    const r = await spawnCli(['simulate', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--start', '2026-11-02', '--days', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seongdong-200: 200 bins .* 3 days from 2026-11-02, seed 1: \d+ readings/);
    expect(readFileSync(join(out, 'readings.csv'), 'utf8')).toMatch(/^bin_id,timestamp,fill_percent\nSD-\d{4},2026-11-02T/);
  });

  it('a bad scenario file exits 2 with one line naming the field', async () => {
    const r = await spawnCli(['simulate', '--scenario', 'fixtures/vroom/seongsu-cafes.json', '--start', '2026-11-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^binroute: fixtures\/vroom\/seongsu-cafes\.json: scenario\.format: must be "binroute-scenario\/1"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
