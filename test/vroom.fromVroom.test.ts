import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { parseVroomProblem } from '../src/vroom/parseVroomProblem.js';
import { haversineDistance } from '../src/vroom/haversineDistance.js';
import { UNREACHABLE } from './reference/travelTime.js';

const HUB: [number, number] = [127.0443, 37.5474];
const CAFE_A: [number, number] = [127.0557, 37.5446];
const CAFE_B: [number, number] = [127.0368, 37.5633];

function base(): Record<string, any> {
  return {
    vehicles: [{ id: 1, start: HUB, end: HUB, capacity: [50] }],
    jobs: [
      { id: 10, location: CAFE_A, pickup: [5] },
      { id: 11, location: CAFE_B, pickup: [7] },
    ],
  };
}

function matrixBase(): Record<string, any> {
  return {
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10] }],
    jobs: [
      { id: 10, location_index: 1, pickup: [5] },
      { id: 11, location_index: 2, pickup: [3] },
    ],
    matrices: {
      car: {
        durations: [
          [0, 100, 200],
          [100, 0, 150],
          [200, 150, 0],
        ],
      },
    },
  };
}

/** Asserts that `mutate(base())` is rejected with a message starting with `path`. */
function rejects(input: unknown, path: string, contains?: string | RegExp): void {
  let err: unknown;
  try {
    fromVroom(input);
  } catch (e) {
    err = e;
  }
  expect(err, `expected an InputError at ${path}`).toBeInstanceOf(InputError);
  const msg = (err as InputError).message;
  expect(msg.startsWith(`${path}: `), `"${msg}" should start with "${path}: "`).toBe(true);
  if (contains) expect(msg).toMatch(contains);
  expect((err as InputError).code, msg).toMatch(/^E1\d{3}$|^E0004$|^E7\d{3}$/);
  const r = parseVroomProblem(input);
  expect(r).toMatchObject({ ok: false, code: 2, error: msg });
  expect(r.ok === false && r.inputError.code).toBe((err as InputError).code);
}

function withJob(patch: Record<string, unknown>, index = 0): Record<string, any> {
  const p = base();
  p.jobs[index] = { ...p.jobs[index], ...patch };
  return p;
}

function withVehicle(patch: Record<string, unknown>, index = 0): Record<string, any> {
  const p = base();
  p.vehicles[index] = { ...p.vehicles[index], ...patch };
  return p;
}

describe('fromVroom: good input', () => {
  it('normalises a coordinate problem with haversine defaults and location dedup', () => {
    const p = fromVroom(base());
    expect(p.size).toBe(3); // hub (start = end) + 2 cafés
    expect(p.dims).toBe(1);
    expect(p.vehicles[0]).toMatchObject({
      id: 1,
      profile: 0,
      start: 0,
      end: 0,
      startCoordinates: HUB,
      capacity: [50],
      skills: [],
      timeWindow: [0, 2147483647],
      breaks: [],
      costs: { fixed: 0, perHour: 3600, perKm: 0 },
      speedFactor: 1,
      facilities: [],
    });
    expect(p.jobs.map((j) => j.location)).toEqual([1, 2]);
    expect(p.jobs[0]).toMatchObject({ id: 10, setup: 0, service: 0, pickup: [5], delivery: [0], priority: 0, timeWindows: [] });
    expect(p.jobs[0].prize).toBeUndefined();
    expect(p.matrices).toHaveLength(1);
    const m = p.matrices[0];
    expect(m.profile).toBe('car');
    const d01 = Math.round(haversineDistance(HUB, CAFE_A) * 1.3);
    expect(m.distances[0 * 3 + 1]).toBe(d01);
    expect(m.distances[1 * 3 + 0]).toBe(d01);
    expect(m.distances[0]).toBe(0);
    expect(m.durations[1]).toBe(Math.round(d01 / (25 / 3.6)));
    expect(m.costs).toBeUndefined();
  });

  it('dedups identical coordinates across jobs, facilities and vehicles', () => {
    const p = fromVroom({
      vehicles: [
        { id: 1, start: HUB, end: CAFE_A, profile: 'bike' },
        { id: 2, start: CAFE_A, profile: 'truck' },
      ],
      facilities: [{ id: 5, location: HUB }],
      jobs: [
        { id: 1, location: CAFE_B },
        { id: 2, location: [...CAFE_B] },
        { id: 3, location: CAFE_A },
      ],
    });
    expect(p.size).toBe(3);
    expect(p.jobs.map((j) => j.location)).toEqual([2, 2, 1]);
    expect(p.facilities[0].location).toBe(0);
    expect(p.vehicles.map((v) => [v.start, v.end, v.profile])).toEqual([
      [0, 1, 0],
      [1, undefined, 1],
    ]);
    expect(p.matrices.map((m) => m.profile)).toEqual(['bike', 'truck']);
    const [bike, truck] = p.matrices;
    expect(bike.durations[1]).toBe(Math.round(bike.distances[1] / (15 / 3.6)));
    expect(truck.durations[1]).toBe(Math.round(truck.distances[1] / (22 / 3.6)));
    expect(p.vehicles[0].facilities).toEqual([0]);
  });

  it('unknown profiles without matrices use the car speed', () => {
    const p = fromVroom(withVehicle({ profile: 'hovercraft' }));
    expect(p.matrices[0].profile).toBe('hovercraft');
    expect(p.matrices[0].durations[1]).toBe(Math.round(p.matrices[0].distances[1] / (25 / 3.6)));
  });

  it('reads every job and vehicle field', () => {
    const p = fromVroom({
      facilities: [
        { id: 100, location: HUB, setup: 60, service: 600, time_windows: [[0, 50000]], description: 'hub' },
        { id: 101, location: CAFE_B },
      ],
      vehicles: [
        {
          id: 7,
          description: 'e-cargo bike',
          profile: 'e-cargo-bike',
          start: HUB,
          capacity: [40, 4],
          skills: [3, 1, 3],
          time_window: [28800, 61200],
          breaks: [{ id: 1, time_windows: [[43200, 46800]], service: 1800, max_load: [30, 4], description: 'lunch' }],
          max_tasks: 12,
          max_travel_time: 14400,
          max_distance: 60000,
          costs: { fixed: 5000, per_hour: 1800, per_km: 100 },
          speed_factor: 1.25,
          facilities: [101],
          max_reloads: 2,
        },
      ],
      jobs: [
        {
          id: 3,
          description: 'café',
          location: CAFE_A,
          setup: 30,
          service: 120,
          pickup: [12, 1],
          delivery: [0, 1],
          skills: [1],
          priority: 40,
          time_windows: [
            [50000, 60000],
            [30000, 36000],
            [35000, 40000],
          ],
          prize: 900,
        },
      ],
    });
    const v = p.vehicles[0];
    expect(v).toMatchObject({
      id: 7,
      description: 'e-cargo bike',
      start: 0,
      end: undefined,
      capacity: [40, 4],
      skills: [1, 3],
      timeWindow: [28800, 61200],
      maxTasks: 12,
      maxTravelTime: 14400,
      maxDistance: 60000,
      costs: { fixed: 5000, perHour: 1800, perKm: 100 },
      speedFactor: 1.25,
      facilities: [1],
      maxReloads: 2,
    });
    expect(v.breaks).toEqual([{ id: 1, description: 'lunch', timeWindows: [[43200, 46800]], service: 1800, maxLoad: [30, 4] }]);
    expect(p.facilities[0]).toMatchObject({ id: 100, setup: 60, service: 600, timeWindows: [[0, 50000]], description: 'hub', coordinates: HUB });
    const j = p.jobs[0];
    expect(j).toMatchObject({ id: 3, setup: 30, service: 120, pickup: [12, 1], delivery: [0, 1], skills: [1], priority: 40, prize: 900 });
    // sorted, overlapping windows merged
    expect(j.timeWindows).toEqual([
      [30000, 40000],
      [50000, 60000],
    ]);
  });

  it('uses location_index with matrices, keeps coordinates for output, reads distances and costs', () => {
    const input = matrixBase();
    input.jobs[0].location = CAFE_A;
    input.matrices.car.distances = [
      [0, 1000, 2000],
      [1000, 0, 1500],
      [2000, 1500, null],
    ];
    input.matrices.car.costs = [
      [0, 7, 8],
      [7, 0, 9],
      [8, 9, 0],
    ];
    const p = fromVroom(input);
    expect(p.size).toBe(3);
    expect(p.jobs.map((j) => j.location)).toEqual([1, 2]);
    expect(p.jobs[0].coordinates).toEqual(CAFE_A);
    expect(Array.from(p.matrices[0].durations)).toEqual([0, 100, 200, 100, 0, 150, 200, 150, 0]);
    expect(p.matrices[0].distances[8]).toBe(UNREACHABLE);
    expect(Array.from(p.matrices[0].costs!)).toEqual([0, 7, 8, 7, 0, 9, 8, 9, 0]);
  });

  it('fills zero distances when a profile has only durations, clamps huge values to UNREACHABLE', () => {
    const input = matrixBase();
    input.matrices.car.durations[0][2] = 4294967295;
    const p = fromVroom(input);
    expect(Array.from(p.matrices[0].distances)).toEqual(new Array(9).fill(0));
    expect(p.matrices[0].durations[2]).toBe(UNREACHABLE);
  });

  it('accepts a problem without jobs and without amounts', () => {
    const p = fromVroom({ vehicles: [{ id: 0, start: HUB }] });
    expect(p.jobs).toEqual([]);
    expect(p.dims).toBe(0);
    expect(p.vehicles[0].capacity).toEqual([]);
    expect(p.size).toBe(1);
  });

  it('accepts an empty shipments array and ignores unknown keys such as options', () => {
    const p = fromVroom({ ...base(), shipments: [], options: { g: true } });
    expect(p.jobs).toHaveLength(2);
  });
});

describe('fromVroom: bad input names the field', () => {
  it('rejects a non-object', () => {
    rejects(null, 'input');
    rejects([], 'input');
  });
  it('rejects missing or empty vehicles', () => {
    rejects({ jobs: [] }, 'vehicles', /missing/);
    rejects({ vehicles: [] }, 'vehicles', /no vehicles/);
    rejects({ vehicles: {} }, 'vehicles', /array/);
  });
  it('rejects shipments', () => {
    rejects({ ...base(), shipments: [{ pickup: {}, delivery: {} }] }, 'shipments', /not supported/);
  });
  it('rejects the deprecated matrix key', () => {
    rejects({ ...base(), matrix: [[0]] }, 'matrix', /matrices/);
  });
  it('rejects NaN and out-of-range coordinates', () => {
    rejects(withJob({ location: [Number.NaN, 37.5] }), 'jobs[0].location[0]', /finite/);
    rejects(withJob({ location: [127, 95] }), 'jobs[0].location[1]', /\[-90, 90\]/);
    rejects(withJob({ location: [181, 37] }), 'jobs[0].location[0]', /\[-180, 180\]/);
    rejects(withJob({ location: [127] }), 'jobs[0].location', /\[lon, lat\]/);
    rejects(withVehicle({ start: ['127', 37] }), 'vehicles[0].start[0]');
  });
  it('rejects negative and non-integer amounts', () => {
    rejects(withJob({ pickup: [-1] }), 'jobs[0].pickup[0]', /negative/);
    rejects(withJob({ delivery: [1.5] }), 'jobs[0].delivery[0]', /not an integer/);
    rejects(withVehicle({ capacity: [-5] }), 'vehicles[0].capacity[0]', /negative/);
  });
  it('rejects mismatched amount dimensions', () => {
    rejects(withJob({ pickup: [1, 2] }), 'jobs[0].pickup', /2 dimension\(s\), but vehicles\[0\]\.capacity has 1/);
    const p = base();
    p.vehicles[0].breaks = [{ id: 1, max_load: [1, 2, 3] }];
    rejects(p, 'vehicles[0].breaks[0].max_load', /3 dimension/);
    const q = base();
    q.vehicles.push({ id: 2, start: HUB });
    rejects(q, 'vehicles[1].capacity', /missing/);
  });
  it('rejects non-integer values', () => {
    rejects(withJob({ service: 1.5 }), 'jobs[0].service', /not an integer/);
    rejects(withJob({ setup: '60' }), 'jobs[0].setup', /not an integer/);
    rejects(withJob({ id: 1.5 }), 'jobs[0].id');
    rejects(withJob({ priority: 101 }), 'jobs[0].priority', /exceeds 100/);
    rejects(withVehicle({ max_tasks: -1 }), 'vehicles[0].max_tasks', /negative/);
    rejects(withVehicle({ max_travel_time: 3.5 }), 'vehicles[0].max_travel_time');
    rejects(withVehicle({ max_distance: 'far' }), 'vehicles[0].max_distance');
    rejects(withVehicle({ costs: { per_hour: 1.5 } }), 'vehicles[0].costs.per_hour');
    rejects(withVehicle({ skills: [1, -2] }), 'vehicles[0].skills[1]');
  });
  it('rejects bad speed factors and unsupported keys', () => {
    rejects(withVehicle({ speed_factor: 0 }), 'vehicles[0].speed_factor', /\(0, 5\]/);
    rejects(withVehicle({ speed_factor: 6 }), 'vehicles[0].speed_factor');
    rejects(withVehicle({ costs: { per_task_hour: 10 } }), 'vehicles[0].costs.per_task_hour', /not supported/);
    rejects(withVehicle({ steps: [] }), 'vehicles[0].steps', /not supported/);
    rejects(withJob({ amount: [1] }), 'jobs[0].amount', /deprecated/);
    rejects(withJob({ service_per_type: { a: 1 } }), 'jobs[0].service_per_type', /not supported/);
  });
  it('rejects time windows with start after end, bad shapes and empty lists', () => {
    rejects(withJob({ time_windows: [[0, 100], [3600, 1800]] }, 1), 'jobs[1].time_windows[1]', /start 3600 > end 1800/);
    rejects(withJob({ time_windows: [[1, 2, 3]] }), 'jobs[0].time_windows[0]', /\[start, end\]/);
    rejects(withJob({ time_windows: [] }), 'jobs[0].time_windows', /empty/);
    rejects(withVehicle({ time_window: [500, 100] }), 'vehicles[0].time_window', /start 500 > end 100/);
    const p = base();
    p.vehicles[0].breaks = [{ id: 1, time_windows: [[10, 5]] }];
    rejects(p, 'vehicles[0].breaks[0].time_windows[0]', /start 10 > end 5/);
    const f = base();
    f.facilities = [{ id: 1, location: HUB, time_windows: [[9, 8]] }];
    rejects(f, 'facilities[0].time_windows[0]');
  });
  it('rejects duplicate ids', () => {
    rejects(withJob({ id: 10 }, 1), 'jobs[1].id', /duplicate job id 10/);
    const v = base();
    v.vehicles.push({ id: 1, start: HUB, capacity: [1] });
    rejects(v, 'vehicles[1].id', /duplicate vehicle id 1/);
    const f = base();
    f.facilities = [
      { id: 4, location: HUB },
      { id: 4, location: CAFE_A },
    ];
    rejects(f, 'facilities[1].id', /duplicate facility id 4/);
    const b = base();
    b.vehicles[0].breaks = [{ id: 2 }, { id: 2 }];
    rejects(b, 'vehicles[0].breaks[1].id', /duplicate break id/);
  });
  it('rejects a job or facility without location and a vehicle without start and end', () => {
    const p = base();
    delete p.jobs[1].location;
    rejects(p, 'jobs[1]', /needs location or location_index/);
    const f = base();
    f.facilities = [{ id: 1 }];
    rejects(f, 'facilities[0]', /needs location or location_index/);
    rejects({ vehicles: [{ id: 1 }] }, 'vehicles[0]', /needs a start or an end/);
  });
  it('rejects a location_index without matrices, and coordinates only with matrices', () => {
    const p = base();
    p.jobs[0] = { id: 10, location_index: 3 };
    rejects(p, 'jobs[0].location_index', /needs matrices/);
    const q = matrixBase();
    q.jobs[1] = { id: 11, location: CAFE_A };
    rejects(q, 'jobs[1]', /location_index is required when matrices are given/);
  });
  it('rejects unknown location indices and wrong-size or non-square matrices', () => {
    const p = matrixBase();
    p.jobs[1].location_index = 3;
    rejects(p, 'jobs[1].location_index', /3 is outside the 3×3 matrices/);
    const v = matrixBase();
    v.vehicles[0].end_index = 9;
    rejects(v, 'vehicles[0].end_index', /outside/);
    const ns = matrixBase();
    ns.matrices.car.durations[1] = [100, 0];
    rejects(ns, 'matrices.car.durations[1]', /row has 2 entries, expected 3/);
    const ws = matrixBase();
    ws.matrices.car.distances = [
      [0, 1],
      [1, 0],
    ];
    rejects(ws, 'matrices.car.distances', /2×2, but matrices.car.durations is 3×3/);
    const bad = matrixBase();
    bad.matrices.car.durations[2][1] = -4;
    rejects(bad, 'matrices.car.durations[2][1]', /negative/);
    const frac = matrixBase();
    frac.matrices.car.durations[0][1] = 1.5;
    rejects(frac, 'matrices.car.durations[0][1]', /not an integer/);
    const nodur = matrixBase();
    nodur.matrices.car = { distances: nodur.matrices.car.durations };
    rejects(nodur, 'matrices.car.durations', /missing/);
  });
  it('rejects a profile without matrices when others have them', () => {
    const p = matrixBase();
    p.vehicles.push({ id: 2, profile: 'bike', start_index: 0, capacity: [5] });
    rejects(p, 'vehicles[1].profile', /no matrices.bike, while matrices are given for car/);
  });
  it('rejects an unknown facility id in vehicle.facilities and bad extension values', () => {
    const p = base();
    p.facilities = [{ id: 1, location: HUB }];
    p.vehicles[0].facilities = [1, 2];
    rejects(p, 'vehicles[0].facilities[1]', /unknown facility id 2/);
    rejects(withVehicle({ max_reloads: -1 }), 'vehicles[0].max_reloads', /negative/);
    rejects(withJob({ prize: 0 }), 'jobs[0].prize', /positive/);
    rejects(withJob({ prize: -3 }), 'jobs[0].prize', /negative/);
    rejects(withJob({ prize: 2.5 }), 'jobs[0].prize', /not an integer/);
  });
  it('rejects a non-string description and profile', () => {
    rejects(withJob({ description: 5 }), 'jobs[0].description', /string/);
    rejects(withVehicle({ profile: 3 }), 'vehicles[0].profile', /string/);
  });
});

describe('parseVroomProblem', () => {
  it('returns the problem for good input', () => {
    const r = parseVroomProblem(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.problem.jobs).toHaveLength(2);
  });
  it('never throws on arbitrary JSON values', () => {
    for (const x of [undefined, 0, 'x', true, { vehicles: [null] }, { vehicles: [{ id: 0, start: HUB }], jobs: [null] }, { vehicles: [{ id: 0, start: HUB, breaks: [7] }] }]) {
      const r = parseVroomProblem(x);
      expect(r.ok).toBe(false);
    }
  });
});

describe('fromVroom: fuzz', () => {
  it('any value in any field gives a problem or an InputError, never another exception', async () => {
    const fc = (await import('fast-check')).default;
    const fields: [string, string][] = [
      ['jobs.0', 'location'], ['jobs.0', 'location_index'], ['jobs.0', 'pickup'], ['jobs.0', 'time_windows'],
      ['jobs.0', 'skills'], ['jobs.0', 'prize'], ['jobs.0', 'id'], ['jobs.1', 'service'], ['vehicles.0', 'breaks'],
      ['vehicles.0', 'capacity'], ['vehicles.0', 'start'], ['vehicles.0', 'end_index'], ['vehicles.0', 'costs'],
      ['vehicles.0', 'speed_factor'], ['vehicles.0', 'facilities'], ['vehicles.0', 'time_window'], ['root', 'matrices'],
      ['root', 'facilities'], ['root', 'jobs'], ['root', 'vehicles'], ['root', 'shipments'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything({ withBigInt: true, withNullPrototype: true }), ([where, key], value) => {
        const p = base();
        const target = where === 'root' ? p : where.split('.').reduce((o: any, k) => o[k], p);
        target[key] = value;
        const r = parseVroomProblem(p);
        if (r.ok) expect(r.problem.jobs.length).toBeGreaterThanOrEqual(0);
        else expect(r.error).toMatch(/^(input|jobs|vehicles|facilities|matrices|shipments)[^\n]*?: /);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
