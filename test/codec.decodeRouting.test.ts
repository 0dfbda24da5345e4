// decodeRouting guards the library's promise: every job comes back exactly once, and only
// routes that passed the engine's own final walk are returned.
import { describe, expect, it } from 'vitest';
import { decodeRouting } from '../src/codec/decodeRouting.js';
import { InternalError } from '../src/errors.js';
import type { CoreOutput, CoreStep } from '../src/core/readCoreOutput.js';
import { fromVroom } from '../src/vroom/fromVroom.js';

const problem = fromVroom({
  vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
  jobs: [
    { id: 10, location_index: 1 },
    { id: 11, location_index: 2 },
  ],
  matrices: { car: { durations: [[0, 5, 9], [5, 0, 4], [9, 4, 0]] } },
});

const step = (kind: CoreStep['kind'], index: number, location: number): CoreStep => ({
  kind, index, location, arrival: 0, start: 0, setup: 0, service: 0, departure: 0, travel: 0, distance: 0, load: [],
});

function output(jobs: number[], unserved: number[], feasible = true): CoreOutput {
  const steps = [step('start', -1, 0), ...jobs.map((j) => step('job', j, j + 1)), step('end', -1, 0)];
  return { routes: jobs.length ? [{ vehicle: 0, cost: 18, feasible, steps }] : [], unserved, routeCost: 18, prizes: 0, objective: 18 };
}

describe('decodeRouting', () => {
  it('decodes a complete answer', () => {
    const d = decodeRouting(problem, output([0, 1], []));
    expect(d.routes[0].steps.map((s) => s.type)).toEqual(['start', 'job', 'job', 'end']);
    expect(d.unassigned).toEqual([]);
  });

  it('a job routed twice, lost, or both routed and unassigned is an InternalError naming it', () => {
    expect(() => decodeRouting(problem, output([0, 0], [1]))).toThrow(InternalError);
    expect(() => decodeRouting(problem, output([0], []))).toThrow(/job 11 is neither routed nor unassigned/);
    expect(() => decodeRouting(problem, output([0, 1], [1]))).toThrow(/job 11 comes back twice/);
    expect(() => decodeRouting(problem, output([0, 5], []))).toThrow(/out of range/);
  });

  it('a route that failed the engine’s final walk is an InternalError, never returned', () => {
    expect(() => decodeRouting(problem, output([0, 1], [], false))).toThrow(/fails the core's final check/);
  });
});
