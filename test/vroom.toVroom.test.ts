import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoutingProblem, RoutingSolution, RoutingStep } from '../src/model/RoutingProblem.js';
import { evaluateRoutes } from '../src/codec/evaluateRoutes.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { toVroom } from '../src/vroom/toVroom.js';

const job = (index: number): RoutingStep => ({ type: 'job', index });
const brk = (index: number): RoutingStep => ({ type: 'break', index });

/** The given routes, scheduled and explained by the solver's engine (evaluateRoutes). */
async function solution(p: RoutingProblem, routes: [number, RoutingStep[]][]): Promise<RoutingSolution> {
  const s = await evaluateRoutes(p, routes.map(([vehicle, steps]) => ({ vehicle, steps })));
  return { ...s, elapsedMs: 7.4 };
}

/** A malformed solution (no schedules), for toVroom's own checks. */
function raw(routes: [number, RoutingStep[]][], unassigned: number[]): RoutingSolution {
  return {
    routes: routes.map(([vehicle, steps]) => ({ vehicle, steps, schedule: undefined as never })),
    unassigned,
    reasons: [],
    cost: 0,
    elapsedMs: 0,
    iterations: 0,
    stopReason: 'iterations',
    seed: 1,
  };
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/vroom/${name}.json`, import.meta.url), 'utf8'));

describe('toVroom', () => {
  const small = fromVroom({
    vehicles: [
      { id: 7, description: 'bike', start_index: 0, end_index: 0, capacity: [10], costs: { fixed: 100, per_km: 1000 } },
      { id: 8, start_index: 0, capacity: [10] },
    ],
    jobs: [
      { id: 1, location_index: 1, location: [127.05, 37.54], service: 60, pickup: [4], description: 'café' },
      { id: 2, location_index: 2, setup: 30, delivery: [3], priority: 5 },
      { id: 3, location_index: 1, skills: [9], prize: 250 },
    ],
    matrices: {
      car: {
        durations: [
          [0, 100, 200],
          [100, 0, 50],
          [200, 50, 0],
        ],
        distances: [
          [0, 1000, 2000],
          [1000, 0, 500],
          [2000, 500, 0],
        ],
      },
    },
  });

  it('writes VROOM output with timed steps, totals and reasons', async () => {
    const out = toVroom(small, await solution(small, [[0, [job(1), job(0)]], [1, []]]));
    expect(out).toEqual({
      code: 0,
      summary: {
        cost: 100 + 350 + 3500,
        routes: 1,
        unassigned: 1,
        setup: 30,
        service: 60,
        duration: 350,
        waiting_time: 0,
        priority: 5,
        distance: 3500,
        delivery: [3],
        pickup: [4],
        violations: [],
        unserved_prize: 250,
        objective: 3950 + 250,
        computing_times: { solving: 7 },
      },
      unassigned: [
        {
          id: 3,
          type: 'job',
          location: [127.05, 37.54],
          location_index: 1,
          reason: 'skills',
          detail: 'no vehicle has all of skills 9',
        },
      ],
      routes: [
        {
          vehicle: 7,
          description: 'bike',
          cost: 3950,
          setup: 30,
          service: 60,
          duration: 350,
          waiting_time: 0,
          priority: 5,
          distance: 3500,
          delivery: [3],
          pickup: [4],
          violations: [],
          steps: [
            { type: 'start', location_index: 0, arrival: 0, duration: 0, setup: 0, service: 0, waiting_time: 0, load: [3], distance: 0, violations: [] },
            { type: 'job', id: 2, location_index: 2, arrival: 200, duration: 200, setup: 30, service: 0, waiting_time: 0, load: [0], distance: 2000, violations: [] },
            { type: 'job', id: 1, description: 'café', location: [127.05, 37.54], location_index: 1, arrival: 280, duration: 250, setup: 0, service: 60, waiting_time: 0, load: [4], distance: 2500, violations: [] },
            { type: 'end', location_index: 0, arrival: 440, duration: 350, setup: 0, service: 0, waiting_time: 0, load: [4], distance: 3500, violations: [] },
          ],
        },
      ],
    });
  });

  it('reports violations of an infeasible route instead of hiding them', async () => {
    const p = fromVroom({
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [5], time_window: [0, 100] }],
      jobs: [{ id: 1, location_index: 1, pickup: [6] }],
      matrices: { car: { durations: [[0, 100], [100, 0]] } },
    });
    // the engine refuses an infeasible given route, naming the constraint
    await expect(solution(p, [[0, [job(0)]]])).rejects.toThrow(/vehicle 1 is not feasible \(capacity/);
  });

  it('rejects malformed solutions', async () => {
    expect(() => toVroom(small, raw([[0, [job(0), job(1)]], [1, [job(0)]]], [2]))).toThrow(/served twice/);
    expect(() => toVroom(small, raw([[0, [job(0), job(1)]]], [1, 2]))).toThrow(/both served and unassigned/);
    expect(() => toVroom(small, raw([[0, [job(0)]]], [2]))).toThrow(/neither served nor unassigned/);
    expect(() => toVroom(small, raw([[5, []]], [0, 1, 2]))).toThrow(/vehicle index 5/);
    expect(() => toVroom(small, raw([[0, []], [0, []]], [0, 1, 2]))).toThrow(/two routes/);
  });

  it('summary totals are the sums over routes on the café fixture (bike + truck, lunch breaks)', async () => {
    const p = fromVroom(fixture('seongsu-cafes'));
    const out = toVroom(p, await solution(p, [
      [0, [job(3), job(0), brk(0), job(1), job(2)]],
      [1, [job(5), job(4), brk(0)]],
    ]));
    expect(out.routes).toHaveLength(2);
    for (const key of ['cost', 'setup', 'service', 'duration', 'waiting_time', 'distance', 'priority'] as const) {
      expect(out.summary[key]).toBe(out.routes.reduce((s, r) => s + r[key], 0));
    }
    expect(out.summary.pickup).toEqual([151]);
    for (const r of out.routes) {
      expect(r.violations).toEqual([]);
      const last = r.steps.at(-1)!;
      expect(last.duration).toBe(r.duration);
      expect(last.distance).toBe(r.distance);
      for (const s of r.steps) expect(s.location).toBeDefined();
      for (let k = 1; k < r.steps.length; k++) {
        const a = r.steps[k - 1];
        const b = r.steps[k];
        // time never runs backwards: previous departure ≤ next arrival
        expect(a.arrival + a.waiting_time + a.setup + a.service).toBeLessThanOrEqual(b.arrival);
      }
    }
    // the engine places the break where the vehicle is
    const bike = out.routes[0];
    const b = bike.steps.findIndex((s) => s.type === 'break');
    expect(bike.steps[b]).toMatchObject({ type: 'break', id: 1, location: bike.steps[b - 1].location });
    // truck cost: fixed 20000 + per arc round(per_hour · travel / 3600 + per_km 300 · distance / 1000)
    const truck = out.routes[1];
    const tv = p.vehicles[1];
    const mat = p.matrices[tv.profile];
    let arcs = 0;
    for (let k = 1; k < truck.steps.length; k++) {
      const [from, to] = [truck.steps[k - 1].location_index!, truck.steps[k].location_index!];
      if (from === to && truck.steps[k].type === 'break') continue;
      const d = Math.round(mat.durations[from * p.size + to] / tv.speedFactor);
      arcs += Math.round((tv.costs.perHour * d) / 3600 + (tv.costs.perKm * mat.distances[from * p.size + to]) / 1000);
    }
    expect(truck.cost).toBe(20000 + arcs);
  });

  it('writes reload steps with the facility id and the emptied load (hub fixture)', async () => {
    const p = fromVroom(fixture('reload-hub'));
    const reload: RoutingStep = { type: 'reload', index: 0 };
    const out = toVroom(p, await solution(p, [[0, [job(0), job(1), reload, job(2), job(3), reload, job(4), job(5)]]]));
    const r = out.routes[0];
    expect(r.violations).toEqual([]);
    expect(r.steps.map((s) => [s.type, s.id ?? null, s.load[0]])).toEqual([
      ['start', null, 0],
      ['job', 201, 14],
      ['job', 202, 25],
      ['reload', 900, 0],
      ['job', 203, 12],
      ['job', 204, 21],
      ['reload', 900, 0],
      ['job', 205, 13],
      ['job', 206, 23],
      ['end', null, 23],
    ]);
    expect(r.steps[3]).toMatchObject({ service: 600, setup: 60, location: [127.0473, 37.5474] });
  });

  it('explains unserved optional jobs (prize fixture)', async () => {
    const p = fromVroom(fixture('optional-prizes'));
    const out = toVroom(p, await solution(p, [[0, [job(0), job(2), job(1), job(4)]]]));
    expect(out.unassigned).toEqual([
      expect.objectContaining({ id: 304, type: 'job', reason: 'not_profitable', description: 'nearly empty bin far away' }),
    ]);
    expect(out.summary.unserved_prize).toBe(300);
    expect(out.summary.objective).toBe(out.summary.cost + 300);
  });
});

describe('evaluateRoutes', () => {
  const p = fromVroom({
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [5] }, { id: 2, start_index: 0, end_index: 0, capacity: [5] }],
    jobs: [{ id: 1, location_index: 1, pickup: [2] }, { id: 2, location_index: 2, pickup: [2] }],
    matrices: { car: { durations: [[0, 5, 9], [5, 0, 4], [9, 4, 0]] } },
  });

  it('schedules and prices the given routes, and explains the jobs left out', async () => {
    const s = await evaluateRoutes(p, [{ vehicle: 0, steps: [job(0)] }]);
    expect(s.routes[0].schedule.cost).toBe(10);
    expect(s.routes[0].schedule.steps.map((x) => x.arrival)).toEqual([0, 5, 10]);
    expect(s.unassigned).toEqual([1]);
    expect(s.reasons[0]).toMatchObject({ job: 1, reason: 'fleet_exhausted', solverMissed: true });
  });

  it('refuses malformed routes with an InputError naming the field', async () => {
    await expect(evaluateRoutes(p, [{ vehicle: 3, steps: [] }])).rejects.toThrow(/routes\[0\]\.vehicle/);
    await expect(evaluateRoutes(p, [{ vehicle: 0, steps: [] }, { vehicle: 0, steps: [] }])).rejects.toThrow(/two routes/);
    await expect(evaluateRoutes(p, [{ vehicle: 0, steps: [job(0), job(0)] }])).rejects.toThrow(/appears twice/);
    await expect(evaluateRoutes(p, [{ vehicle: 0, steps: [job(7)] }])).rejects.toThrow(/out of range/);
  });
});
