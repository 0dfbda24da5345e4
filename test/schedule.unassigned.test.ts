import { describe, expect, it } from 'vitest';
import type { RoutingProblem, RoutingStep } from '../src/model/RoutingProblem.js';
import { evaluateRoutes, type GivenRoutes } from '../src/codec/evaluateRoutes.js';
import { fromVroom } from '../src/vroom/fromVroom.js';

// 0 = depot, 1, 2, 3
const DUR = [
  [0, 600, 900, 1200],
  [600, 0, 300, 700],
  [900, 300, 0, 400],
  [1200, 700, 400, 0],
];

function problem(vehicles: Record<string, unknown>[], jobs: Record<string, unknown>[], durations: (number | null)[][] = DUR): RoutingProblem {
  return fromVroom({
    vehicles: vehicles.map((v, i) => ({ id: i + 1, start_index: 0, end_index: 0, capacity: [10], ...v })),
    jobs: jobs.map((j, i) => ({ id: 100 + i, location_index: 1, ...j })),
    matrices: { car: { durations, distances: durations.map((r) => r.map((x) => (x === null ? null : 10 * x))) } },
  });
}

const job = (index: number): RoutingStep => ({ type: 'job', index });
const routes = (...rs: [number, RoutingStep[]][]): GivenRoutes => rs.map(([vehicle, steps]) => ({ vehicle, steps }));

/** The diagnosis of one unserved job of the given routes, by the solver's engine. */
async function unassignedReason(p: RoutingProblem, given: GivenRoutes, job: number) {
  const d = (await evaluateRoutes(p, given)).reasons.find((x) => x.job === job);
  if (!d) throw new Error(`job ${job} is not unassigned`);
  return d;
}

describe('unassignedReason', () => {
  it('skills: no vehicle has the skills', async () => {
    const p = problem([{ skills: [1] }], [{ skills: [1, 5] }]);
    const d = await unassignedReason(p, [], 0);
    expect(d.reason).toBe('skills');
    expect(d.detail).toMatch(/1, 5/);
  });

  it('capacity: larger than every vehicle', async () => {
    const p = problem([{}, { capacity: [15] }], [{ pickup: [20] }]);
    expect(await unassignedReason(p, [], 0)).toMatchObject({ reason: 'capacity', solverMissed: false });
  });

  it('time_window: no vehicle can get there in time', async () => {
    const p = problem([{}], [{ time_windows: [[0, 100]] }]);
    expect((await unassignedReason(p, [], 0)).reason).toBe('time_window');
  });

  it('unreachable: no road to the job', async () => {
    const d = DUR.map((r) => r.slice()) as (number | null)[][];
    d[0][3] = null;
    const p = problem([{}], [{ location_index: 3 }], d);
    expect((await unassignedReason(p, [], 0)).reason).toBe('unreachable');
  });

  it('max_distance and max_tasks when those are what blocks the job alone', async () => {
    const p = problem([{ max_distance: 20000 }], [{ location_index: 3 }]);
    expect((await unassignedReason(p, [], 0)).reason).toBe('max_distance');
    const q = problem([{ max_tasks: 0 }], [{}]);
    expect((await unassignedReason(q, [], 0)).reason).toBe('max_tasks');
    const r = problem([{ max_travel_time: 2000 }], [{ location_index: 3 }]);
    expect((await unassignedReason(r, [], 0)).reason).toBe('max_travel_time');
  });

  it('picks the constraint that blocks the most vehicles, ties in the documented order', async () => {
    const p = problem(
      [{ capacity: [3] }, { time_window: [0, 1000] }, { time_window: [0, 1100] }],
      [{ pickup: [5] }],
    );
    const d = await unassignedReason(p, [], 0);
    expect(d.reason).toBe('time_window');
    expect(d.detail).toMatch(/time_window at 2, capacity at 1 of 3 vehicles/);
    const tie = problem([{ capacity: [3] }, { time_window: [0, 1000] }], [{ pickup: [5] }]);
    expect((await unassignedReason(tie, [], 0)).reason).toBe('time_window');
  });

  it('fleet_exhausted: fits a used vehicle alone but no position of the current routes', async () => {
    const p = problem([{}], [{ pickup: [8] }, { location_index: 2, pickup: [5] }]);
    const d = await unassignedReason(p, routes([0, [job(0)]]), 1);
    expect(d).toMatchObject({ reason: 'fleet_exhausted', solverMissed: false });
    expect(d.detail).toMatch(/capacity at 2 of 2 positions/);
  });

  it('not_profitable: the cheapest feasible insertion costs at least the prize', async () => {
    const p = problem([{}], [{}, { location_index: 3, prize: 100 }]);
    const d = await unassignedReason(p, routes([0, [job(0)]]), 1);
    // 0→1→0 = 1200; 0→3→1→0 = 0→1→3→0 = 2500 (the first position wins ties)
    expect(d).toMatchObject({ reason: 'not_profitable', solverMissed: false, bestInsertion: { vehicle: 0, position: 0, addedCost: 1300 } });
    expect(d.detail).toMatch(/adds 1300 ≥ prize 100/);
    const rich = problem([{}], [{}, { location_index: 3, prize: 5000 }]);
    expect(await unassignedReason(rich, routes([0, [job(0)]]), 1)).toMatchObject({ reason: 'not_profitable', solverMissed: true });
  });

  it('not_profitable counts the fixed cost of an unused vehicle', async () => {
    const p = problem([{}, { capacity: [10], costs: { fixed: 10000 } }], [{ pickup: [8] }, { pickup: [5], prize: 3000 }]);
    const d = await unassignedReason(p, routes([0, [job(0)]]), 1);
    expect(d.reason).toBe('not_profitable');
    expect(d.bestInsertion).toEqual({ vehicle: 1, position: 0, addedCost: 11200 });
  });

  it('flags a mandatory job the solver could have inserted', async () => {
    const p = problem([{}], [{}, { location_index: 2 }]);
    const d = await unassignedReason(p, routes([0, [job(0)]]), 1);
    expect(d).toMatchObject({ reason: 'fleet_exhausted', solverMissed: true });
    expect(d.detail).toMatch(/solver missed/);
  });

  it('respects breaks: the job may go before or after a break of an unused vehicle', async () => {
    const p = problem(
      [{ breaks: [{ id: 1, time_windows: [[0, 10]], service: 3600 }] }],
      [{ time_windows: [[0, 5000]], pickup: [20] }],
    );
    // after the job the break would be late; taken first (0..3600) the job is on time at 4200:
    // only capacity blocks
    expect((await unassignedReason(p, [], 0)).reason).toBe('capacity');
  });

  it('unassignedReasons diagnoses every unassigned job of a solution', async () => {
    const p = problem([{}], [{ pickup: [8] }, { pickup: [5] }, { skills: [7] }]);
    const ds = (await evaluateRoutes(p, routes([0, [job(0)]]))).reasons;
    expect(ds.map((d) => [d.job, d.reason])).toEqual([
      [1, 'fleet_exhausted'],
      [2, 'skills'],
    ]);
  });
});

describe('explanation budget', () => {
  it('after the step budget, jobs get the alone test only: the same reason where that decides, and a detail that says so', async () => {
    const { encodeRouting } = await import('../src/codec/encodeRouting.js');
    const { runCore } = await import('../src/core/runCore.js');
    const { readCoreOutput } = await import('../src/core/readCoreOutput.js');
    const { decodeRouting } = await import('../src/codec/decodeRouting.js');
    const { explainUnassigned } = await import('../src/codec/explainUnassigned.js');
    // one vehicle of capacity 10 and jobs of 4: two fit, the others are out for the fleet; one
    // job of 11 is out for capacity; one with a closed window is out for its window
    const p = problem(
      [{ capacity: [10] }],
      [{ pickup: [4] }, { pickup: [4] }, { pickup: [4] }, { pickup: [4] }, { pickup: [11] }, { pickup: [1], time_windows: [[0, 100]] }],
    );
    const input = encodeRouting(p);
    const run = await runCore(input, { seed: 1, maxIterations: 50, timeLimitMs: Infinity, stallLimit: 0 });
    const { routes, unassigned } = decodeRouting(p, readCoreOutput(run.core, input.dims));
    const used = new Set(routes.map((r) => r.vehicle));
    const full = explainUnassigned(run.core, p, unassigned, used);
    const short = explainUnassigned(run.core, p, unassigned, used, 0);
    expect(short.map((d) => d.job)).toEqual(unassigned);
    expect(short.map((d) => d.reason)).toEqual(full.map((d) => d.reason));
    expect(full.map((d) => d.reason).sort()).toEqual(['capacity', 'fleet_exhausted', 'fleet_exhausted', 'time_window']);
    const fleet = short.filter((d) => d.reason === 'fleet_exhausted');
    for (const d of fleet) expect(d.detail).toMatch(/not every position of the current routes was tried/);
    for (const d of full) expect(d.detail).not.toMatch(/not every position/);
  });

  it('vehicles of one kind share one alone trial per job, and the counts still name every vehicle', async () => {
    const { encodeRouting } = await import('../src/codec/encodeRouting.js');
    const { runCore } = await import('../src/core/runCore.js');
    const { explainUnassigned } = await import('../src/codec/explainUnassigned.js');
    // three vehicles of capacity 3 (one kind) and one of capacity 10 whose day ends too early:
    // the job of 5 fits none of them alone
    const p = problem(
      [{ capacity: [3] }, { capacity: [3] }, { capacity: [3] }, { capacity: [10], time_window: [0, 1000] }],
      [{ pickup: [5] }],
    );
    const input = encodeRouting(p);
    const run = await runCore(input, { seed: 1, maxIterations: 10, timeLimitMs: Infinity, stallLimit: 0 });
    let trials = 0;
    const core: typeof run.core = {
      ...run.core,
      trialInsert: (...args: Parameters<typeof run.core.trialInsert>) => {
        trials++;
        return run.core.trialInsert(...args);
      },
    };
    const [d] = explainUnassigned(core, p, [0], new Set(), 0);
    expect(d.reason).toBe('capacity');
    expect(d.detail).toMatch(/time_window at 1, capacity at 3 of 4 vehicles/);
    // one walk of each route as it stands, then one alone trial per kind (2), not per vehicle (4)
    expect(trials).toBe(4 + 2);
  });
});
