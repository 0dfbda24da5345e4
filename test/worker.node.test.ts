// binroute/worker in Node (issue #16): the built package's worker API over worker_threads and
// comlink. The worker runs the embedded release core (dist/), the main thread here the same
// release core too (dist/index.js), so seeded results must be equal field by field.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RoutingSolution, Solution, VroomInput } from '../src/index.js';

const dist = new URL('../dist/', import.meta.url);
const lib = (await import(new URL('index.js', dist).href)) as typeof import('../src/index.js');
const { createSolverWorker } = (await import(new URL('worker.node.js', dist).href)) as typeof import('../src/worker/createSolverWorker.node.js');

const vroom = JSON.parse(readFileSync(new URL('../fixtures/vroom/seongsu-cafes.json', import.meta.url), 'utf8')) as VroomInput;
const scenario = lib.parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
const cvrp = { capacity: 10, demands: [0, 4, 5, 6, 3, 2, 7], coordinates: [0, 0, 1, 0, 0, 1, -1, 0, 3, 3, -2, 4, 5, -1] };
/** A solution without its wall-clock time, the one field that may differ between two runs. */
const timeless = (s: Solution | RoutingSolution) => JSON.stringify({ ...s, elapsedMs: 0 });

const solver = createSolverWorker();
afterAll(() => solver.terminate());

describe('createSolverWorker (Node, worker_threads)', () => {
  it('solve: the same result as the main thread for a seed and an iteration budget (VROOM JSON and CVRP)', async () => {
    let reports = 0;
    const inWorker = await solver.solve(vroom, { maxIterations: 1500, seed: 3, onProgress: (p) => void (reports += p.iteration > 0 ? 1 : 0) });
    const onMain = await lib.solve(vroom, { maxIterations: 1500, seed: 3 });
    expect(timeless(inWorker)).toBe(timeless(onMain));
    expect(inWorker.stopReason).toBe('iterations');
    // progress travels on its own port: it may land just after the answer
    await vi.waitFor(() => expect(reports).toBeGreaterThan(0));
    const c = await solver.solve(cvrp, { maxIterations: 500, seed: 1 });
    expect(timeless(c)).toBe(timeless(await lib.solve(cvrp, { maxIterations: 500, seed: 1 })));
    expect(c.routes.flat().sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('plan: the same Plan as plan() on the main thread; its matrices come back as typed arrays', async () => {
    const sim = lib.simulateReadings(scenario.bins, { start: '2026-11-16', days: 7, seed: 5 });
    const input = { bins: scenario.bins, readings: sim.readings, depots: scenario.depots, hubs: scenario.hubs, vehicles: scenario.fleet, date: '2026-11-23', densityKgPerLitre: scenario.densityKgPerLitre };
    const options = { matrix: 'haversine' as const, solve: { maxIterations: 100, seed: 2 } };
    let last = 0;
    const inWorker = await solver.plan(input, { ...options, solve: { ...options.solve, onProgress: (p) => void (last = p.iteration) } });
    const onMain = await lib.plan(input, options);
    await vi.waitFor(() => expect(last).toBe(100));
    expect(inWorker.kpis).toEqual(onMain.kpis);
    expect(inWorker.routes).toEqual(onMain.routes);
    expect(inWorker.unassigned).toEqual(onMain.unassigned);
    expect(inWorker.details.output.routes).toEqual(onMain.details.output.routes);
    expect(inWorker.details.report.length).toBe(onMain.details.report.length);
    expect(inWorker.details.problem.matrices[0].durations).toBeInstanceOf(Int32Array);
    expect(inWorker.details.problem.matrices[0].durations).toEqual(onMain.details.problem.matrices[0].durations);
  });

  it('a plain AbortSignal cancels: the best plan so far comes back with stopReason "aborted"', async () => {
    const ctrl = new AbortController();
    let reports = 0;
    const run = solver.solve(vroom, {
      timeLimitMs: 60_000,
      stallIterations: 0,
      signal: ctrl.signal,
      onProgress: () => {
        if (++reports === 3) ctrl.abort();
      },
    });
    const sol = await run;
    expect(sol.stopReason).toBe('aborted');
    expect(sol.iterations).toBeGreaterThan(0);
    // still a whole plan: every job is routed or unassigned
    const jobs = sol.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.index));
    expect([...jobs, ...sol.unassigned].sort((a, b) => a - b)).toEqual(vroom.jobs!.map((_, i) => i));
    // already aborted before the call: the construction alone
    const early = await solver.solve(vroom, { timeLimitMs: 60_000, signal: AbortSignal.abort() });
    expect(early.stopReason).toBe('aborted');
    expect(early.iterations).toBe(0);
  });

  it('errors thrown in the worker come back as InputError with their field', async () => {
    const bad = { ...vroom, jobs: [{ ...vroom.jobs![0], location: [200, 100] }] };
    const err = await solver.solve(bad as VroomInput, { maxIterations: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(lib.InputError);
    expect((err as Error).message).toMatch(/^jobs\[0\]\.location/);
    await expect(solver.solve(vroom, { workers: 0 })).rejects.toThrow(/^options\.workers:/);
  });

  it('workers: 2 runs seeds 1 and 2 in two workers and keeps the better plan', async () => {
    const problem = lib.fromVroom(vroom);
    let total = 0;
    const best = await solver.solve(problem, { maxIterations: 300, seed: 1, workers: 2, onProgress: (p) => void (total = p.iteration) });
    await vi.waitFor(() => expect(total).toBe(600)); // progress adds up both workers' iterations
    const [s1, s2] = [await lib.solve(problem, { maxIterations: 300, seed: 1 }), await lib.solve(problem, { maxIterations: 300, seed: 2 })];
    const expected = s2.unassigned.length < s1.unassigned.length || (s2.unassigned.length === s1.unassigned.length && s2.cost < s1.cost) ? s2 : s1;
    expect(timeless(best)).toBe(timeless(expected));
    expect((await solver.stats()).length).toBe(2);
  });

  it('transfer: true moves the matrices to the worker (the caller’s arrays are detached)', async () => {
    const problem = lib.fromVroom(vroom);
    const copy = lib.fromVroom(vroom);
    const sol = await solver.solve(problem, { maxIterations: 200, transfer: true });
    expect(problem.matrices[0].durations.length).toBe(0);
    expect(timeless(sol)).toBe(timeless(await lib.solve(copy, { maxIterations: 200 })));
  });

  it('200 solves in one worker: the .wasm compiled once, WebAssembly memory and heap bounded', async () => {
    // Each solve gets a fresh core instance (1 MiB of linear memory here); dead ones are freed
    // by the garbage collector whenever it runs, so memory outside the heap rises and falls.
    // A leak (instances kept alive) would make even its lowest sample grow past 120 MiB by the
    // 120th solve; without one the samples fall back to a few MiB after each collection.
    const w = createSolverWorker();
    try {
      const samples: { heap: number; wasm: number; external: number; rss: number }[] = [];
      for (let i = 0; i < 200; i++) {
        await w.solve(vroom, { maxIterations: 20, seed: i + 1 });
        if (i % 20 === 19) {
          const [s] = await w.stats();
          samples.push({ heap: s.heapUsedBytes, wasm: s.wasmMemoryBytes, external: s.externalBytes, rss: process.memoryUsage().rss });
          expect(s.compiles).toBe(1);
          expect(s.calls).toBe(i + 1);
        }
      }
      const MiB = 2 ** 20;
      console.log(`Node worker, every 20 solves: heap ${samples.map((s) => (s.heap / MiB).toFixed(0)).join(' ')} MiB; external ${samples.map((s) => (s.external / MiB).toFixed(0)).join(' ')} MiB`);
      for (const s of samples) {
        expect(s.wasm).toBeGreaterThan(0);
        expect(s.wasm).toBeLessThanOrEqual(16 * MiB); // one small instance's memory
        expect(s.heap).toBeLessThan(samples[0].heap + 24 * MiB);
      }
      expect(Math.min(...samples.slice(5).map((s) => s.external))).toBeLessThan(64 * MiB);
      expect(samples.at(-1)!.rss).toBeLessThan(samples[0].rss + 128 * MiB);
    } finally {
      w.terminate();
    }
  });

  it('terminate: a pending call rejects, and so does a later one', async () => {
    const w = createSolverWorker();
    const pending = w.solve(vroom, { timeLimitMs: 30_000, stallIterations: 0 });
    w.terminate();
    await expect(pending).rejects.toThrow(/terminated/);
    await expect(w.solve(vroom, { maxIterations: 1 })).rejects.toThrow(/terminated/);
  });
});
