// Unit tests of the bench building blocks the CLI uses: suites, BKS, verification, report.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { findBenchmarksDir, findPackageRoot, resolveCvrplibDir } from '../bench/locate.js';
import { formatReport, reportFileName, type BenchReport, type RunResult } from '../bench/runBench.js';
import { checkSuiteName, listSuite, loadBks, X_DEV } from '../bench/suites.js';
import { verifySolution } from '../bench/verifySolution.js';
import { formatTable } from '../bench/formatTable.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CVRPLIB = join(ROOT, '..', 'shared', 'benchmarks', 'cvrplib');
const present = existsSync(CVRPLIB);
if (!present) console.warn(`cli-benchParts: suite tests skipped, ${CVRPLIB} does not exist`);

describe('verifySolution', () => {
  // 4 nodes on a line: 0 at x=0, 1 at 1, 2 at 2, 3 at 3
  const n = 4;
  const distances = Array.from({ length: n * n }, (_, k) => Math.abs(Math.floor(k / n) - (k % n)));
  const p = { capacity: 5, demands: [0, 2, 3, 4], distances };

  it('accepts a feasible solution with the right cost', () => {
    const v = verifySolution(p, [[1, 2], [3]], 4 + 6);
    expect(v).toEqual({ ok: true, errors: [], cost: 10, loads: [5, 4] });
  });

  it('reports every kind of violation', () => {
    expect(verifySolution(p, [[1, 2, 3]]).errors).toEqual(['route 1: load 9 exceeds capacity 5']);
    expect(verifySolution(p, [[1, 2]]).errors).toEqual(['customer 3 is not visited']);
    expect(verifySolution(p, [[1, 2], [3, 1]]).errors).toContain('customer 1 is visited 2 times');
    expect(verifySolution(p, [[1, 2], [0, 3]]).errors).toEqual(['route 2: node 0 is not a customer (1..3)']);
    expect(verifySolution(p, [[1, 2], [3, 9]]).errors).toEqual(['route 2: node 9 is not a customer (1..3)']);
    expect(verifySolution(p, [[1, 2], [3]], 11).errors).toEqual(['claimed cost 11 ≠ recomputed cost 10']);
    expect(verifySolution({ ...p, distances: [0] }, [[1, 2], [3]]).ok).toBe(false);
  });
});

describe('formatTable', () => {
  it('pads columns, right-aligns numbers and draws rules', () => {
    expect(formatTable([['a', 'bb'], ['ccc', '1'], null, ['d', '22']])).toBe('a    bb\n---  --\nccc   1\n---  --\nd    22\n');
  });
});

describe('bench report', () => {
  const run = (over: Partial<RunResult>): RunResult => ({
    instance: 'P-n22-k8',
    n: 22,
    seed: 1,
    bks: 603,
    cost: 590,
    gapPct: (100 * (590 - 603)) / 603,
    routes: 9,
    iterations: 10,
    stopReason: 'iterations',
    seconds: 0.1,
    solverSeconds: 0.1,
    valid: true,
    fleetLimit: 8,
    overFleet: true,
    solution: [],
    ...over,
  });
  const report: BenchReport = {
    format: 'binroute-bench/1',
    suite: 'abp',
    timeLimitS: null,
    iterations: 10,
    seeds: [1],
    instances: ['P-n22-k8', 'A-n32-k5'],
    cvrplibDir: '/x',
    startedAt: '2026-01-15T09:30:00.123Z',
    finishedAt: '2026-01-15T09:30:01.000Z',
    interrupted: false,
    machine: { cpuModel: 'cpu', cores: 2, totalMemoryBytes: 1, node: 'v20', platform: 'linux', arch: 'x64', osRelease: '6' },
    runs: [run({}), run({ instance: 'A-n32-k5', n: 32, bks: 784, cost: 800, gapPct: (100 * 16) / 784, routes: 5, fleetLimit: 5, overFleet: false })],
    summary: [
      { instance: 'P-n22-k8', n: 22, bks: 603, runs: 1, meanCost: 590, bestCost: 590, meanGapPct: -2.156, bestGapPct: -2.156, meanSeconds: 0.1, meanIterations: 10, overFleetRuns: 1 },
      { instance: 'A-n32-k5', n: 32, bks: 784, runs: 1, meanCost: 800, bestCost: 800, meanGapPct: 2.041, bestGapPct: 2.041, meanSeconds: 0.1, meanIterations: 10, overFleetRuns: 0 },
    ],
    averages: { meanGapPct: 2.041, bestGapPct: 2.041, comparableInstances: 1, overFleetRuns: 1, meanSeconds: 0.1, runs: 2, invalidRuns: 0, abortedRuns: 0 },
  };

  it('marks gaps that are not comparable because the run used more than k routes', () => {
    const text = formatReport(report);
    expect(text).toMatch(/P-n22-k8 +22 +603 +590 +590 +-2\.16\* +-2\.16\*/);
    expect(text).toMatch(/A-n32-k5 +32 +784 +800 +800 +2\.04 +2\.04 /);
    expect(text).toMatch(/average \(1\) +2\.04 +2\.04/);
    expect(text).toMatch(/^\* 1 run\(s\) used more routes than the k vehicles/m);
    expect(text).toMatch(/abp: 2 runs \(10 iterations, seeds 1\)/);
  });

  it('names result files by suite, limit and UTC time', () => {
    expect(reportFileName(report)).toBe('abp-10it-2026-01-15T09-30-00Z.json');
    expect(reportFileName({ ...report, timeLimitS: 2.5, iterations: null })).toBe('abp-2.5s-2026-01-15T09-30-00Z.json');
  });
});

describe('locating data and the package', () => {
  it('finds the package root from anywhere inside it', () => {
    expect(findPackageRoot(join(ROOT, 'bench'))).toBe(ROOT.replace(/\/$/, ''));
    expect(findPackageRoot('/')).toBeUndefined();
  });

  it('--data errors are InputErrors', () => {
    expect(() => resolveCvrplibDir(join(ROOT, 'no-such-dir'), [])).toThrow(InputError);
    expect(() => resolveCvrplibDir(ROOT, [])).toThrow(/holds neither cvrplib\/ nor X\/, A\/, B\/, P\/ folders/);
    expect(() => resolveCvrplibDir(undefined, ['/'])).toThrow(/cannot find the benchmark data/);
  });

  it('suite names', () => {
    expect(checkSuiteName('x-all')).toBe('x-all');
    expect(() => checkSuiteName('X-DEV')).toThrow(/unknown suite "X-DEV"/);
  });
});

describe.skipIf(!present)('suites over the shared data', () => {
  it('finds ../shared/benchmarks by walking up, and accepts either folder for --data', () => {
    expect(findBenchmarksDir([join(ROOT, 'dist')])).toBe(join(CVRPLIB, '..'));
    expect(resolveCvrplibDir(undefined, [ROOT])).toBe(CVRPLIB);
    expect(resolveCvrplibDir(join(CVRPLIB, '..'), [])).toBe(CVRPLIB);
    expect(resolveCvrplibDir(CVRPLIB, [])).toBe(CVRPLIB);
  });

  it('x-dev, x-all and abp list their instances in run order', () => {
    expect(listSuite('x-dev', CVRPLIB).map((i) => i.name)).toEqual(X_DEV);
    const all = listSuite('x-all', CVRPLIB);
    expect(all).toHaveLength(100);
    expect(all.map((i) => i.n)).toEqual([...all.map((i) => i.n)].sort((a, b) => a - b));
    expect(all[0].fleetLimit).toBeUndefined();
    const abp = listSuite('abp', CVRPLIB);
    expect(abp).toHaveLength(74);
    expect(abp[0].name).toBe('A-n32-k5');
    expect(abp.find((i) => i.name === 'P-n55-k8')!.fleetLimit).toBe(8);
    expect(listSuite('x-dev', CVRPLIB, ['X-n1001-k43', 'X-n101-k25.vrp']).map((i) => i.name)).toEqual(['X-n1001-k43', 'X-n101-k25']);
    expect(() => listSuite('abp', CVRPLIB, ['X-n101-k25'])).toThrow(/not an instance of the A\/B\/P sets/);
  });

  it('BKS: X from the .sol Cost line, A/B/P from bks-ABP.csv (P-n55-k8 = 576)', async () => {
    const bks = await loadBks([...listSuite('x-dev', CVRPLIB), ...listSuite('abp', CVRPLIB)], CVRPLIB);
    expect(bks.get('X-n101-k25')).toBe(27591);
    expect(bks.get('X-n401-k29')).toBe(66154);
    expect(bks.get('P-n55-k8')).toBe(576);
    expect(bks.get('A-n32-k5')).toBe(784);
    expect(bks.size).toBe(86);
  });
});
