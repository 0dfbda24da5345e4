// WebAssembly trap recovery (#17): a failure inside the core is an InternalError carrying the
// input's fingerprint, and the next solve works. The trap is provoked from the host side only:
// a deliberately corrupted encoded input (a job at a location far outside the matrices) goes
// through the test-only path solveEncodedRouting; the core itself (assembly/) is untouched.
import { describe, expect, it } from 'vitest';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { encodeRouting } from '../src/codec/encodeRouting.js';
import { solveEncodedRouting, solveRouting } from '../src/solveRouting.js';
import { fingerprintCoreInput } from '../src/core/fingerprintCoreInput.js';
import { InternalError } from '../src/errors.js';
import { solve } from '../src/solve.js';
import { guardCoreRun } from '../src/core/guardCoreRun.js';

const json = {
  vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10] }],
  jobs: [
    { id: 1, location_index: 1, pickup: [3] },
    { id: 2, location_index: 2, pickup: [4] },
    { id: 3, location_index: 3, pickup: [2] },
  ],
  matrices: { car: { durations: [[0, 5, 6, 7], [5, 0, 3, 4], [6, 3, 0, 2], [7, 4, 2, 0]] } },
};

/** The encoded problem with job 0 at location 100,000 of a 4×4 matrix: the core reads outside its memory (out-of-bounds trap). */
function corrupted() {
  const problem = fromVroom(json);
  const input = encodeRouting(problem);
  input.jLoc[0] = 100_000;
  return { problem, input };
}

async function trap(): Promise<InternalError> {
  const { problem, input } = corrupted();
  try {
    await solveEncodedRouting(problem, input, { maxIterations: 50, seed: 1 }, performance.now());
  } catch (e) {
    return e as InternalError;
  }
  throw new Error('the corrupted input did not fail');
}

describe('a trap inside the core', () => {
  it('is an InternalError with the input fingerprint, and the next solve works', async () => {
    const e = await trap();
    expect(e).toBeInstanceOf(InternalError);
    expect(e.message).toMatch(/^binroute internal error \(please report it\): the WebAssembly core failed: /);
    expect(e.fingerprint).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(e.message).toContain(e.fingerprint);
    expect(e.cause).toBeDefined();
    // the same input gives the same fingerprint; a different one another
    expect(e.fingerprint).toBe(fingerprintCoreInput(corrupted().input));
    expect(e.fingerprint).not.toBe(fingerprintCoreInput(encodeRouting(fromVroom(json))));
    // the next calls get a fresh instance: a correct plan, every job once
    const ok = await solveRouting(fromVroom(json), { maxIterations: 200, seed: 1 });
    const served = ok.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.index));
    expect([...served, ...ok.unassigned].sort()).toEqual([0, 1, 2]);
    const cvrp = await solve({ capacity: 10, demands: [0, 4, 5, 6], coordinates: [0, 0, 1, 0, 0, 1, -1, 0] }, { maxIterations: 200, seed: 1 });
    expect(cvrp.routes.flat().sort()).toEqual([1, 2, 3]);
  });

  it('repeated traps do not leak into later solves', async () => {
    for (let i = 0; i < 5; i++) expect(await trap()).toBeInstanceOf(InternalError);
    const a = await solveRouting(fromVroom(json), { maxIterations: 300, seed: 7 });
    const b = await solveRouting(fromVroom(json), { maxIterations: 300, seed: 7 });
    expect(a.cost).toBe(b.cost);
    expect(a.routes.map((r) => r.steps)).toEqual(b.routes.map((r) => r.steps));
  });
});

describe('guardCoreRun', () => {
  const input = encodeRouting(fromVroom(json));
  it('turns traps, aborts and memory failures into InternalErrors with the fingerprint', async () => {
    const failures = [new WebAssembly.RuntimeError('unreachable'), new Error('binroute core abort: assertion at model/Sol.ts:10:3'), new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')];
    for (const f of failures) {
      const e = await guardCoreRun(input, async () => {
        throw f;
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InternalError);
      expect((e as InternalError).fingerprint).toBe(fingerprintCoreInput(input));
      expect((e as Error).message).toContain(f.message);
    }
  });
  it('lets other errors through unchanged (a progress callback that throws)', async () => {
    const mine = new Error('stop from onProgress');
    await expect(guardCoreRun(input, async () => Promise.reject(mine))).rejects.toBe(mine);
    const viaSolve = solveRouting(fromVroom(json), {
      maxIterations: 100_000,
      onProgress: () => {
        throw mine;
      },
    });
    await expect(viaSolve).rejects.toBe(mine);
  });
});
