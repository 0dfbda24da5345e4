// Must-go / may-go / skip selection from fill forecasts, and the plan built on it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../src/io/parseScenario.js';
import { selectBins, DEFAULT_POLICY } from '../src/select/selectBins.js';
import type { ForecastResult } from '../src/forecast/forecastBins.js';
import { forecastBins } from '../src/forecast/forecastBins.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';
import { planScenario } from '../src/plan/planScenario.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import { spawnCli } from './spawnCli.js';

const root = new URL('../', import.meta.url);
const scenario = parseScenario(JSON.parse(readFileSync(new URL('fixtures/seongdong/seongdong-200.json', root), 'utf8')));
const map = JSON.parse(readFileSync(new URL('fixtures/seongdong/map.geojson', root), 'utf8'));

/** A forecast result whose bins have the given fill at pickup and overflow risk. */
function fakeForecasts(values: Map<string, { fill: number; risk: number }>): ForecastResult {
  const get = (id: string) => {
    const v = values.get(id);
    return v ? ({ binId: id, status: 'ok', basis: 'sensor', forecast: { fillAt: () => v.fill, pOverflow: () => v.risk } } as never) : undefined;
  };
  return { get } as unknown as ForecastResult;
}

describe('selectBins', () => {
  it('every bin once, in order; must iff the risk reaches the threshold; may iff risky or full enough; prizes grow with risk and fill', () => {
    const bins = scenario.bins.slice(0, 30);
    fc.assert(
      fc.property(
        fc.array(fc.record({ fill: fc.double({ min: 0, max: 100, noNaN: true }), risk: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 30, maxLength: 30 }),
        fc.record({
          mustGoRisk: fc.double({ min: 0.01, max: 1, noNaN: true }),
          mayGoMinRisk: fc.double({ min: 0, max: 1, noNaN: true }),
          mayGoMinFill: fc.double({ min: 0, max: 100, noNaN: true }),
          fillWeight: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        (vals, policy) => {
          const f = fakeForecasts(new Map(bins.map((b, i) => [b.id, vals[i]])));
          const out = selectBins(bins, f, '2026-11-23', scenario.densityKgPerLitre, policy);
          expect(out.map((c) => c.binId)).toEqual(bins.map((b) => b.id));
          out.forEach((c, i) => {
            const { fill, risk } = vals[i];
            expect(c.decision).toBe(risk >= policy.mustGoRisk ? 'must' : fill >= policy.mayGoMinFill || risk >= policy.mayGoMinRisk ? 'may' : 'skip');
            expect(c.litres).toBeLessThanOrEqual(bins[i].capacityLitres + 1e-9);
            expect(c.kg).toBeCloseTo(c.litres * scenario.densityKgPerLitre, 9);
            expect(c.reason.length).toBeGreaterThan(10);
            if (c.decision === 'may') expect(c.prize).toBe(Math.round(DEFAULT_POLICY.prizeWeight * (risk + (policy.fillWeight * fill) / 100)));
            else expect(c.prize).toBeUndefined();
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the risk is read at the next service day: Saturday looks to Monday, unless Sunday is a service day', () => {
    const asked: string[] = [];
    const f = { get: (id: string) => ({ binId: id, status: 'ok', basis: 'sensor', forecast: { fillAt: () => 50, pOverflow: (t: string) => (asked.push(t), 0) } }) } as unknown as ForecastResult;
    const bins = scenario.bins.slice(0, 1);
    selectBins(bins, f, '2026-11-28', 0.6); // a Saturday
    selectBins(bins, f, '2026-11-28', 0.6, { serviceDays: [0, 1, 2, 3, 4, 5, 6] });
    selectBins(bins, f, '2026-11-25', 0.6); // a Wednesday
    selectBins(bins, f, '2026-11-27', 0.6, { serviceDays: [0, 4] }); // Friday → Monday
    expect(asked).toEqual(['2026-11-30T12:00:00+09:00', '2026-11-29T12:00:00+09:00', '2026-11-26T12:00:00+09:00', '2026-11-30T12:00:00+09:00']);
    expect(() => selectBins(bins, f, '2026-11-28', 0.6, { serviceDays: [] })).toThrow(/policy\.serviceDays: expected distinct weekdays/);
    expect(() => selectBins(bins, f, '2026-11-28', 0.6, { serviceDays: [7] })).toThrow(/policy\.serviceDays/);
  });

  it('bad policies and a bin without a forecast are InputErrors naming the field', () => {
    const f = fakeForecasts(new Map([[scenario.bins[0].id, { fill: 10, risk: 0 }]]));
    expect(() => selectBins(scenario.bins.slice(0, 1), f, '2026-11-23', 0.6, { mustGoRisk: 2 })).toThrow(/policy\.mustGoRisk: expected a number from 0 to 1/);
    expect(() => selectBins(scenario.bins.slice(0, 2), f, '2026-11-23', 0.6)).toThrow(/bins\[1\]: no forecast for bin/);
    expect(() => selectBins(scenario.bins.slice(0, 1), f, '23.11.2026', 0.6)).toThrow(/date: expected a calendar date/);
  });
});

describe('a plan from sensor readings', () => {
  it('seongdong-200 after two simulated weeks: every bin once (routed, unassigned with a reason, or skipped with a reason), must-go bins routed or unassigned with a reason, checker-valid', async () => {
    const sim = simulateReadings(scenario.bins, { start: '2026-11-09', days: 14, seed: 3 });
    const forecasts = forecastBins(sim.readings, scenario.bins, { now: '2026-11-23T07:00:00+09:00', utcOffsetMinutes: 540 });
    const selection = selectBins(scenario.bins, forecasts, '2026-11-23', scenario.densityKgPerLitre);
    const counts = { must: 0, may: 0, skip: 0 };
    for (const c of selection) counts[c.decision]++;
    expect(counts.must).toBeGreaterThan(0);
    expect(counts.skip).toBeGreaterThan(0);
    const plan = await planScenario(scenario, { date: '2026-11-23', map, selection, solve: { maxIterations: 300, seed: 1 } });
    const routed = plan.output.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => scenario.bins[s.id! - 1].id));
    const unassigned = plan.output.unassigned.map((u) => scenario.bins[u.id - 1].id);
    const skipped = plan.skipped.map((s) => s.bin);
    expect([...routed, ...unassigned, ...skipped].sort()).toEqual(scenario.bins.map((b) => b.id).sort());
    for (const u of plan.output.unassigned) expect(u.reason).toBeTruthy();
    for (const s of plan.skipped) expect(s.reason).toMatch(/can wait/);
    const mustIds = new Set(selection.filter((c) => c.decision === 'must').map((c) => c.binId));
    for (const id of mustIds) expect(routed.includes(id) || unassigned.includes(id), id).toBe(true);
    // a may-go bin is an optional job with its prize; a skipped bin is no job
    const jobs = new Map(plan.vroom.jobs!.map((j) => [scenario.bins[j.id - 1].id, j]));
    for (const c of selection) {
      if (c.decision === 'skip') expect(jobs.has(c.binId)).toBe(false);
      else if (c.decision === 'may') expect(jobs.get(c.binId)!.prize).toBe(c.prize);
      else expect(jobs.get(c.binId)!.prize).toBeUndefined();
    }
    expect(checkCollectionSolution(plan.problem, plan.solution).violations).toEqual([]);
    // the key figures, recomputed here from the output and the selection
    const k = plan.kpis;
    expect(k.pickups).toBe(routed.length);
    expect(k.km).toBeCloseTo(plan.output.routes.reduce((a, r) => a + r.distance, 0) / 1000, 6);
    const truckKm = plan.output.routes.filter((r) => scenario.fleet[r.vehicle - 1].profile === 'truck').reduce((a, r) => a + r.distance / 1000, 0);
    expect(k.co2Kg).toBeCloseTo(0.2 * truckKm, 6);
    const fills = routed.map((id) => selection.find((c) => c.binId === id)!.fill);
    expect(k.meanFillAtPickup).toBeCloseTo(fills.reduce((a, b) => a + b, 0) / fills.length, 6);
    const left = selection.filter((c) => !routed.includes(c.binId)).reduce((a, c) => a + c.risk, 0);
    expect(k.expectedOverflowsLeft).toBeCloseTo(left, 6);
  }, 120_000);

  it('plan(): readings in, every bin once (route, skipped or unassigned), predicted fill at each stop, clear errors', async () => {
    const { plan } = await import('../src/plan/plan.js');
    const sim = simulateReadings(scenario.bins, { start: '2026-11-09', days: 14, seed: 5 });
    const day = await plan(
      { bins: scenario.bins, readings: sim.readings, depots: scenario.depots, hubs: scenario.hubs, vehicles: scenario.fleet, date: '2026-11-23', densityKgPerLitre: scenario.densityKgPerLitre },
      { map, solve: { maxIterations: 200, seed: 2 } },
    );
    const ids = [...day.routes.flatMap((r) => r.stops.map((s) => s.binId)), ...day.skipped.map((s) => s.binId), ...day.unassigned.map((u) => u.binId)];
    expect(ids.sort()).toEqual(scenario.bins.map((b) => b.id).sort());
    for (const r of day.routes) for (const s of r.stops) expect(s.predictedFill).toBe(day.selection.find((c) => c.binId === s.binId)!.fill);
    expect(day.kpis.pickups).toBe(day.routes.reduce((a, r) => a + r.stops.length, 0));
    expect(checkCollectionSolution(day.details.problem, day.details.solution).violations).toEqual([]);
    // a bad vehicle is one InputError naming the field
    const bad = { bins: scenario.bins, readings: sim.readings, depots: scenario.depots, hubs: scenario.hubs, vehicles: [{ ...scenario.fleet[0], hubs: ['nowhere'] }], date: '2026-11-23' };
    await expect(plan(bad, { map, solve: { maxIterations: 10 } })).rejects.toThrow(/^vehicles\[0\]\.hubs\[0\]: names no hub/);
  }, 120_000);

  it('binroute plan --readings with a missing file: exit 2, one line naming the flag', async () => {
    const r = await spawnCli(['plan', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--date', '2026-11-23', '--readings', 'no-such-readings.csv', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^binroute: --readings: cannot read no-such-readings\.csv/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
