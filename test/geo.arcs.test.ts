// Computed arcs (the core's geo build, for problems above the matrix limit): the core's
// arithmetic agrees with the rule in src/model/geoArcs.ts to the unit, the geo build searches
// exactly like the matrix build when the matrices hold the same values, and the VROOM `arcs`
// extension and the automatic switch above GEO_ARCS_ABOVE locations work, with clear errors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromVroom, solveRouting } from '../src/index.js';
import { GEO_ARCS_ABOVE } from '../src/core/coreInput.js';
import { geoCost, geoDistance, geoDuration, geoPoints } from '../src/model/geoArcs.js';
import type { RoutingProblem } from '../src/model/RoutingProblem.js';
import { InputError } from '../src/errors.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';

const pointArb = fc.tuple(fc.double({ min: 126.9, max: 127.2, noNaN: true }), fc.double({ min: 37.45, max: 37.65, noNaN: true }));

/** A small collection problem over `coords` (first = depot) with computed arcs. */
function geoProblem(coords: [number, number][], opts: { vehicles: number; capacity: number; windows: boolean; perKm: number; speedFactor: number }): unknown {
  return {
    vehicles: Array.from({ length: opts.vehicles }, (_, i) => ({
      id: i + 1,
      profile: i % 2 ? 'bike' : 'truck',
      start: coords[0],
      end: coords[0],
      capacity: [opts.capacity],
      time_window: [0, 8 * 3600],
      speed_factor: opts.speedFactor,
      costs: { per_hour: 3600, per_km: opts.perKm, fixed: 100 },
    })),
    jobs: coords.slice(1).map((c, k) => ({
      id: k + 1,
      location: c,
      pickup: [1 + (k % 3)],
      service: 60,
      ...(opts.windows && k % 2 ? { time_windows: [[3600 * (k % 4), 3600 * (k % 4) + 5400]] } : {}),
    })),
    matrices: { truck: { arcs: { detour: 1.4, speed: 22 } }, bike: { arcs: { detour: 1.6, speed: 15 } } },
  };
}

/** The same problem with its computed arcs written out as full matrices (speed factor 1, per-km 0). */
function materialise(problem: RoutingProblem): RoutingProblem {
  const n = problem.size;
  return {
    ...problem,
    matrices: problem.matrices.map((m) => {
      const durations = new Int32Array(n * n);
      const distances = new Int32Array(n * n);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          distances[a * n + b] = geoDistance(m.geo!, a, b);
          durations[a * n + b] = geoDuration(m.geo!, 1, distances[a * n + b]);
        }
      }
      return { profile: m.profile, durations, distances };
    }),
  };
}

describe('computed arcs (geo build)', () => {
  it('the rule: 1.3 × the straight line, at the profile speed, cost at the vehicle rates', () => {
    const geo = { points: geoPoints([[127.0368, 37.5633], [127.0557, 37.5446]]), detour: 1.3, secondsPerMetre: 3.6 / 25 };
    const d = geoDistance(geo, 0, 1);
    // the haversine distance of these points is 2664.5 m
    expect(Math.abs(d - 2664.5 * 1.3)).toBeLessThan(1);
    expect(geoDistance(geo, 1, 0)).toBe(d);
    expect(geoDistance(geo, 0, 0)).toBe(0);
    expect(geoDuration(geo, 1, d)).toBe(Math.round(d * 0.144));
    expect(geoDuration(geo, 2, d)).toBe(Math.round(d * 0.072));
    expect(geoCost(3600, 1000, 100, 2000)).toBe(2100);
  });

  it('solutions pass the independent checker, whose costs from the rule equal the core’s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pointArb, { minLength: 2, maxLength: 40 }),
        fc.record({ vehicles: fc.integer({ min: 1, max: 4 }), capacity: fc.integer({ min: 3, max: 40 }), windows: fc.boolean(), perKm: fc.constantFrom(0, 500), speedFactor: fc.constantFrom(1, 0.8, 1.25) }),
        async (coords, opts) => {
          const problem = fromVroom(geoProblem(coords, opts));
          expect(problem.matrices[0].geo).toBeDefined();
          const sol = await solveRouting(problem, { seed: 3, maxIterations: 40 });
          const check = checkCollectionSolution(problem, sol);
          expect(check.violations).toEqual([]);
          expect(check.objective).toBe(sol.cost);
          expect(sol.routes.reduce((a, r) => a + r.steps.filter((s) => s.type === 'job').length, 0) + sol.unassigned.length).toBe(problem.jobs.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the geo build searches exactly like the matrix build on the same arcs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pointArb, { minLength: 3, maxLength: 30 }), fc.boolean(), async (coords, windows) => {
        const geo = fromVroom(geoProblem(coords, { vehicles: 3, capacity: 12, windows, perKm: 0, speedFactor: 1 }));
        const dense = materialise(geo);
        const a = await solveRouting(geo, { seed: 5, maxIterations: 60 });
        const b = await solveRouting(dense, { seed: 5, maxIterations: 60 });
        expect(a.cost).toBe(b.cost);
        expect(a.routes.map((r) => [r.vehicle, r.steps])).toEqual(b.routes.map((r) => [r.vehicle, r.steps]));
        expect(a.routes.map((r) => r.schedule.steps.map((s) => s.arrival))).toEqual(b.routes.map((r) => r.schedule.steps.map((s) => s.arrival)));
      }),
      { numRuns: 15 },
    );
  });

  it(`coordinates only: full matrices up to ${GEO_ARCS_ABOVE} locations, computed arcs above`, () => {
    const job = (k: number) => ({ id: k + 1, location: [127 + (k % 100) * 0.001, 37.5 + Math.floor(k / 100) * 0.001] as [number, number] });
    const vehicles = [{ id: 1, start: [127.05, 37.55], end: [127.05, 37.55] }];
    const small = fromVroom({ vehicles, jobs: Array.from({ length: GEO_ARCS_ABOVE - 1 }, (_, k) => job(k)) });
    expect(small.matrices[0].geo).toBeUndefined();
    expect(small.matrices[0].durations.length).toBe(small.size * small.size);
    const large = fromVroom({ vehicles, jobs: Array.from({ length: GEO_ARCS_ABOVE + 1 }, (_, k) => job(k)) });
    expect(large.matrices[0].geo).toBeDefined();
    expect(large.matrices[0].durations.length).toBe(0);
  });

  it('clear errors: a bad arcs entry, a profile without arcs, an open vehicle', async () => {
    const base = geoProblem([[127.0, 37.5], [127.01, 37.51], [127.02, 37.5]], { vehicles: 2, capacity: 10, windows: false, perKm: 0, speedFactor: 1 }) as {
      vehicles: Record<string, unknown>[];
      matrices: Record<string, unknown>;
    };
    const bad = { ...base, matrices: { ...base.matrices, bike: { arcs: { detour: 0.5, speed: 15 } } } };
    expect(() => fromVroom(bad)).toThrow(/matrices\.bike\.arcs\.detour: expected a number from 1 to 10/);
    const missing = { ...base, matrices: { truck: base.matrices.truck } };
    expect(() => fromVroom(missing)).toThrow(/vehicles\[1\]\.profile: no matrices\.bike\.arcs/);
    const mixed = { ...base, matrices: { ...base.matrices, bike: { arcs: { detour: 1.2, speed: 15 }, durations: [[0]] } } };
    expect(() => fromVroom(mixed)).toThrow(/matrices\.bike\.durations: not allowed beside arcs/);
    const open = { ...base, vehicles: base.vehicles.map((v, i) => (i === 0 ? { ...v, end: undefined } : v)) };
    await expect(solveRouting(fromVroom(open), { maxIterations: 10 })).rejects.toThrow(InputError);
    await expect(solveRouting(fromVroom(open), { maxIterations: 10 })).rejects.toThrow(/vehicles\[0\]: computed arcs .* need a start and an end/);
  });
});
