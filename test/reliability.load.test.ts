// Load (#17): many consecutive solves in one process — VROOM JSON, CVRP, plan() and bad inputs,
// with a core trap every 100th call — and the memory at the start and the end. Skipped in the
// default run; `npm run load` runs 1,000 (LOAD_SOLVES) and prints the figures quoted in
// docs/reliability.md, each taken after a full garbage collection.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { solve } from '../src/solve.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { encodeRouting } from '../src/codec/encodeRouting.js';
import { solveEncodedRouting } from '../src/solveRouting.js';
import { instantiateCore } from '../src/core/loadCore.js';
import { writeCoreInput } from '../src/core/writeCoreInput.js';
import { plan } from '../src/plan/plan.js';
import { InputError, InternalError } from '../src/errors.js';
import type { RoutingSolution } from '../src/model/RoutingProblem.js';

const SOLVES = Number(process.env.LOAD_SOLVES ?? 0);
/** One kind of call only (vroom, cvrp, plan, bad, trap), to find what holds memory. */
const ONLY = process.env.LOAD_ONLY;
const cafes = JSON.parse(readFileSync(new URL('../fixtures/vroom/seongsu-cafes.json', import.meta.url), 'utf8'));
const WIN = [[28800, 72000]] as [number, number][];
const bins = [1, 2, 3, 4, 5, 6].map((i) => ({ id: `b${i}`, name: `Cafe ${i}`, dong: null, dongCode: null, location: [127.04 + i * 0.004, 37.545 + (i % 2) * 0.003] as [number, number], capacityLitres: 50, capacityKg: 30, openingHours: WIN, serviceSeconds: 120, generation: { kgPerDay: 5 + i, dayFactors: [1, 1, 1, 1, 1, 1.2, 0.8] as [number, number, number, number, number, number, number] }, sensor: true, franchise: false }));
const readings = bins.flatMap((b, i) => [{ binId: b.id, time: '2026-11-21T08:00:00+09:00', fillPercent: 10 * i }, { binId: b.id, time: '2026-11-22T08:00:00+09:00', fillPercent: 15 * i + 10 }]);
const planInput = {
  bins,
  readings,
  depots: [{ id: 'd1', name: 'Depot', location: [127.04, 37.54] as [number, number] }],
  hubs: [{ id: 'h1', name: 'Hub', dong: null, location: [127.05, 37.55] as [number, number], unloadSeconds: 600, openingHours: WIN }],
  vehicles: [{ id: 'v1', type: 'bike', profile: 'bike', depot: 'd1', capacityKg: 100, capacityLitres: 200, speedKmh: 15, shift: [28800, 61200] as [number, number], costs: { fixed: 0, perHour: 20000, perKm: 100 }, hubs: ['h1'] }],
  date: '2026-11-23',
};

// a full collection before each figure (the flag can be set at run time)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory(): { rssMB: number; heapMB: number; externalMB: number; arrayBuffersMB: number } {
  gc();
  const m = process.memoryUsage();
  const mb = (x: number) => Math.round((x / 2 ** 20) * 10) / 10;
  return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed), externalMB: mb(m.external), arrayBuffersMB: mb(m.arrayBuffers) };
}

describe.runIf(SOLVES > 0)(`load: ${SOLVES} consecutive solves in one process`, () => {
  it('every call answers, memory stays bounded', async () => {
    const start = memory();
    const outcomes = { vroom: 0, cvrp: 0, plan: 0, inputError: 0, trap: 0 };
    const mid: ReturnType<typeof memory>[] = [];
    for (let i = 0; i < SOLVES; i++) {
      const kind = ONLY ?? (i % 100 === 99 ? 'trap' : ['vroom', 'cvrp', 'plan', 'bad'][i % 4]);
      if (kind === 'vroom') {
        const s = (await solve(cafes, { maxIterations: 200, seed: i })) as unknown as RoutingSolution;
        expect(s.routes.reduce((n, r) => n + r.schedule.jobs, 0) + s.unassigned.length).toBe(cafes.jobs.length);
        outcomes.vroom++;
      } else if (kind === 'cvrp') {
        const s = await solve({ capacity: 10, demands: [0, 4, 5, 6, 2, 3, 7], coordinates: [0, 0, 1, 0, 0, 1, -1, 0, 3, 3, 2, -2, -3, 1] }, { maxIterations: 200, seed: i });
        expect(s.routes.flat().sort()).toEqual([1, 2, 3, 4, 5, 6]);
        outcomes.cvrp++;
      } else if (kind === 'plan') {
        const p = await plan(planInput, { matrix: 'haversine', solve: { maxIterations: 100, seed: i } });
        expect(p.routes.flatMap((r) => r.stops).length + p.skipped.length + p.unassigned.length).toBe(bins.length);
        outcomes.plan++;
      } else if (kind === 'bad') {
        // try/catch, not expect().rejects: vitest keeps every assertion promise until the test ends
        expect(await solve({ ...cafes, jobs: [...cafes.jobs, { id: cafes.jobs[0].id, location: [127, 37.5] }] }, { maxIterations: 10 }).catch((e: unknown) => e)).toBeInstanceOf(InputError);
        outcomes.inputError++;
      } else {
        const problem = fromVroom(cafes);
        const input = encodeRouting(problem);
        input.jLoc[0] = 100_000;
        expect(await solveEncodedRouting(problem, input, { maxIterations: 10 }, performance.now()).catch((e: unknown) => e)).toBeInstanceOf(InternalError);
        outcomes.trap++;
      }
      if ((i + 1) % Math.max(1, Math.floor(SOLVES / 4)) === 0) mid.push(memory());
    }
    const end = memory();
    // the WebAssembly memory of one solve's instance (every solve has its own, dropped afterwards)
    const core = await instantiateCore();
    const before = core.memory.buffer.byteLength;
    writeCoreInput(core, encodeRouting(fromVroom(cafes)));
    const wasm = { emptyInstanceKB: before / 1024, loadedInstanceKB: core.memory.buffer.byteLength / 1024 };
    console.log(JSON.stringify({ solves: SOLVES, outcomes, start, quarters: mid, end, wasm }, null, 1));
    // bounded: the heap after 1,000 calls is within a few MB of the heap after the first quarter
    expect(end.heapMB - mid[0].heapMB).toBeLessThan(50);
  }, 600_000);
});
