// Benchmark suites over the shared CVRPLIB data, and their best-known values.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { parseCsv } from '../src/io/parseCsv.js';
import { readSolFile, readTextFile } from '../src/io/readFiles.js';

/** Names of the suites `binroute bench --suite` accepts. */
export const SUITE_NAMES = ['x-dev', 'x-all', 'abp'] as const;
/** A suite name. */
export type SuiteName = (typeof SUITE_NAMES)[number];

/** The development subset of the X set: 12 instances, 100–400 customers, varied shapes. */
export const X_DEV: readonly string[] = [
  'X-n101-k25',
  'X-n106-k14',
  'X-n125-k30',
  'X-n148-k46',
  'X-n157-k13',
  'X-n181-k23',
  'X-n200-k36',
  'X-n219-k73',
  'X-n251-k28',
  'X-n303-k21',
  'X-n351-k40',
  'X-n401-k29',
];

/** One instance of a suite. */
export interface BenchInstance {
  name: string;
  /** CVRPLIB set: `X`, `A`, `B` or `P`. */
  set: string;
  /** Nodes, depot included (the `n` of the name). */
  n: number;
  vrpPath: string;
  solPath: string;
  /**
   * Fleet size the best-known value assumes: the `k` of A/B/P names (their optima use at
   * most k vehicles). Undefined for X, whose BKS allow any number of routes.
   */
  fleetLimit?: number;
}

/**
 * Narrows a string to a {@link SuiteName}, or throws an {@link InputError} listing the suites.
 *
 * @example
 * ```ts
 * checkSuiteName('x-dev'); // 'x-dev'
 * checkSuiteName('y');     // throws: --suite: unknown suite "y" (known: x-dev, x-all, abp, …)
 * ```
 */
export function checkSuiteName(s: string): SuiteName {
  if ((SUITE_NAMES as readonly string[]).includes(s)) return s as SuiteName;
  throw new InputError(`--suite: unknown suite "${s}" (known: ${[...SUITE_NAMES, 'solomon', 'mtvrptwr', 'kim', 'seongdong', 'seongdong-day', 'matrix', 'forecast-edinburgh'].join(', ')})`, { code: 'E6004', field: 'suite' });
}

function nodesOf(name: string): number {
  const m = /-n(\d+)-/.exec(name);
  return m ? Number(m[1]) : Number.NaN;
}

function setsOf(suite: SuiteName): string[] {
  return suite === 'abp' ? ['A', 'B', 'P'] : ['X'];
}

function listSet(cvrplibDir: string, set: string): BenchInstance[] {
  const dir = join(cvrplibDir, set);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    throw new InputError(`cannot list ${dir}: is --data the shared benchmarks folder?`, { code: 'E0001', file: dir });
  }
  return files
    .filter((f) => f.endsWith('.vrp'))
    .map((f) => {
      const name = f.slice(0, -4);
      const inst: BenchInstance = { name, set, n: nodesOf(name), vrpPath: join(dir, f), solPath: join(dir, `${name}.sol`) };
      const k = /-k(\d+)$/.exec(name);
      if (set !== 'X' && k) inst.fleetLimit = Number(k[1]);
      return inst;
    });
}

/**
 * The instances of a suite, in run order: `x-dev` in {@link X_DEV} order, `x-all` (all 100 X
 * instances) by size, `abp` by set (A, B, P) then size. `only` (the `--instances` flag)
 * picks instances by name from the suite's sets, in the order given; unknown names throw an
 * {@link InputError}.
 *
 * @example
 * ```ts
 * listSuite('x-dev', '/work/shared/benchmarks/cvrplib').length; // 12
 * listSuite('x-all', dir, ['X-n101-k25']); // just that one
 * ```
 */
export function listSuite(suite: SuiteName, cvrplibDir: string, only?: string[]): BenchInstance[] {
  const all = setsOf(suite).flatMap((s) => listSet(cvrplibDir, s));
  const byName = new Map(all.map((i) => [i.name, i]));
  if (only && only.length > 0) {
    return only.map((name) => {
      const inst = byName.get(name.replace(/\.vrp$/, ''));
      if (!inst) {
        throw new InputError(`--instances: "${name}" is not an instance of the ${setsOf(suite).join('/')} set${suite === 'abp' ? 's' : ''} in ${cvrplibDir}`, { code: 'E6004', field: 'instances' });
      }
      return inst;
    });
  }
  if (suite === 'x-dev') {
    return X_DEV.map((name) => {
      const inst = byName.get(name);
      if (!inst) throw new InputError(`x-dev instance ${name}.vrp is missing`, { code: 'E0001', file: join(cvrplibDir, 'X') });
      return inst;
    });
  }
  const setRank = (s: string) => ['A', 'B', 'P', 'X'].indexOf(s);
  return all.sort((a, b) => setRank(a.set) - setRank(b.set) || a.n - b.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Best-known costs for a suite's instances: for X, the `Cost` line of each `.sol`; for A/B/P,
 * the `bks_cost` column of `bks-ABP.csv` (which gives 576 for P-n55-k8, whose file comment
 * says 588 for exactly 8 routes).
 *
 * @example
 * ```ts
 * const bks = await loadBks(listSuite('x-dev', dir), dir);
 * bks.get('X-n101-k25'); // 27591
 * ```
 */
export async function loadBks(instances: BenchInstance[], cvrplibDir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let abp: Map<string, number> | undefined;
  for (const inst of instances) {
    if (inst.set === 'X') {
      const sol = await readSolFile(inst.solPath);
      if (sol.cost === undefined) throw new InputError('no Cost line: cannot read the best-known value', { code: 'E0001', file: inst.solPath });
      out.set(inst.name, sol.cost);
      continue;
    }
    if (!abp) {
      const file = join(cvrplibDir, 'bks-ABP.csv');
      const rows = parseCsv(await readTextFile(file));
      const head = rows[0] ?? [];
      const ci = head.indexOf('instance');
      const cb = head.indexOf('bks_cost');
      if (ci < 0 || cb < 0) throw new InputError('expected columns "instance" and "bks_cost"', { code: 'E0001', file });
      abp = new Map(rows.slice(1).map((r) => [r[ci], Number(r[cb])]));
    }
    const v = abp.get(inst.name);
    if (v === undefined || !Number.isFinite(v)) {
      throw new InputError(`no bks_cost for ${inst.name}`, { code: 'E0001', file: join(cvrplibDir, 'bks-ABP.csv') });
    }
    out.set(inst.name, v);
  }
  return out;
}
