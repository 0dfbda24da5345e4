// Parses every shared CVRPLIB instance (X, A, B, P) and its best-known .sol, and checks with
// the bench's independent verifier that each .sol is feasible and that its recomputed cost
// equals its Cost line. This validates the EUC_2D nint distances of parseVrp end to end.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSol, parseVrp } from '../src/io/index.js';
import { verifySolution } from '../bench/verifySolution.js';

const CVRPLIB = fileURLToPath(new URL('../../shared/benchmarks/cvrplib', import.meta.url));
const present = existsSync(CVRPLIB);
if (!present) console.warn(`io-benchmarks: skipped, ${CVRPLIB} does not exist (the shared benchmark data is not checked out)`);

function csvColumn(file: string, key: string, column: string): Map<string, number> {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const k = head.indexOf(key);
  const c = head.indexOf(column);
  const out = new Map<string, number>();
  // the columns we read come before any quoted field, so a plain split is enough here
  for (const l of lines.slice(1)) out.set(l.split(',')[k], Number(l.split(',')[c]));
  return out;
}

describe.skipIf(!present)('shared CVRPLIB instances and best-known solutions', () => {
  const sets = ['A', 'B', 'P', 'X'] as const;
  const expectedCounts = { A: 27, B: 23, P: 24, X: 100 };

  for (const set of sets) {
    it(`${set}: every .vrp parses and its .sol is feasible with the stated cost`, () => {
      const dir = join(CVRPLIB, set);
      const files = readdirSync(dir).filter((f) => f.endsWith('.vrp'));
      expect(files.length).toBe(expectedCounts[set]);
      const solCost = set === 'X' ? csvColumn(join(CVRPLIB, 'bks-X.csv'), 'instance', 'bks_cost') : csvColumn(join(CVRPLIB, 'bks-ABP.csv'), 'instance', 'sol_cost');
      for (const f of files) {
        const name = f.replace(/\.vrp$/, '');
        const inst = parseVrp(readFileSync(join(dir, f), 'utf8'), f);
        expect(inst.name).toBe(name);
        const n = Number(/-n(\d+)-/.exec(name)![1]);
        expect(inst.dimension, name).toBe(n);
        expect(inst.edgeWeightType).toBe('EUC_2D');
        const sol = parseSol(readFileSync(join(dir, `${name}.sol`), 'utf8'), `${name}.sol`);
        expect(sol.cost, name).toBe(solCost.get(name));
        const v = verifySolution(inst, sol.routes, sol.cost);
        expect(v.errors, name).toEqual([]);
        expect(v.ok).toBe(true);
      }
    });
  }

  it('an off-by-one nint would be caught: unrounded Euclidean costs differ from the Cost line', () => {
    const inst = parseVrp(readFileSync(join(CVRPLIB, 'X', 'X-n101-k25.vrp'), 'utf8'));
    const sol = parseSol(readFileSync(join(CVRPLIB, 'X', 'X-n101-k25.sol'), 'utf8'));
    const xy = inst.coordinates!;
    let exact = 0;
    for (const r of sol.routes) {
      const path = [0, ...r, 0];
      for (let k = 1; k < path.length; k++) {
        exact += Math.hypot(xy[2 * path[k]] - xy[2 * path[k - 1]], xy[2 * path[k] + 1] - xy[2 * path[k - 1] + 1]);
      }
    }
    expect(Math.round(exact)).not.toBe(sol.cost);
    expect(verifySolution(inst, sol.routes).cost).toBe(sol.cost);
  });
});
