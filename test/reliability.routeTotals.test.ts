// Times and distances the core sums in 32 bits (#17): an input whose possible route totals would
// pass 2^31 - 1 is refused with a code (E7005, E7008) instead of wrapping inside the core (which
// surfaced as an InternalError "fails the core's final check" before); one just below is solved.
import { describe, expect, it } from 'vitest';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { InputError } from '../src/errors.js';

const M = (v: number) => [[0, v, v], [v, 0, v], [v, v, 0]];
const problem = (durations: number[][], extra: { distances?: number[][]; service?: number; start?: number } = {}) =>
  fromVroom({
    vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
    jobs: [1, 2].map((id) => ({ id, location_index: id, service: extra.service ?? 0, ...(extra.start ? { time_windows: [[extra.start, 2 ** 31 - 1]] } : {}) })),
    matrices: { car: { durations, ...(extra.distances ? { distances: extra.distances } : {}) } },
  });

async function codeOf(p: ReturnType<typeof fromVroom>): Promise<string> {
  const r = await solveRouting(p, { maxIterations: 50 }).catch((e: unknown) => e);
  if (r instanceof InputError) return r.code;
  if (r instanceof Error) throw r;
  return 'solved';
}

describe('route totals that would wrap in 32 bits', () => {
  it('times: refused with E7005 above the bound, solved below it', async () => {
    expect(await codeOf(problem(M(2 ** 30)))).toBe('E7005');
    expect(await codeOf(problem(M(1), { service: 2 ** 30 }))).toBe('E7005');
    expect(await codeOf(problem(M(100), { start: 2 ** 31 - 150 }))).toBe('E7005');
    expect(await codeOf(problem(M(2 ** 29 - 1)))).toBe('solved');
    // epoch-second timestamps fit
    expect(await codeOf(problem(M(3600), { start: 1_764_800_000 }))).toBe('solved');
  });
  it('distances: refused with E7008 above the bound, solved below it', async () => {
    expect(await codeOf(problem(M(1), { distances: M(2 ** 30 - 1) }))).toBe('E7008');
    expect(await codeOf(problem(M(1), { distances: M(2 ** 29 - 1) }))).toBe('solved');
  });
});
