// The host–core interface has one definition (src/core/coreProtocol.ts): the generated core
// side is current, the host's CoreInput has exactly the table's arrays, and the core answers
// for exactly the table's ids.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_ARRAYS, CORE_PARAMS } from '../src/core/coreProtocol.js';
import { emptyCoreInput } from '../src/core/coreInput.js';
import { instantiateCore } from '../src/core/loadCore.js';
import { writeCoreInput } from '../src/core/writeCoreInput.js';
import { encodeCvrp } from '../src/codec/encodeCvrp.js';

const root = new URL('../', import.meta.url);
const CLASSES = { i32: Int32Array, i64: BigInt64Array, u8: Uint8Array, f64: Float64Array } as const;

describe('core protocol', () => {
  it('the generated AssemblyScript files match the table', () => {
    // exits 1 (and execFileSync throws) when a generated file is stale
    execFileSync(process.execPath, ['scripts/gen-core-protocol.mjs', '--check'], { cwd: root, stdio: 'pipe' });
  });

  it("CoreInput holds exactly the table's arrays, with the table's element types", () => {
    const input = emptyCoreInput({ jobs: 2, vehicles: 1, m: 3, dims: 1, facilities: 1, classes: 1, windows: 1, breaks: 1 });
    const sizes = new Set(['jobs', 'vehicles', 'm', 'dims', 'facilities', 'classes', 'geo']);
    const fields = Object.keys(input).filter((k) => !sizes.has(k));
    expect(fields.sort()).toEqual(CORE_ARRAYS.map((a) => a.name).sort());
    for (const a of CORE_ARRAYS) {
      const value = (input as unknown as Record<string, unknown>)[a.name];
      if (a.size === 'matrices') expect(Array.isArray(value)).toBe(true);
      else expect(value, a.name).toBeInstanceOf(CLASSES[a.type]);
    }
  });

  it("the core has an address for each of the table's ids and none beyond", async () => {
    const core = await instantiateCore();
    core.alloc(2, 1, 3, 1, 1, 1, 1, 1, 1);
    for (let id = 0; id < CORE_ARRAYS.length; id++) expect(core.ptr(id), CORE_ARRAYS[id].name).toBeGreaterThan(0);
    expect(core.ptr(CORE_ARRAYS.length)).toBe(0);
    expect(core.ptr(-1)).toBe(0);
  });

  it('a write larger than the array the core allocated is refused', async () => {
    const core = await instantiateCore();
    const input = encodeCvrp({ capacity: 5, demands: [0, 1, 2], coordinates: [0, 0, 1, 0, 2, 0] });
    input.vCap = new Int32Array(50); // the core allocates vehicles × dims = 2 entries
    expect(() => writeCoreInput(core, input)).toThrow(/core array vCap/);
  });

  it('a deadline already past stops every local search early: each customer still comes back in exactly one route, within capacity', async () => {
    const { readCoreOutput } = await import('../src/core/readCoreOutput.js');
    const { randomEuclideanProblem, lcg } = await import('./instances.js');
    const problem = randomEuclideanProblem(lcg(5), { customers: 120, capacity: 50, maxDemand: 12 });
    const input = encodeCvrp(problem);
    const answer = async (deadline: number) => {
      const core = await instantiateCore();
      writeCoreInput(core, input);
      if (deadline > 0) core.setParam(CORE_PARAMS.find((p) => p.name === 'DEADLINE')!.id, deadline);
      core.init(1);
      while (core.prepare(1 << 20) !== 0);
      core.run(100, 0, 1 / 100);
      return readCoreOutput(core, 1);
    };
    const cut = await answer(1); // performance.now() is past 1 ms already
    const full = await answer(0);
    for (const out of [cut, full]) {
      const seen = out.routes.flatMap((r) => r.steps.filter((x) => x.kind === 'job').map((x) => x.index));
      expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: problem.demands.length - 1 }, (_, i) => i));
      expect(out.unserved).toEqual([]);
      for (const r of out.routes) {
        const load = r.steps.filter((x) => x.kind === 'job').reduce((sum, x) => sum + problem.demands[x.index + 1], 0);
        expect(load).toBeLessThanOrEqual(problem.capacity);
      }
    }
    // the deadline changed the search (deterministically: it is always past here)
    expect(JSON.stringify(cut.routes)).not.toBe(JSON.stringify(full.routes));
  });

  it('parameters have distinct ids, and the core source uses them only by name', () => {
    expect(new Set(CORE_PARAMS.map((p) => p.id)).size).toBe(CORE_PARAMS.length);
    const index = readFileSync(new URL('assembly/index.ts', root), 'utf8');
    for (const p of CORE_PARAMS) expect(index).toContain(`PARAM_${p.name}`);
    expect(index).not.toMatch(/id == \d/);
  });

  it('no hand-written core file keeps a numeric array switch or the old break marker', () => {
    const files = ['assembly', 'assembly/model', 'assembly/output', 'assembly/meta', 'assembly/search'].flatMap((d) =>
      readdirSync(new URL(`${d}/`, root)).filter((f) => f.endsWith('.ts') && !f.endsWith('.generated.ts')).map((f) => `${d}/${f}`),
    );
    for (const f of files) {
      const text = readFileSync(new URL(f, root), 'utf8');
      expect(text, f).not.toMatch(/case \d+: return changetype/);
      expect(text, f).not.toMatch(/1000000/);
      expect(text, f).not.toMatch(/failCode = \d/);
    }
  });
});
