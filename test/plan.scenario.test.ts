// A scenario's day as a routing problem (scenarioToVroom) and `binroute plan` end to end: every
// bin comes back exactly once, and the solution passes the independent checker.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import { expectedKg, scenarioToVroom } from '../src/plan/scenarioToVroom.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';
import type { Bin } from '../src/model/Scenario.js';
import { spawnCli } from './spawnCli.js';

const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));

describe('scenarioToVroom', () => {
  it('expected kg: the generation of the last cycle days (by weekday), at most the capacity', () => {
    const bin = { ...scenario.bins[0], capacityKg: 100, generation: { kgPerDay: 10, dayFactors: [1, 1, 1, 1, 1, 2, 3] } } as Bin;
    // 2026-11-23 is a Monday: Monday 1 + Sunday 3 (two days), + Saturday 2 (three days)
    expect(expectedKg(bin, '2026-11-23', 1)).toBe(10);
    expect(expectedKg(bin, '2026-11-23', 2)).toBe(40);
    expect(expectedKg(bin, '2026-11-23', 3)).toBe(60);
    expect(expectedKg({ ...bin, capacityKg: 35 }, '2026-11-23', 3)).toBe(35);
  });

  it('every bin is one job, within its vehicle’s reach, and the day solves with every bin back once', async () => {
    const vroom = scenarioToVroom(scenario, { date: '2026-11-23' });
    expect(vroom.jobs).toHaveLength(scenario.bins.length);
    expect(vroom.vehicles).toHaveLength(scenario.fleet.length);
    expect(vroom.facilities).toHaveLength(scenario.hubs.length);
    vroom.jobs!.forEach((j, k) => {
      const b = scenario.bins[k];
      expect(j.description).toContain(b.id);
      expect(j.pickup![0]).toBeLessThanOrEqual(b.capacityKg);
      expect(j.pickup![1]).toBeLessThanOrEqual(b.capacityLitres);
      for (const [a, z] of j.time_windows!) expect(z + b.serviceSeconds).toBeLessThanOrEqual(b.openingHours[0][1]);
      expect(j.time_windows![0][0]).toBe(b.openingHours[0][0]);
    });
    const problem = fromVroom(vroom);
    const sol = await solveRouting(problem, { maxIterations: 100, seed: 1 });
    expect(checkCollectionSolution(problem, sol).violations).toEqual([]);
    expect(sol.reasons.map((d) => d.job)).toEqual(sol.unassigned);
    // every vehicle that works unloads at a hub before going home
    for (const r of sol.routes) expect(r.steps.at(-2)?.type).toBe('reload');
  }, 60_000);

  it('a bad date is an InputError naming it', () => {
    expect(() => scenarioToVroom(scenario, { date: '2026-02-30' })).toThrow(/^date: expected a calendar date/);
    expect(() => scenarioToVroom(scenario, { date: '2026-11-23', cycleDays: 0 })).toThrow(/^cycleDays:/);
  });
});

describe('binroute plan', () => {
  it('writes problem.json, solution.json and routes.geojson; every bin comes back exactly once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-plan-'));
    const r = await spawnCli(['plan', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--date', '2026-11-23', '--iterations', '50', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2026-11-23: 200 bins, \d+ routes, \d+ unassigned, [\d.]+ km/);
    expect(r.stdout).toMatch(/time: build [\d.]+ s \(matrices [\d.]+ s\), solve [\d.]+ s, render [\d.]+ s, write [\d.]+ s/);
    const problem = JSON.parse(readFileSync(join(out, 'problem.json'), 'utf8'));
    const solution = JSON.parse(readFileSync(join(out, 'solution.json'), 'utf8'));
    const routed = solution.routes.flatMap((x: { steps: { type: string; id: number }[] }) => x.steps.filter((s) => s.type === 'job').map((s) => s.id));
    const left = solution.unassigned.map((u: { id: number; reason: string }) => {
      expect(u.reason).toBeTruthy();
      return u.id;
    });
    expect([...routed, ...left].sort((a, b) => a - b)).toEqual(problem.jobs.map((j: { id: number }) => j.id));
    const geo = JSON.parse(readFileSync(join(out, 'routes.geojson'), 'utf8'));
    const bins = geo.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'bin');
    expect(bins).toHaveLength(routed.length);
    for (const b of bins) expect(b.properties.fillPercent).toBeGreaterThan(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<path class="dong"/g)).toHaveLength(17); // map.geojson beside the scenario
    expect(r.stdout).toContain(`report: ${join(out, 'report.html')}`);
  });

  it('bad input exits 2 with one line naming the field', async () => {
    const date = await spawnCli(['plan', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--date', '2026-13-01']);
    expect(date.code).toBe(2);
    expect(date.stderr).toBe('binroute: date: expected a calendar date YYYY-MM-DD, got 2026-13-01 [E6002]\n');
    const file = await spawnCli(['plan', '--scenario', 'fixtures/tiny-8.vrp', '--date', '2026-11-23']);
    expect(file.code).toBe(2);
    expect(file.stderr.trim().split('\n')).toHaveLength(1);
    // a scenario with an unknown hub id and one with a bin outside the area
    const dir = mkdtempSync(join(tmpdir(), 'binroute-bad-scenario-'));
    const good = JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8'));
    for (const [name, mutate, message] of [
      ['hub.json', (s: any) => (s.fleet[2].hubs = ['hub-gangnam']), /scenario\.fleet\[2\]\.hubs\[0\]: names no hub of the scenario/],
      ['outside.json', (s: any) => (s.bins[9].location = [126.9, 37.4]), /scenario\.bins\[9\]\.location: lies outside the scenario's area/],
      ['missing.json', (s: any) => delete s.bins[4].openingHours, /scenario\.bins\[4\]\.openingHours: must be an array/],
    ] as const) {
      const s = structuredClone(good);
      mutate(s);
      writeFileSync(join(dir, name), JSON.stringify(s));
      const r = await spawnCli(['plan', '--scenario', join(dir, name), '--date', '2026-11-23']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('binroute bench --suite seongdong', () => {
  it('plans, checks and times a scenario, and writes a JSON report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-bench-sd-'));
    const r = await spawnCli(['bench', '--suite', 'seongdong', '--instances', 'seongdong-200', '--time-limit', '0.3', '--out-dir', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seongdong-200\s+1\s+200\s+\d+\s+\d+\s+[\d.]+/);
    const report = JSON.parse(readFileSync(join(out, readdirSync(out)[0]), 'utf8'));
    expect(report.format).toBe('binroute-bench-seongdong/1');
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]).toMatchObject({ scenario: 'seongdong-200', bins: 200, valid: true });
    expect(report.runs[0].buildS + report.runs[0].solveS + report.runs[0].renderS).toBeCloseTo(report.runs[0].totalS, 5);
  }, 60_000);
});

describe('size limits', () => {
  it('a scenario above 2,000 places is planned on computed arcs fitted to the road network: every bin once, checker-valid', async () => {
    const { planScenario } = await import('../src/plan/planScenario.js');
    const big = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seoul-10k.json', import.meta.url), 'utf8')));
    // the 846 district bins and 1,204 around them, with a quarter of the fleet
    const part = { ...big, bins: big.bins.slice(0, 2050), fleet: big.fleet.filter((_, i) => i % 4 === 0) };
    const map = JSON.parse(readFileSync(new URL('../fixtures/seongdong/map.geojson', import.meta.url), 'utf8'));
    // the release build of the geo core (the debug build's checks make this 2,050-stop day slow)
    const { useCoreBinary } = await import('../src/core/loadCore.js');
    useCoreBinary(readFileSync(new URL('../build/release-geo.wasm', import.meta.url)), 'geo');
    const plan = await planScenario(part, { date: '2026-11-23', map, solve: { maxIterations: 3, seed: 1 } }).finally(() =>
      useCoreBinary(readFileSync(new URL('../build/debug-geo.wasm', import.meta.url)), 'geo'),
    );
    expect(plan.problem.matrices.every((m) => m.geo !== undefined && m.durations.length === 0)).toBe(true);
    for (const p of ['bike', 'truck']) {
      const arcs = plan.vroom.matrices![p].arcs!;
      expect(arcs.detour).toBeGreaterThan(1.1);
      expect(arcs.detour).toBeLessThan(3);
      expect(arcs.speed).toBeGreaterThan(5);
    }
    expect(plan.travel).toMatch(/computed arcs .* fitted on 250 places of the road matrices/);
    const served = plan.output.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id));
    const out = plan.output.unassigned.map((u) => u.id);
    expect([...served, ...out].sort((a, b) => a! - b!)).toEqual(part.bins.map((_, k) => k + 1));
    expect(checkCollectionSolution(plan.problem, plan.solution).violations).toEqual([]);
    for (const f of plan.routes.features) if (f.geometry.type === 'LineString') expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('VROOM JSON with more distinct locations than full matrices can hold gets computed arcs, not a 256 MB matrix', async () => {
    const { fromVroom } = await import('../src/vroom/fromVroom.js');
    const jobs = Array.from({ length: 8001 }, (_, i) => ({ id: i + 1, location: [127 + (i % 100) * 1e-4, 37.5 + Math.floor(i / 100) * 1e-4] }));
    const problem = fromVroom({ vehicles: [{ id: 1, start: [127, 37.49] }], jobs });
    expect(problem.size).toBe(8002);
    expect(problem.matrices[0].geo?.points.length).toBe(3 * 8002);
    expect(problem.matrices[0].durations.length).toBe(0);
  });

  it('VROOM matrices larger than 8000 × 8000 are an InputError naming the field', async () => {
    const { fromVroom } = await import('../src/vroom/fromVroom.js');
    const rows = new Array(8001).fill([]);
    expect(() => fromVroom({ vehicles: [{ id: 1, start_index: 0 }], jobs: [{ id: 1, location_index: 1 }], matrices: { car: { durations: rows } } })).toThrow(
      /matrices\.car\.durations: 8001×8001, above the 8000 locations/,
    );
  });
});
