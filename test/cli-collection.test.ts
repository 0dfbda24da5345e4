// `binroute solve` on the collection-model formats (VROOM JSON, Solomon, MTVRPTWR, Kim), the
// independent verifiers of bench/verifyCollection.ts and smoke runs of the collection suites.
// The CLI tests spawn dist/cli.js (see spawnCli.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSolomon } from '../src/io/parseSolomon.js';
import { parseKimInstance } from '../src/io/parseKim.js';
import { readMtvrptwrData, verifyKim, verifyMtvrptwr, verifySolomon } from '../bench/verifyCollection.js';
import { listCollectionSuite } from '../bench/collectionBench.js';
import { CLI, ROOT, spawnCli } from './spawnCli.js';
import { SOLOMON_TINY } from './instances.js';

const SHARED = join(ROOT, '..', 'shared', 'benchmarks');
const C101 = join(SHARED, 'solomon', 'C101.txt');
const MT = join(SHARED, 'mtvrptwr', 'C201R0.25.vrp');
const KIM = join(SHARED, 'wcvrptw', 'instances', '102_stop.txt');
const present = existsSync(C101) && existsSync(MT) && existsSync(KIM);
if (!present) console.warn(`cli-collection: shared-data tests skipped, ${SHARED} is incomplete`);

const run = spawnCli;

let tmp: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run build\``);
  tmp = mkdtempSync(join(tmpdir(), 'binroute-clicol-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('independent verifiers', () => {
  it('verifySolomon: exact distances, windows, capacity, visits', () => {
    const inst = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    const ok = verifySolomon(inst, [[1, 2]]);
    expect(ok.errors).toEqual([]);
    expect(ok.distance).toBeCloseTo(5 + 5 + 10, 12);
    const late = verifySolomon(inst, [[2, 1]]); // customer 1 served at 10+1+5 = 16 > 10
    expect(late.errors).toEqual(['route 1: customer 1 served at 16.000 > due 10']);
    expect(verifySolomon({ ...inst, capacity: 10 }, [[1, 2]]).errors).toEqual(['route 1: load 11 > capacity 10']);
    expect(verifySolomon(inst, [[1]]).errors).toEqual(['customer 2 is not visited']);
  });

  it.skipIf(!present)('verifyMtvrptwr reproduces the C201R0.25 best-known solution (cost 15006, feasible)', () => {
    const data = readMtvrptwrData(readFileSync(MT, 'utf8'));
    const sol = readFileSync(MT.replace(/\.vrp$/, '.sol'), 'utf8');
    const routes = [...sol.matchAll(/^Route #\d+:(.*)$/gm)].map((m) => m[1].trim().split(/\s+/).map(Number));
    const c = verifyMtvrptwr(data, routes);
    expect(c.errors).toEqual([]);
    expect(c.cost).toBe(15006);
    expect(c.vehicles).toBe(8);
    expect(c.reloads).toBe(11);
    // breaking the release dates: serve client 45 (released at 0) after 1 (released later)?
    const bad = verifyMtvrptwr(data, [[...routes[0], 0], ...routes.slice(1)].map((r, i) => (i === 0 ? r : r)));
    expect(bad.ok).toBe(true); // an empty trailing trip is harmless
    const merged = verifyMtvrptwr(data, [routes[0].concat(routes[1].filter((c) => c !== 0)), ...routes.slice(2)]);
    expect(merged.ok).toBe(false);
  });

  it.skipIf(!present)('verifyKim: lunch, return empty, capacity, visits', () => {
    const inst = parseKimInstance(readFileSync(KIM, 'utf8'), '102_stop.txt');
    const stops = inst.jobs.map((row) => ({ kind: 'stop' as const, row }));
    const c = verifyKim({ ...inst, stops: inst.stops.map((s) => ({ ...s, early: 0, late: 86400 })) }, [[...stops, { kind: 'disposal', row: 1 }]], 10);
    const text = c.errors.join('\n');
    expect(text).toMatch(/load .* yd > capacity 280 yd/);
    expect(c.disposalTrips).toBe(1);
    const small = { ...inst, routeCapacity: 1, stops: inst.stops.map((s) => ({ ...s, early: 0, late: 86400 })) };
    const t2 = verifyKim(small, [[...stops.slice(0, 3), { kind: 'disposal', row: 1 }]], 10).errors.join('\n');
    expect(t2).toMatch(/0 lunch breaks/);
    expect(t2).toMatch(/yd > route capacity 0.01 yd/);
    const noUnload = verifyKim(inst, [[stops[0], { kind: 'lunch' }]], 10);
    expect(noUnload.errors.join('\n')).toMatch(/does not unload before returning/);
    expect(noUnload.errors.join('\n')).toMatch(/is not visited/);
  });
});

describe.skipIf(!present)('binroute solve: collection formats', () => {
  it('Solomon → VROOM JSON, byte-identical with --iterations and --seed', async () => {
    const a = await run(['solve', C101, '--iterations', '50', '--seed', '3']);
    const b = await run(['solve', C101, '--iterations', '50', '--seed', '3']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    expect(out.code).toBe(0);
    expect(out.summary.unassigned).toBe(0);
    expect(out.summary.computing_times).toBeUndefined();
    expect(a.stderr).toMatch(/^C101: format=solomon jobs=100 routes=\d+ unassigned=0 cost=\d+ distance=\d+\.\d\d seconds=/);
  });

  it('MTVRPTWR and Kim with --output: summary on stdout, JSON in the file', async () => {
    const out = join(tmp, 'mt.json');
    const r = await run(['solve', MT, '--iterations', '50', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^C201R0\.25: format=mtvrptwr .* reloads=\d+ /);
    expect(JSON.parse(readFileSync(out, 'utf8')).routes.length).toBeLessThanOrEqual(8);
    const k = await run(['solve', KIM, '--iterations', '50', '--output', join(tmp, 'k.json')]);
    expect(k.code, k.stderr).toBe(0);
    expect(k.stdout).toMatch(/^102_stop: format=kim jobs=99 .* miles=\d+\.\d disposal_trips=\d+ /);
  });

  it('VROOM input errors: one line naming the field, exit 2, no output file', async () => {
    const { writeFileSync } = await import('node:fs');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ vehicles: [{ id: 1, start: [0, 0] }], jobs: [{ id: 1, location: [0, 0], service: -5 }] }));
    const out = join(tmp, 'never.json');
    const r = await run(['solve', bad, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^binroute: [^\n]*bad\.json: [^\n]*jobs\[0\][^\n]* \[E1\d{3}\]\n$/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(bad, '{"vehicles": [');
    expect((await run(['solve', bad])).stderr).toMatch(/^binroute: .*bad\.json: not valid JSON \(.*\) \[E0005\]\n$/);
  });
});

describe.skipIf(!present)('binroute bench: collection suites (smoke)', () => {
  it('suites list their instances', () => {
    expect(listCollectionSuite('solomon', join(SHARED, 'solomon'))).toHaveLength(56);
    expect(listCollectionSuite('mtvrptwr', join(SHARED, 'mtvrptwr'))).toHaveLength(81);
    expect(listCollectionSuite('mtvrptwr', join(SHARED, 'mtvrptwr'), ['C2_2_01R0.5'])[0].name).toBe('C2_2_01R0.5');
    expect(listCollectionSuite('kim', join(SHARED, 'wcvrptw', 'instances')).map((i) => i.group)).toEqual(['102', '277', '335', '444', '804', '1051', '1351', '1599', '1932', '2100']);
  });

  it('solomon C101 and mtvrptwr C201R0.25 with 50 iterations write verified reports', async () => {
    for (const [suite, inst] of [['solomon', 'C101'], ['mtvrptwr', 'C201R0.25']]) {
      const dir = join(tmp, suite);
      const r = await run(['bench', '--suite', suite, '--instances', inst, '--iterations', '50', '--out-dir', dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/feasible/);
      const [file] = readdirSync(dir);
      expect(file).toMatch(new RegExp(`^${suite}-50it-.*Z\\.json$`));
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(report).toMatchObject({ format: 'binroute-bench-collection/1', suite, infeasibleRuns: 0 });
      expect(report.machine.cores).toBeGreaterThan(0);
      expect(report.runs[0].feasible).toBe(true);
      expect(Number.isFinite(report.runs[0].metrics.gapPct)).toBe(true);
    }
    const bad = await run(['bench', '--suite', 'kim', '--instances', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^binroute: --instances: "nope" is not an instance of the kim suite/);
  });

  it('homberger with --fixed-cost: vehicles first, compared with the hierarchical best-known table', async () => {
    expect(listCollectionSuite('homberger', join(SHARED, 'homberger-200'))).toHaveLength(60);
    const dir = join(tmp, 'homberger');
    const r = await run(['bench', '--suite', 'homberger', '--instances', 'c1_2_1', '--iterations', '30', '--fixed-cost', '--out-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/vehicles first/);
    const report = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    expect(report).toMatchObject({ suite: 'homberger', fixedCost: true, infeasibleRuns: 0 });
    // c1_2_1's hierarchical record: 20 vehicles, 2704.57
    expect(report.runs[0].metrics.bksVehicles).toBe(20);
    expect(report.runs[0].metrics.bksDistance).toBeCloseTo(2704.57, 2);
    expect(report.averages.at(-1)).toMatchObject({ group: 'all', vehicles: report.runs[0].vehicles, bksVehicles: 20 });
    const kim = await run(['bench', '--suite', 'kim', '--fixed-cost', '--iterations', '5', '--instances', '102_stop']);
    expect(kim.code).toBe(2);
    expect(kim.stderr).toMatch(/^binroute: --fixed-cost: only for the solomon and homberger suites/);
  });

  it('kim with --no-breaks: no lunch stop in any route; --no-breaks elsewhere and --budget-per-n here are exit 2', async () => {
    const dir = join(tmp, 'kim-nobreaks');
    const r = await run(['bench', '--suite', 'kim', '--instances', '102_stop', '--iterations', '30', '--no-breaks', '--out-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/lunch breaks left out/);
    const report = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    expect(report).toMatchObject({ suite: 'kim', noBreaks: true, infeasibleRuns: 0, seeds: [1] });
    const seed2 = await run(['bench', '--suite', 'kim', '--instances', '102_stop', '--iterations', '30', '--first-seed', '2', '--out-dir', join(tmp, 'kim-seed2')]);
    expect(seed2.code, seed2.stderr).toBe(0);
    expect(seed2.stdout).toMatch(/seed 2, data /);
    const report2 = JSON.parse(readFileSync(join(tmp, 'kim-seed2', readdirSync(join(tmp, 'kim-seed2'))[0]), 'utf8'));
    expect(report2.seeds).toEqual([2]);
    expect(report2.runs[0].seed).toBe(2);
    const withBreaks = await run(['bench', '--suite', 'kim', '--instances', '102_stop', '--iterations', '30', '--out-dir', join(tmp, 'kim-breaks')]);
    expect(withBreaks.stdout).not.toMatch(/lunch breaks left out/);
    const solomon = await run(['bench', '--suite', 'solomon', '--no-breaks', '--iterations', '5', '--instances', 'C101']);
    expect(solomon.code).toBe(2);
    expect(solomon.stderr).toMatch(/^binroute: --no-breaks: only for the kim suite/);
    const perN = await run(['bench', '--suite', 'kim', '--budget-per-n', '0.01', '--instances', '102_stop']);
    expect(perN.code).toBe(2);
    expect(perN.stderr).toMatch(/--budget-per-n: only for the CVRP suites/);
  });
});
