// The policy simulation on seongdong-200, a few days with tiny budgets: every bin-day is
// accounted for, the overflows agree with a recount from the ground truth, every daily plan
// passes the independent checker, and a fixed iteration budget makes the run deterministic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, tmpDirForTests } from './spawnCli.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { createMatrixProvider } from '../src/matrix/createMatrixProvider.js';
import { createDaySimulation, type DayOutcome } from '../src/simulate/daySimulation.js';
import { cachingProvider, fixedWeekdays, simulatePolicy } from '../bench/simulatePolicies.js';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../fixtures/seongdong/${f}`, import.meta.url), 'utf8'));
const scenario = parseScenario(read('seongdong-200.json'));
const map = read('map.geojson');
const matrix = cachingProvider(createMatrixProvider('road', { map }));
const base = { days: 3, seed: 4, map, matrix, maxIterations: 30 };

describe('simulatePolicy', () => {
  it('fixed schedule: 2 or 3 weekdays per café, never Sunday', () => {
    const w = fixedWeekdays(scenario);
    expect(w).toHaveLength(scenario.bins.length);
    for (const days of w) {
      expect([2, 3]).toContain(days.length);
      expect(days.every((d) => d >= 0 && d < 6)).toBe(true);
    }
    expect(w.some((d) => d.length === 3)).toBe(true);
  });

  it('each policy: plans pass the checker, figures in range, overflows and pickups match a recount from the truth rows', async () => {
    for (const policy of ['fixed', 'threshold', 'binroute'] as const) {
      const days: { planned: ReadonlySet<string>; outcome: DayOutcome }[] = [];
      const r = await simulatePolicy(scenario, policy, { ...base, onDay: (_p, _d, planned, outcome) => days.push({ planned, outcome }) });
      expect(r.violations).toBe(0);
      // every bin-day accounted for; the emptied bins are exactly the routed ones
      expect(days).toHaveLength(3);
      for (const { planned, outcome } of days) {
        expect(outcome.truth.map((t) => t.binId)).toEqual(scenario.bins.map((b) => b.id));
        expect(outcome.collections.map((c) => c.binId).sort()).toEqual([...planned].sort());
      }
      // the recount from the truth rows
      const truth = days.flatMap((d) => d.outcome.truth);
      const over = truth.filter((t) => t.overflowKg > 0);
      expect(r.overflowEvents).toBe(over.length);
      expect(r.overflowLitres).toBeCloseTo(over.reduce((a, t) => a + t.overflowKg, 0) / scenario.densityKgPerLitre, 0);
      const picked = days.flatMap((d) => d.outcome.collections);
      expect(r.pickupsPerDay).toBeCloseTo(picked.length / 3, 1);
      expect(r.binsNeverServed).toBe(scenario.bins.length - new Set(picked.map((c) => c.binId)).size);
      expect(r.meanFillAtPickup).toBeGreaterThanOrEqual(0);
      expect(r.meanFillAtPickup).toBeLessThanOrEqual(1);
      expect(r.serviceLevel).toBeCloseTo(1 - r.overflowEvents / (scenario.bins.length * 3), 4);
      expect(r.binsNeverServed).toBeLessThanOrEqual(scenario.bins.length);
      if (policy === 'fixed') expect(r.pickupsPerDay).toBeGreaterThan(0);
    }
  }, 120_000);

  it('with nothing emptied the recount of overflow is the upper bound the policies stay under', async () => {
    // independent recount: the same ground truth with no collections at all, over the 7 warm-up
    // days and the 3 measured ones (only those counted)
    const sim = createDaySimulation(scenario.bins, { start: '2026-11-02', days: 10, seed: 4, collectionHour: 12 });
    let never = 0;
    for (let d = 0; d < 10; d++) {
      const n = sim.runDay(new Set()).truth.filter((t) => t.overflowKg > 0).length;
      if (d >= 7) never += n;
    }
    const r = await simulatePolicy(scenario, 'fixed', base);
    expect(r.overflowEvents).toBeLessThanOrEqual(never);
  }, 60_000);

  it('the warm-up is not counted, and without service on Sunday nothing is planned or emptied then', async () => {
    // warm-up of 6 days from Monday 2026-11-02: measured day 0 is Sunday 2026-11-08
    for (const policy of ['threshold', 'binroute'] as const) {
      const days: { d: number; planned: ReadonlySet<string>; date: string }[] = [];
      await simulatePolicy(scenario, policy, { ...base, days: 2, warmupDays: 6, onDay: (_p, d, planned, outcome) => days.push({ d, planned, date: outcome.date }) });
      expect(days.map((x) => [x.d, x.date])).toEqual([[0, '2026-11-08'], [1, '2026-11-09']]);
      expect(days[0].planned.size).toBe(0);
      expect(days[1].planned.size).toBeGreaterThan(0);
    }
    await expect(simulatePolicy(scenario, 'fixed', { ...base, warmupDays: -1 })).rejects.toThrow(/warmupDays: expected an integer/);
  }, 60_000);

  it('is deterministic with an iteration budget', async () => {
    const a = await simulatePolicy(scenario, 'binroute', { ...base, days: 2 });
    const b = await simulatePolicy(scenario, 'binroute', { ...base, days: 2 });
    expect(b).toEqual(a);
  }, 60_000);
});

describe('binroute bench --suite simulate', () => {
  const dirOf = tmpDirForTests('simulate');
  it('writes summary.json with the three policies and the SVG; a missing scenario is exit 2 with one line', async () => {
    const dir = dirOf();
    const r = await spawnCli(['bench', '--suite', 'simulate', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--days', '2', '--iterations', '20', '--seeds', '2', '--prize-weights', '300,900', '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    for (const p of ['fixed', 'threshold', 'binroute']) {
      for (const k of ['kmPerDay', 'drivingHoursPerDay', 'pickupsPerDay', 'meanFillAtPickup', 'overflowEvents', 'overflowLitres', 'serviceLevel', 'binsNeverServed']) expect(typeof s.policies[p][k]).toBe('number');
    }
    expect(s.sweep.map((x: { prizeWeight: number }) => x.prizeWeight)).toEqual([300, 900]);
    // two seeds, and the summary is their mean
    expect(s.seeds).toEqual([1, 2]);
    expect(s.perSeed).toHaveLength(2);
    for (const p of ['fixed', 'threshold', 'binroute']) {
      const mean = (s.perSeed[0].policies[p].overflowEvents + s.perSeed[1].policies[p].overflowEvents) / 2;
      expect(s.policies[p].overflowEvents).toBeCloseTo(mean, 1);
    }
    expect(readFileSync(join(dir, 'tradeoff.svg'), 'utf8')).toMatch(/^<svg [^]*<\/svg>\n$/);
    expect(r.stdout).toMatch(/binroute/);
    const bad = await spawnCli(['bench', '--suite', 'simulate', '--scenario', 'no/such.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const badWeights = await spawnCli(['bench', '--suite', 'simulate', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--prize-weights', '300,abc']);
    expect(badWeights.code).toBe(2);
    expect(badWeights.stderr).toMatch(/--prize-weights: expected numbers/);
    expect(badWeights.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
