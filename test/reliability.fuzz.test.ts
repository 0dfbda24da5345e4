// Fuzzing every entry point (#17) with fast-check: arbitrary JSON-ish values and text, and
// mutations of valid inputs (a field replaced by NaN, Infinity, a string, a huge number, null, a
// deleted key; a CSV/CVRPLIB token replaced, a line deleted, doubled or cut). The only outcomes
// allowed are a valid result — every job or bin back exactly once, checked here independently —
// or an InputError with a documented code. Anything else (TypeError, RangeError, an InternalError,
// a trap) fails; the CLI, run in-process, must exit 0 or 2 with one coded line per problem. FUZZ_RUNS
// sets the cases per entry point (default 2,000; `npm run fuzz` runs more).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '../src/errorCodes.js';
import { InputError } from '../src/errors.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solve } from '../src/solve.js';
import { solveRouting } from '../src/solveRouting.js';
import { parseVrp } from '../src/io/parseVrp.js';
import { loadCollectionInstance, loadInstance } from '../src/io/formats.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { readReadings } from '../src/forecast/readReadings.js';
import { plan, type PlanInput } from '../src/plan/plan.js';
import type { RoutingProblem, RoutingSolution } from '../src/model/RoutingProblem.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli.js';
import { nodeIo } from '../cli/cliIo.js';

/** One process io for every in-process CLI run (each nodeIo() adds listeners to stdout and stderr). */
const BASE_IO = nodeIo();
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const params = (runs = RUNS) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

/** Outcomes per entry point: valid results and coded errors (printed at the end, for docs/reliability.md). */
const tally = new Map<string, { valid: number; coded: number; codes: Set<string> }>();
let current = '';

/** Runs `f`: a result is passed to `check`; an error must be an InputError with a documented code. */
async function validOrCoded<T>(f: () => T | Promise<T>, check: (r: Awaited<T>) => void = () => {}): Promise<void> {
  const t = tally.get(current) ?? { valid: 0, coded: 0, codes: new Set<string>() };
  tally.set(current, t);
  let r: Awaited<T>;
  try {
    r = await f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.code in ERROR_CODES && e.code !== 'E0009', `${e.code}: ${e.message}`).toBe(true);
    for (const p of e.problems) expect(p.code in ERROR_CODES, p.message).toBe(true);
    t.coded++;
    t.codes.add(e.code);
    if (process.env.FUZZ_LOG === e.code) console.log(`${current}: ${e.message}`); // e.g. FUZZ_LOG=E1002 to see where a code comes from
    return;
  }
  check(r);
  t.valid++;
}

/** Both outcomes must occur: a fuzzer whose inputs all fail validation would test nothing past it. */
function expectBothOutcomes(name: string): void {
  const t = tally.get(name)!;
  expect(t.valid, `${name}: valid results`).toBeGreaterThan(RUNS / 50);
  expect(t.coded, `${name}: coded errors`).toBeGreaterThan(RUNS / 50);
}

afterAll(() => {
  const rows = [...tally].map(([k, t]) => `${k}: ${t.valid} valid, ${t.coded} coded errors (${[...t.codes].sort().join(' ')})`);
  console.log(`fuzz outcomes (${RUNS} cases per entry point, seed ${SEED}):\n${rows.join('\n')}`);
});

/** The nothing-lost invariant, independently of the library's own check. */
function everyJobOnce(problem: RoutingProblem, s: RoutingSolution): void {
  const routed = s.routes.flatMap((r) => r.steps.filter((x) => x.type === 'job').map((x) => x.index));
  expect([...routed, ...s.unassigned].sort((a, b) => a - b)).toEqual(problem.jobs.map((_, i) => i));
  for (const j of s.unassigned) expect(s.reasons.some((r) => r.job === j), `job ${j} has no reason`).toBe(true);
}

// ------------------------------------------------------------ mutations
const NASTY: unknown[] = [Number.NaN, Infinity, -Infinity, -1, -0, 0, 1.5, 2 ** 29, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e300, -1e300, '12', '', 'x', null, true, [], {}, [1, 2, 3], [[0]], { a: 1 }, '\u0000', '2026-11-23'];
const DELETE = Symbol('delete');
/** A benign change: a number replaced by another plausible one, an array's last element repeated. */
const nudge = fc.integer({ min: 0, max: 5000 }).map((n) => ({ nudge: n }));
const replacement = fc.oneof({ arbitrary: fc.constantFrom<unknown>(...NASTY, DELETE), weight: 3 }, { arbitrary: nudge, weight: 3 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
const mutation = fc.record({ at: fc.nat(), value: replacement });

/** Every path of a JSON value (objects and arrays included), in a fixed order. */
function paths(v: unknown, here: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(here);
  if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...here, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

/** `base` with each mutation applied: the value at the chosen path replaced (or deleted). */
function mutate<T>(base: T, ms: { at: number; value: unknown }[]): T {
  let x: unknown = structuredClone(base);
  for (const m of ms) {
    const all = paths(x);
    const p = all[m.at % all.length];
    if (p.length === 0) {
      x = m.value === DELETE ? undefined : structuredClone(m.value);
      continue;
    }
    let parent = x as Record<string | number, unknown>;
    for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const key = p[p.length - 1];
    const n = (m.value as { nudge?: number } | null)?.nudge;
    if (typeof n === 'number') {
      const old = parent[key];
      if (typeof old === 'number') parent[key] = Number.isInteger(old) ? n : old + n / 1e6;
      else if (Array.isArray(old) && old.length > 0) old.push(structuredClone(old[old.length - 1]));
      continue;
    }
    if (m.value === DELETE) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else parent[key] = structuredClone(m.value);
  }
  return x as T;
}

const TOKENS = ['NaN', 'Infinity', '-1', '1e999', '99999999999', '2147483648', '2147483647', '1073741824', '900000', 'abc', '', '0', '-0', '1.5', '\u0000', ':', '-1', 'EOF', 'VEHICLE', 'CUSTOMER', '{', '"', ','];
const textOp = fc.record({ kind: fc.constantFrom('token', 'token', 'token', 'delete', 'double', 'junk', 'cut', 'swap'), a: fc.nat(), b: fc.nat(), tok: fc.constantFrom(...TOKENS), junk: fc.string({ maxLength: 20 }) });

/** A text with line/token mutations: a token replaced, a line deleted, doubled, swapped, junk inserted, the text cut. */
function mutateText(text: string, ops: { kind: string; a: number; b: number; tok: string; junk: string }[]): string {
  let lines = text.split('\n');
  for (const o of ops) {
    if (lines.length === 0) lines = [''];
    const i = o.a % lines.length;
    if (o.kind === 'token') {
      const toks = lines[i].split(/([\s,]+)/);
      const words = toks.map((t, k) => (k % 2 === 0 ? k : -1)).filter((k) => k >= 0);
      if (words.length) toks[words[o.b % words.length]] = o.tok;
      lines[i] = toks.join('');
    } else if (o.kind === 'delete') lines.splice(i, 1);
    else if (o.kind === 'double') lines.splice(i, 0, lines[i]);
    else if (o.kind === 'junk') lines.splice(i, 0, o.junk);
    else if (o.kind === 'swap') {
      const j = o.b % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
    } else lines = lines.slice(0, i + 1);
  }
  return lines.join('\n');
}

// ------------------------------------------------------------ valid inputs
const VROOM = {
  vehicles: [
    { id: 1, start: [127.04, 37.54], end: [127.04, 37.54], capacity: [10], time_window: [0, 36000], breaks: [{ id: 1, time_windows: [[3600, 7200]], service: 600 }] },
    { id: 2, start: [127.05, 37.55], capacity: [6], skills: [1], max_tasks: 3 },
  ],
  jobs: [
    { id: 1, location: [127.05, 37.55], pickup: [3], service: 60, time_windows: [[0, 9000]] },
    { id: 2, location: [127.06, 37.545], pickup: [4], skills: [1] },
    { id: 3, location: [127.045, 37.56], pickup: [2], prize: 500, priority: 3 },
    { id: 4, location: [127.055, 37.535], delivery: [1], setup: 30 },
  ],
};
const VROOM_M = {
  vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], facilities: [9] }],
  jobs: [
    { id: 1, location_index: 1, pickup: [6] },
    { id: 2, location_index: 2, pickup: [7] },
  ],
  facilities: [{ id: 9, location_index: 3, service: 100 }],
  matrices: { car: { durations: [[0, 5, 6, 4], [5, 0, 3, 2], [6, 3, 0, 2], [4, 2, 2, 0]], distances: [[0, 50, 60, 40], [50, 0, 30, 20], [60, 30, 0, 20], [40, 20, 20, 0]] } },
};
const VRP = 'NAME : t\nTYPE : CVRP\nDIMENSION : 5\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n4 1 1\n5 -2 5\nDEMAND_SECTION\n1 0\n2 4\n3 5\n4 3\n5 6\nDEPOT_SECTION\n1\n-1\nEOF\n';
const SOLOMON = 'C101\n\nVEHICLE\nNUMBER     CAPACITY\n  5         200\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n    0      40         50          0          0       1236          0\n    1      45         68         10        912        967         90\n    2      45         70         30        825        870         90\n    3      42         66         10         65        146         90\n';
const MT = 'NAME : t\nTYPE : MTVRPTWR\nDIMENSION : 4\nVEHICLES : 2\nCAPACITY : 100\nSERVICE_TIME : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n4 2 9\nDEMAND_SECTION\n1 0\n2 10\n3 20\n4 30\nTIME_WINDOW_SECTION\n1 0 1000\n2 0 500\n3 0 900\n4 100 800\nRELEASE_TIME_SECTION\n1 0\n2 0\n3 10\n4 0\nDEPOT_SECTION\n1\n-1\nEOF\n';
const KIM = '10 // vehicle capacity (yd)\n40 // route capacity (yd)\n300 // max stops\n3600 // lunch duration (s)\n30 // speed (mph)\nStop_ID X Y Early_St_Time Late_St_Time Svice_Time Load Stop_Type\n0 0 0 0 2400 0 0 0\n1 100 200 800 1700 60 1.5 1\n2 300 100 0 2400 60 2 1\n3 500 500 0 2400 600 0 2\n';
const WIN = [[28800, 72000]];
const SCENARIO = {
  format: 'binroute-scenario/1',
  name: 'tiny',
  synthetic: 'Test scenario.',
  sources: ['test'],
  bbox: [127.0, 37.5, 127.1, 37.6],
  densityKgPerLitre: 0.6,
  depots: [{ id: 'd1', name: 'Depot', location: [127.04, 37.54] }],
  hubs: [{ id: 'h1', name: 'Hub', dong: null, location: [127.05, 37.55], unloadSeconds: 600, openingHours: WIN }],
  fleet: [{ id: 'v1', type: 'bike', profile: 'bike', depot: 'd1', capacityKg: 100, capacityLitres: 200, speedKmh: 15, shift: [28800, 61200], costs: { fixed: 0, perHour: 20000, perKm: 100 }, hubs: ['h1'], lunchBreak: { window: [41400, 46800], seconds: 1800 } }],
  bins: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, name: `Cafe ${i}`, dong: null, dongCode: null, location: [127.04 + i * 0.005, 37.545], capacityLitres: 50, capacityKg: 30, openingHours: WIN, serviceSeconds: 120, generation: { kgPerDay: 5 + i, dayFactors: [1, 1, 1, 1, 1, 1.2, 0.8] }, sensor: i !== 4, franchise: false })),
};
const READINGS_CSV = 'bin_id,timestamp,fill_percent\nb1,2026-11-21T08:00:00+09:00,10\nb1,2026-11-22T08:00:00+09:00,40\nb1,2026-11-22T20:00:00+09:00,70\nb2,2026-11-21T08:00:00+09:00,80\nb2,2026-11-22T08:00:00+09:00,95\nb3,2026-11-22T09:00:00+09:00,5\n';
const READINGS = READINGS_CSV.trim().split('\n').slice(1).map((l) => {
  const [binId, time, fill] = l.split(',');
  return { binId, time, fillPercent: Number(fill) };
});
const PLAN: PlanInput = { bins: SCENARIO.bins as never, readings: READINGS, depots: SCENARIO.depots as never, hubs: SCENARIO.hubs as never, vehicles: SCENARIO.fleet as never, date: '2026-11-23' };

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
const textOps = fc.array(textOp, { minLength: 1, maxLength: 3 });
const anyJson = fc.jsonValue({ maxDepth: 4 });
const anyThing = fc.oneof(anyJson, fc.anything({ maxDepth: 3 }));

describe(`fuzzing every entry point (${RUNS} cases each, seed ${SEED})`, () => {
  it('the valid inputs the mutations start from are valid', async () => {
    expect(fromVroom(VROOM).jobs).toHaveLength(4);
    everyJobOnce(fromVroom(VROOM_M), await solveRouting(fromVroom(VROOM_M), { maxIterations: 10 }));
    expect(parseVrp(VRP).dimension).toBe(5);
    for (const [f, t, n] of [['solomon', SOLOMON, 'C101.txt'], ['mtvrptwr', MT, 'm.txt'], ['kim', KIM, 'k_stop.txt']] as const) expect(loadCollectionInstance(f, n, t).problem.jobs.length).toBeGreaterThan(1);
    expect(parseScenario(SCENARIO).bins).toHaveLength(4);
    expect(readReadings(READINGS_CSV).problems).toEqual([]);
    const p = await plan(PLAN, { matrix: 'haversine', solve: { maxIterations: 10, seed: 1 } });
    expect(p.routes.flatMap((r) => r.stops).length + p.skipped.length + p.unassigned.length).toBe(4);
  });

  it('fromVroom: arbitrary values and mutations of valid problems', async () => {
    current = 'fromVroom: arbitrary values and mutations of valid problems';
    await fc.assert(fc.asyncProperty(fc.oneof(anyThing, mutations.map((m) => mutate(VROOM, m)), mutations.map((m) => mutate(VROOM_M, m))), (x) => validOrCoded(() => fromVroom(x))), params());
    expectBothOutcomes(current);
  });

  it('solve() with VROOM JSON: a plan with every job once, or a coded error', async () => {
    current = 'solve() with VROOM JSON: a plan with every job once, or a coded error';
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutations.map((m) => mutate(VROOM, m)), mutations.map((m) => mutate(VROOM_M, m)), anyJson), async (x) => {
        await validOrCoded(() => solve(x as never, { maxIterations: 10, seed: 1 }), (s) => everyJobOnce(fromVroom(x), s as unknown as RoutingSolution));
      }),
      params(),
    );
    expectBothOutcomes(current);
  });

  it('solveRouting() with a mutated RoutingProblem object', async () => {
    current = 'solveRouting() with a mutated RoutingProblem object';
    const base = fromVroom(VROOM);
    const plain = { ...base, matrices: base.matrices.map((m) => ({ ...m, durations: [...m.durations], distances: [...m.distances] })) };
    await fc.assert(
      fc.asyncProperty(mutations, async (m) => {
        const p = mutate(plain, m) as unknown as RoutingProblem;
        // the model holds typed matrices: give them back as Int32Array where they are still arrays of numbers
        for (const mat of (p as { matrices?: unknown } | null)?.matrices instanceof Array ? p.matrices : []) {
          for (const k of ['durations', 'distances'] as const) if (Array.isArray(mat?.[k]) && (mat[k] as unknown as unknown[]).every((v) => typeof v === 'number')) mat[k] = Int32Array.from(mat[k] as unknown as number[]);
        }
        await validOrCoded(() => solveRouting(p, { maxIterations: 10, seed: 1 }), (s) => everyJobOnce(p, s));
      }),
      params(),
    );
    expectBothOutcomes(current);
  });

  it('solve() with CVRP objects', async () => {
    current = 'solve() with CVRP objects';
    const base = { capacity: 10, demands: [0, 4, 5, 6, 2], coordinates: [0, 0, 1, 0, 0, 1, -1, 0, 3, 3] };
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutations.map((m) => mutate(base, m)), anyJson), async (x) => {
        await validOrCoded(() => solve(x as never, { maxIterations: 10, seed: 1 }), (s) => {
          const n = (x as typeof base).demands.length;
          expect(s.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
        });
      }),
      params(),
    );
    expectBothOutcomes(current);
  });

  it('parseVrp and loadInstance: CVRPLIB text, mutated or arbitrary', async () => {
    current = 'parseVrp and loadInstance: CVRPLIB text, mutated or arbitrary';
    await fc.assert(
      fc.asyncProperty(fc.oneof(textOps.map((o) => mutateText(VRP, o)), fc.string({ maxLength: 200 })), fc.constantFrom('t.vrp', 'x.txt', 'y.json'), async (text, name) => {
        await validOrCoded(() => parseVrp(text, name));
        await validOrCoded(() => loadInstance(name, text));
      }),
      params(),
    );
    expectBothOutcomes(current);
  });

  for (const [format, text, name] of [['solomon', SOLOMON, 'C101.txt'], ['mtvrptwr', MT, 'm.txt'], ['kim', KIM, 'k_stop.txt']] as const) {
    it(`${format}: mutated text read and solved`, async () => {
    current = `${format}: mutated text read and solved`;
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: textOps.map((o) => mutateText(text, o)), weight: 4 }, { arbitrary: fc.string({ maxLength: 200 }), weight: 1 }), async (t) => {
          let problem: RoutingProblem | undefined;
          await validOrCoded(() => (problem = loadCollectionInstance(format, name, t).problem));
          if (problem) await validOrCoded(() => solveRouting(problem!, { maxIterations: 10, seed: 1 }), (s) => everyJobOnce(problem!, s));
        }),
        params(),
      );
      expectBothOutcomes(current);
    });
  }

  it('parseScenario: arbitrary values and mutations of a valid scenario', async () => {
    current = 'parseScenario: arbitrary values and mutations of a valid scenario';
    await fc.assert(fc.asyncProperty(fc.oneof(anyThing, mutations.map((m) => mutate(SCENARIO, m))), (x) => validOrCoded(() => parseScenario(x))), params());
    expectBothOutcomes(current);
  });

  it('readReadings: mutated CSV and JSON, arbitrary text', async () => {
    current = 'readReadings: mutated CSV and JSON, arbitrary text';
    await fc.assert(
      fc.asyncProperty(fc.oneof(textOps.map((o) => mutateText(READINGS_CSV, o)), mutations.map((m) => JSON.stringify(mutate({ readings: READINGS }, m))), fc.string({ maxLength: 200 })), (t) =>
        validOrCoded(() => readReadings(t, { binIds: ['b1', 'b2', 'b3', 'b4'] }), (r) => expect(r.readings.length + r.problems.length).toBe(r.total)),
      ),
      params(),
    );
    expectBothOutcomes(current);
  });

  it('binroute solve (in-process): exit 0, or exit 2 with one coded line per problem; exit 1 only for a benchmark instance not fully served', async () => {
    current = 'binroute solve (CLI, in-process)';
    const dir = mkdtempSync(join(tmpdir(), 'binroute-fuzz-cli-'));
    const inputs = fc.oneof(
      mutations.map((m) => ['p.json', JSON.stringify(mutate(VROOM, m)) ?? ''] as const),
      textOps.map((o) => ['p.json', mutateText(JSON.stringify(VROOM_M, null, 1), o)] as const),
      textOps.map((o) => ['p.vrp', mutateText(VRP, o)] as const),
      textOps.map((o) => ['C101.txt', mutateText(SOLOMON, o)] as const),
      textOps.map((o) => ['m.txt', mutateText(MT, o)] as const),
      textOps.map((o) => ['k_stop.txt', mutateText(KIM, o)] as const),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async ([name, text]) => {
        const file = join(dir, name);
        writeFileSync(file, text);
        let err = '';
        const io = { ...BASE_IO, stdout: () => {}, stderr: (t: string) => void (err += t), stdinIsPiped: () => false };
        const code = await runCli(['solve', file, '--iterations', '10', '--seed', '1', '--quiet'], io);
        const t = tally.get(current) ?? { valid: 0, coded: 0, codes: new Set<string>() };
        tally.set(current, t);
        if (code === 0) t.valid++;
        else if (code === 1 && name !== 'p.json' && name !== 'p.vrp') {
          // a benchmark instance not fully served (fleet too small for the solver): documented exit 1,
          // one line naming how many customers and why — never a claimed bug, never a stack
          expect(err, err).toMatch(/^binroute: .+: \d+ customer\(s\) not served \([a-z_]+ ×\d+(, [a-z_]+ ×\d+)*\); the \w+ format asks for every customer to be served, so the instance is not solved: the fleet may be too small or the budget too short\n$/);
          t.valid++;
        } else {
          expect(code, err).toBe(2);
          for (const line of err.trim().split('\n')) expect(line, err).toMatch(/^binroute: .+ \[E\d{4}\]$|^binroute: … and \d+ more problems?$/);
          t.coded++;
          t.codes.add(/\[(E\d{4})\]/.exec(err)![1]);
        }
      }),
      params(),
    );
    expectBothOutcomes(current);
  });

  it('plan(): mutated plan inputs give a plan with every bin once, or a coded error', async () => {
    current = 'plan(): mutated plan inputs give a plan with every bin once, or a coded error';
    await fc.assert(
      fc.asyncProperty(mutations, async (m) => {
        const input = mutate(PLAN, m);
        await validOrCoded(
          () => plan(input, { matrix: 'haversine', solve: { maxIterations: 10, seed: 1 } }),
          (p) => {
            const ids = (input.bins as { id: string }[]).map((b) => b.id);
            const back = [...p.routes.flatMap((r) => r.stops.map((s) => s.binId)), ...p.skipped.map((s) => s.binId), ...p.unassigned.map((u) => u.binId)];
            expect(back.sort()).toEqual([...ids].sort());
          },
        );
      }),
      params(),
    );
    expectBothOutcomes(current);
  });
});
