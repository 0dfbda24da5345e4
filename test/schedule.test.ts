import { describe, expect, it } from 'vitest';
import type { RoutingProblem, RoutingStep } from '../src/model/RoutingProblem.js';
import { routeCost, scheduleRoute, type ViolationKind } from './reference/scheduleRoute.js';
import { fromVroom } from '../src/vroom/fromVroom.js';

// Four locations: 0 = depot, 1, 2, 3. Distances are 10 × durations.
const DUR = [
  [0, 600, 900, 1200],
  [600, 0, 300, 700],
  [900, 300, 0, 400],
  [1200, 700, 400, 0],
];
const DIST = DUR.map((r) => r.map((x) => 10 * x));

function problem(input: { jobs?: any[]; vehicle?: Record<string, unknown>; facilities?: any[]; costs?: number[][] }): RoutingProblem {
  return fromVroom({
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], ...input.vehicle }],
    jobs: input.jobs ?? [],
    facilities: input.facilities,
    matrices: { car: { durations: DUR, distances: DIST, ...(input.costs ? { costs: input.costs } : {}) } },
  });
}

const job = (index: number): RoutingStep => ({ type: 'job', index });
const reload = (index: number): RoutingStep => ({ type: 'reload', index });
const brk = (index: number): RoutingStep => ({ type: 'break', index });
const kinds = (p: RoutingProblem, steps: RoutingStep[]): ViolationKind[] =>
  scheduleRoute(p, 0, steps).violations.map((v) => v.kind);

describe('scheduleRoute: times', () => {
  const p = problem({
    jobs: [
      { id: 100, location_index: 1, service: 100, time_windows: [[2000, 3000]] },
      { id: 101, location_index: 2, service: 50 },
    ],
  });

  it('waits for a window when leaving at the start of the working hours', () => {
    const s = scheduleRoute(p, 0, [job(0), job(1)], { departure: 'earliest' });
    expect(s.steps.map((x) => [x.type, x.arrival, x.waitingTime, x.start, x.departure, x.duration, x.distance])).toEqual([
      ['start', 0, 0, 0, 0, 0, 0],
      ['job', 600, 1400, 2000, 2100, 600, 6000],
      ['job', 2400, 0, 2400, 2450, 900, 9000],
      ['end', 3350, 0, 3350, 3350, 1800, 18000],
    ]);
    expect(s).toMatchObject({ duration: 1800, distance: 18000, waitingTime: 1400, service: 150, setup: 0, cost: 1800, feasible: true, jobs: 2 });
  });

  it('by default leaves as late as possible without ending later (VROOM rule)', () => {
    const s = scheduleRoute(p, 0, [job(0), job(1)]);
    expect(s.steps.map((x) => x.arrival)).toEqual([1400, 2000, 2400, 3350]);
    expect(s.waitingTime).toBe(0);
    expect(s.cost).toBe(1800);
  });

  it('never leaves before the working hours and keeps waiting that a later start cannot remove', () => {
    const q = problem({
      vehicle: { time_window: [1000, 50000] },
      jobs: [
        { id: 1, location_index: 1, time_windows: [[1600, 2000]] },
        { id: 2, location_index: 2, time_windows: [[5000, 6000]] },
      ],
    });
    const early = scheduleRoute(q, 0, [job(0), job(1)], { departure: 'earliest' });
    expect(early.steps.map((x) => [x.arrival, x.waitingTime])).toEqual([
      [1000, 0],
      [1600, 0],
      [1900, 3100],
      [5900, 0],
    ]);
    // leaving at 1400 still reaches job 1 in its window; the wait at job 2 shrinks but stays
    const s = scheduleRoute(q, 0, [job(0), job(1)]);
    expect(s.steps.map((x) => [x.arrival, x.waitingTime])).toEqual([
      [1400, 0],
      [2000, 0],
      [2300, 2700],
      [5900, 0],
    ]);
    expect(s.waitingTime).toBe(2700);
  });

  it('picks the first window that is still open, across several windows', () => {
    const q = problem({ jobs: [{ id: 1, location_index: 1, time_windows: [[100, 500], [1000, 1200]] }] });
    const s = scheduleRoute(q, 0, [job(0)], { departure: 'earliest' });
    expect(s.steps[1]).toMatchObject({ arrival: 600, waitingTime: 400, start: 1000 });
    expect(s.feasible).toBe(true);
  });

  it('reports lateness after the last window', () => {
    const q = problem({ jobs: [{ id: 1, location_index: 1, time_windows: [[100, 300], [400, 500]] }] });
    const s = scheduleRoute(q, 0, [job(0)]);
    expect(s.violations).toEqual([expect.objectContaining({ kind: 'time_window', step: 1, lateness: 100 })]);
    expect(s.steps[1].arrival).toBe(600);
  });

  it('applies setup only when the previous stop is elsewhere (the vehicle start counts)', () => {
    const q = problem({
      jobs: [
        { id: 1, location_index: 1, setup: 60, service: 10 },
        { id: 2, location_index: 1, setup: 60, service: 10 },
        { id: 3, location_index: 2, setup: 30, service: 0 },
      ],
    });
    const s = scheduleRoute(q, 0, [job(0), job(1), job(2)]);
    expect(s.steps.slice(1, 4).map((x) => x.setup)).toEqual([60, 0, 30]);
    expect(s.setup).toBe(90);
    expect(s.steps.map((x) => x.arrival)).toEqual([0, 600, 670, 980, 1910]);
    const fromOne = problem({ vehicle: { start_index: 1 }, jobs: [{ id: 1, location_index: 1, setup: 60 }] });
    expect(scheduleRoute(fromOne, 0, [job(0)]).steps[1].setup).toBe(0);
  });

  it('a break happens where the vehicle is, waits for its window, and does not reset setup', () => {
    const q = problem({
      vehicle: { breaks: [{ id: 9, time_windows: [[1000, 1500]], service: 300 }] },
      jobs: [
        { id: 1, location_index: 1, service: 100 },
        { id: 2, location_index: 1, setup: 50 },
        { id: 3, location_index: 2 },
      ],
    });
    const s = scheduleRoute(q, 0, [job(0), brk(0), job(1), job(2)], { departure: 'earliest' });
    const b = s.steps[2];
    expect(b).toMatchObject({ type: 'break', location: 1, arrival: 700, waitingTime: 300, start: 1000, departure: 1300, duration: 600, distance: 6000 });
    expect(s.steps[3]).toMatchObject({ arrival: 1300, setup: 0 });
    expect(s.steps[4].arrival).toBe(1600);
    expect(s.service).toBe(400);
    expect(s.feasible).toBe(true);
    // latest departure removes the break wait
    const late = scheduleRoute(q, 0, [job(0), brk(0), job(1), job(2)]);
    expect(late.steps[0].arrival).toBe(300);
    expect(late.waitingTime).toBe(0);
  });

  it('handles open routes: no end ends after the last service, no start starts at the first stop', () => {
    const noEnd = problem({ vehicle: { end_index: undefined }, jobs: [{ id: 1, location_index: 2, service: 40 }] });
    const s = scheduleRoute(noEnd, 0, [job(0)]);
    expect(s.steps.at(-1)).toMatchObject({ type: 'end', location: 2, arrival: 940, duration: 900 });
    expect(s.duration).toBe(900);
    const noStart = problem({ vehicle: { start_index: undefined }, jobs: [{ id: 1, location_index: 2, service: 40 }] });
    const t = scheduleRoute(noStart, 0, [job(0)]);
    expect(t.steps[0]).toMatchObject({ type: 'start', location: 2, arrival: 0 });
    expect(t.steps[1]).toMatchObject({ arrival: 0, duration: 0 });
    expect(t.steps[2]).toMatchObject({ arrival: 940, duration: 900, distance: 9000 });
  });

  it('divides travel times by the speed factor (rounded per arc)', () => {
    const q = problem({ vehicle: { speed_factor: 2 }, jobs: [{ id: 1, location_index: 1 }] });
    const s = scheduleRoute(q, 0, [job(0)]);
    expect(s.duration).toBe(600);
    expect(s.distance).toBe(12000);
    const r = problem({ vehicle: { speed_factor: 1.5 }, jobs: [{ id: 1, location_index: 3 }] });
    expect(scheduleRoute(r, 0, [job(0)]).steps[1].arrival).toBe(800);
  });
});

describe('scheduleRoute: loads and reloads', () => {
  const facilities = [{ id: 50, location_index: 3, setup: 20, service: 300 }];

  it('resets the collected load at a reload', () => {
    const p = problem({
      facilities,
      jobs: [
        { id: 1, location_index: 1, pickup: [6] },
        { id: 2, location_index: 2, pickup: [6] },
      ],
    });
    const s = scheduleRoute(p, 0, [job(0), reload(0), job(1)]);
    expect(s.steps.map((x) => x.load[0])).toEqual([0, 6, 0, 6, 6]);
    expect(s.steps[2]).toMatchObject({ type: 'reload', setup: 20, service: 300, arrival: 1300 });
    expect(s.reloads).toBe(1);
    expect(s.pickup).toEqual([12]);
    expect(s.feasible).toBe(true);
    expect(kinds(p, [job(0), job(1)])).toEqual(['capacity']);
  });

  it('loads each trip\'s deliveries at its start and checks them', () => {
    const p = problem({
      facilities,
      jobs: [
        { id: 1, location_index: 1, delivery: [4], pickup: [2] },
        { id: 2, location_index: 2, delivery: [7] },
        { id: 3, location_index: 2, delivery: [8] },
      ],
    });
    const s = scheduleRoute(p, 0, [job(0), reload(0), job(1)]);
    expect(s.steps.map((x) => x.load[0])).toEqual([4, 2, 7, 0, 0]);
    expect(s.delivery).toEqual([11]);
    expect(kinds(p, [job(1), job(2)])).toEqual(['capacity']); // 15 loaded at the start
    expect(scheduleRoute(p, 0, [job(1), job(2)]).violations[0].step).toBe(0);
    expect(kinds(p, [job(1), reload(0), job(2)])).toEqual([]);
  });

  it('checks the facilities a vehicle may use and max_reloads', () => {
    const p = problem({
      facilities: [...facilities, { id: 51, location_index: 0 }],
      vehicle: { facilities: [51], max_reloads: 1 },
      jobs: [{ id: 1, location_index: 1, pickup: [1] }],
    });
    expect(kinds(p, [job(0), reload(0)])).toEqual(['facility']);
    expect(kinds(p, [reload(1), job(0), reload(1)])).toEqual(['max_reloads']);
  });

  it('checks a break\'s max_load and that every break appears once', () => {
    const p = problem({
      vehicle: { breaks: [{ id: 9, service: 60, max_load: [5] }] },
      jobs: [
        { id: 1, location_index: 1, pickup: [4] },
        { id: 2, location_index: 2, pickup: [4] },
      ],
    });
    expect(kinds(p, [job(0), brk(0), job(1)])).toEqual([]);
    expect(kinds(p, [job(0), job(1), brk(0)])).toEqual(['max_load']);
    expect(kinds(p, [job(0), job(1)])).toEqual(['missing_break']);
    expect(kinds(p, [brk(0), job(0), brk(0), job(1)])).toEqual(['duplicate_break']);
    // an unused vehicle needs no break
    expect(scheduleRoute(p, 0, []).violations).toEqual([]);
  });

  it('reports a break that starts after its window', () => {
    const p = problem({
      vehicle: { breaks: [{ id: 9, time_windows: [[0, 500]], service: 60 }] },
      jobs: [{ id: 1, location_index: 1 }],
    });
    const s = scheduleRoute(p, 0, [job(0), brk(0)]);
    expect(s.violations).toEqual([expect.objectContaining({ kind: 'time_window', step: 2, lateness: 100 })]);
  });
});

describe('scheduleRoute: limits and costs', () => {
  it('detects skills, max_tasks, max_travel_time, max_distance and the vehicle end', () => {
    const p = problem({
      vehicle: { skills: [1], max_tasks: 1, max_travel_time: 1700, max_distance: 17000, time_window: [0, 1700] },
      jobs: [
        { id: 1, location_index: 1, skills: [1, 2] },
        { id: 2, location_index: 2 },
      ],
    });
    const s = scheduleRoute(p, 0, [job(0), job(1)]);
    expect(s.violations.map((v) => v.kind).sort()).toEqual(
      ['max_distance', 'max_tasks', 'max_travel_time', 'skills', 'vehicle_time_window'].sort(),
    );
    expect(s.violations.find((v) => v.kind === 'vehicle_time_window')!.lateness).toBe(100);
    expect(s.violations.find((v) => v.kind === 'skills')!.message).toMatch(/job 1 needs skill\(s\) 2/);
    expect(s.feasible).toBe(false);
  });

  it('detects unreachable arcs', () => {
    const p = fromVroom({
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [{ id: 1, location_index: 1 }],
      matrices: { car: { durations: [[0, null], [5, 0]] } },
    });
    expect(kinds(p, [job(0)])).toContain('unreachable');
  });

  it('computes VROOM costs: fixed + rounded per_hour and per_km, or the custom cost matrix', () => {
    expect(routeCost({ fixed: 1000, perHour: 3600, perKm: 500 }, 1800, 12_345)).toBe(8973);
    expect(routeCost({ fixed: 0, perHour: 1000, perKm: 0 }, 1, 0)).toBe(0);
    expect(routeCost({ fixed: 7, perHour: 0, perKm: 0 }, 100, 100, 42)).toBe(49);
    const p = problem({ vehicle: { costs: { fixed: 500, per_hour: 1800, per_km: 200 } }, jobs: [{ id: 1, location_index: 1 }] });
    // 1200 s, 12 000 m: 500 + round(600 + 2400)
    expect(scheduleRoute(p, 0, [job(0)]).cost).toBe(3500);
    const c = problem({
      vehicle: { costs: { fixed: 5 } },
      costs: [
        [0, 11, 0, 0],
        [13, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      jobs: [{ id: 1, location_index: 1 }],
    });
    expect(scheduleRoute(c, 0, [job(0)]).cost).toBe(29);
    expect(scheduleRoute(c, 0, []).cost).toBe(0);
  });

  it('rejects malformed steps with a RangeError', () => {
    const p = problem({ jobs: [{ id: 1, location_index: 1 }] });
    expect(() => scheduleRoute(p, 0, [job(3)])).toThrow(RangeError);
    expect(() => scheduleRoute(p, 0, [job(0), job(0)])).toThrow(/twice/);
    expect(() => scheduleRoute(p, 4, [])).toThrow(RangeError);
  });

  it('accepts and ignores start/end steps in the input', () => {
    const p = problem({ jobs: [{ id: 1, location_index: 1 }] });
    const a = scheduleRoute(p, 0, [{ type: 'start', index: -1 }, job(0), { type: 'end', index: -1 }]);
    const b = scheduleRoute(p, 0, [job(0)]);
    expect(a).toEqual(b);
  });
});

describe('scheduleRoute: properties', () => {
  it('leaving late keeps the end time, the violations, travel and distance, and never adds waiting', async () => {
    const fc = (await import('fast-check')).default;
    const windows = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 2000 })).map(([s, l]) => [s, s + l]),
      { minLength: 1, maxLength: 3 },
    );
    const jobArb = fc.record({
      location_index: fc.integer({ min: 1, max: 3 }),
      service: fc.integer({ min: 0, max: 300 }),
      setup: fc.integer({ min: 0, max: 100 }),
      pickup: fc.tuple(fc.integer({ min: 0, max: 6 })),
      time_windows: fc.option(windows, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(jobArb, { minLength: 1, maxLength: 6 }),
        fc.option(windows, { nil: undefined }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (jobs, breakWindows, twStart, order) => {
          const p = problem({
            facilities: [{ id: 1, location_index: 3, service: 60 }],
            vehicle: { time_window: [twStart, 20000], breaks: [{ id: 1, service: 600, time_windows: breakWindows }] },
            jobs: jobs.map((j, i) => ({ id: i, ...j })),
          });
          const steps: RoutingStep[] = jobs.map((_, i) => job(i));
          steps.splice((order[0] ?? 0) % (steps.length + 1), 0, brk(0));
          if ((order[1] ?? 0) % 2 === 1) steps.splice((order[2] ?? 0) % (steps.length + 1), 0, reload(0));
          const early = scheduleRoute(p, 0, steps, { departure: 'earliest' });
          const late = scheduleRoute(p, 0, steps);
          expect(late.steps.at(-1)!.arrival).toBe(early.steps.at(-1)!.arrival);
          expect(late.violations.map((v) => v.kind)).toEqual(early.violations.map((v) => v.kind));
          expect([late.duration, late.distance, late.cost]).toEqual([early.duration, early.distance, early.cost]);
          expect(late.waitingTime).toBeLessThanOrEqual(early.waitingTime);
          expect(late.steps[0].arrival).toBeGreaterThanOrEqual(twStart);
          for (const s of late.steps) expect(s.start).toBe(s.arrival + s.waitingTime);
          for (let k = 1; k < late.steps.length; k++) expect(late.steps[k].arrival).toBeGreaterThanOrEqual(late.steps[k - 1].departure);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
