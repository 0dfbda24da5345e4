// The Kim et al. (2006) waste-collection reader, on the shared wcvrptw files and on small
// hand-written ones (the latter always run).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import {
  hhmmToSeconds,
  KIM_VEHICLE_FIXED_COST,
  kimFleetSize,
  kimTravelLowerBound,
  kimVehicleLowerBound,
  parseKim,
  parseKimInstance,
} from '../src/io/parseKim.js';
import { solveRouting } from '../src/solveRouting.js';
import { scheduleRoute } from './reference/scheduleRoute.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, '..', 'shared', 'benchmarks', 'wcvrptw', 'instances');
const present = existsSync(join(DIR, '102_stop.txt'));
if (!present) console.warn(`io-parseKim: shared-data tests skipped, ${DIR} does not exist`);
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

const HEADER = [
  '100.0 \t\t\t\t// vehicle capacity (yards), real number',
  '150.0\t\t\t\t// total yardage allowed for a vehicle per day, real number',
  '3\t\t\t\t// total number of regular stops for a vehicle allowed per day',
  '3600\t\t\t\t// lunch time duration in second',
  '40\t\t\t\t// speed: MPH',
  'Stop_ID\tX(feet)\tY(feet)\tEarly_St_Time (HHMM)\tLate_St_Time (HHMM)\tSvice_Time(Sec)\tLoad (Yards)\t"Stop_Type(0: Depot, 1: regular stop, 2: Landfill)"',
];
const tiny = (rows: string[]) => [...HEADER, ...rows].join('\r\n') + '\r\n';
const TINY = tiny([
  '77\t0\t0\t400\t1500\t0\t9999\t0\t\t\t',
  '5  5280.00  0.00  0000 2400 600  9999.00 2',
  '9  0  5280  0700 0930 120  10.50 1',
  '3  5280  5280  800 1675 60  0 1',
]);

describe('parseKim: format and quirks (synthetic)', () => {
  it('reads header lines with comments, re-indexes arbitrary ids, finds the depot by type', () => {
    const inst = parseKimInstance(TINY, 'dir/tiny_stop.txt');
    expect(inst.name).toBe('tiny_stop');
    expect(inst).toMatchObject({ capacity: 10000, routeCapacity: 15000, maxStops: 3, lunch: 3600, mph: 40, depot: 0, jobs: [2, 3], facilities: [1] });
    expect(inst.stops[2]).toEqual({ id: 9, x: 0, y: 5280, early: 7 * 3600, late: 9.5 * 3600, service: 120, load: 1050, type: 1 });
    expect(inst.stops[3].load).toBe(0); // quirk 4: a zero-load stop is still a stop
    expect(inst.stops[3].early).toBe(8 * 3600); // quirk 1: 800 = 08:00
    expect(inst.stops[3].late).toBe(16.75 * 3600); // quirk 2: 1675 = 16.75 h
    expect(inst.notes).toEqual(['line 10 (stop 3): Late_St_Time 1675: 1675 read as 16.75 h = 16:45']);
  });

  it('builds the collection model', () => {
    const p = parseKim(TINY, 'tiny_stop.txt');
    expect(p.size).toBe(4);
    expect(p.jobs.map((j) => [j.id, j.location, j.pickup[0], j.service])).toEqual([
      [9, 2, 1050, 120],
      [3, 3, 0, 60],
    ]);
    expect(p.facilities).toEqual([{ id: 5, description: 'disposal site', location: 1, setup: 0, service: 600, timeWindows: [[0, 86400]] }]);
    const v = p.vehicles[0];
    expect(p.vehicles).toHaveLength(2); // min(#stops, max(2·LB, 10))
    expect(v).toMatchObject({
      start: 0,
      end: 0,
      capacity: [10000],
      routeCapacity: [15000],
      maxTasks: 3,
      returnEmpty: true,
      facilities: [0],
      timeWindow: [4 * 3600, 15 * 3600],
      costs: { fixed: KIM_VEHICLE_FIXED_COST, perHour: 0, perKm: 0 },
    });
    expect(v.breaks).toEqual([{ id: 1, description: 'lunch', service: 3600, timeWindows: [[39600, 43200]] }]);
    const m = p.matrices[0];
    // depot (0,0) → stop 3 (5280,5280): 2 miles Manhattan = 10560 ft, 180 s at 40 mph, 3219 m
    expect(m.costs![3]).toBe(10560);
    expect(m.durations[3]).toBe(180);
    expect(m.distances[3]).toBe(3219);
    expect(m.costs![3 * 4 + 3]).toBe(0);
  });

  it('decimal-hours rule only for minutes ≥ 60', () => {
    expect(hhmmToSeconds(0)).toBe(0);
    expect(hhmmToSeconds(2400)).toBe(86400);
    expect(hhmmToSeconds(959)).toBe(9 * 3600 + 59 * 60);
    expect(hhmmToSeconds(875)).toBe(8.75 * 3600);
    expect(hhmmToSeconds(775)).toBe(7.75 * 3600);
  });

  it('rejects malformed files with the line and field', () => {
    const bad = (rows: string[], re: RegExp) => {
      let err: unknown;
      try {
        parseKimInstance(tiny(rows), 'x_stop.txt');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(re);
    };
    bad(['0 0 0 400 1500 0 9999 0', '1 1 1 0 2400 10 9999 2'], /no regular stops/);
    bad(['1 1 1 0 2400 10 9999 2', '2 0 0 0 2400 10 1 1'], /no depot/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 0 2400 10 1 1'], /no disposal site/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 0 2400 10 1 3'], /line 8: Stop_Type: expected 0/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 0 2400 10 1'], /line 8: stop row: expected 8 fields/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 0 2400 10 abc 1'], /line 8: Load: not a number/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 1200 1100 10 1 1'], /line 8: Early_St_Time: 1200 is after/);
    bad(['0 0 0 400 1500 0 9999 0', '2 0 0 0 2400 10 101 1'], /exceeds the vehicle capacity/);
    bad(['0 0 0 400 1500 0 9999 0', '0 0 0 400 1500 0 9999 2'], /line 8: Stop_ID: 0 repeats/);
    expect(() => parseKimInstance(TINY.replace('100.0', 'abc'), 'x')).toThrow(/line 1: vehicle capacity/);
  });

  it('solves the tiny instance with a lunch break and a final unload', async () => {
    const p = parseKim(TINY, 'tiny_stop.txt');
    const sol = await solveRouting(p, { maxIterations: 200, seed: 1 });
    expect(sol.unassigned).toEqual([]);
    expect(sol.routes.filter((r) => r.steps.some((s) => s.type === 'job'))).toHaveLength(1);
    for (const r of sol.routes) {
      const sch = scheduleRoute(p, r.vehicle, r.steps);
      if (!sch.used) continue;
      expect(sch.violations).toEqual([]);
      expect(r.steps.some((s) => s.type === 'break')).toBe(true);
    }
  });
});

describe.skipIf(!present)('parseKim: the shared wcvrptw instances', () => {
  it('102_stop.txt', () => {
    const inst = parseKimInstance(read('102_stop.txt'), '102_stop.txt');
    expect(inst.jobs).toHaveLength(99);
    expect(inst.facilities).toEqual([1, 2]);
    expect(inst.depot).toBe(0);
    expect(inst).toMatchObject({ capacity: 28000, routeCapacity: 40000, maxStops: 500, lunch: 3600, mph: 40 });
    expect(inst.notes).toEqual([]);
    expect(inst.jobs.reduce((a, r) => a + inst.stops[r].load, 0)).toBe(89700); // 897.0 yd
    expect(kimVehicleLowerBound(inst)).toBe(3);
    expect(kimFleetSize(inst)).toBe(10);
    const p = parseKim(read('102_stop.txt'), '102_stop.txt');
    // the README's worked example: stop 0 → stop 1 is 15387 ft, 262.3 s at 40 mph
    expect(p.matrices[0].costs![1]).toBe(15387);
    expect(p.matrices[0].durations[1]).toBe(262);
    expect(p.vehicles[0].timeWindow).toEqual([4 * 3600, 15 * 3600]);
  });

  it('reads all ten files; LB and counts as in the README table', () => {
    const expected: Record<string, [number, number, number]> = {
      '102': [99, 2, 3],
      '277': [275, 1, 1],
      '335': [330, 4, 6],
      '444': [442, 1, 10],
      '804': [784, 19, 3],
      '1051': [1048, 2, 16],
      '1351': [1347, 3, 7],
      '1599': [1596, 2, 11],
      '1932': [1927, 4, 13],
      '2100': [2092, 7, 12],
    };
    const bounds: string[] = [];
    for (const [n, [stops, sites, lb]] of Object.entries(expected)) {
      const inst = parseKimInstance(read(`${n}_stop.txt`), `${n}_stop.txt`);
      expect([inst.jobs.length, inst.facilities.length, kimVehicleLowerBound(inst)], n).toEqual([stops, sites, lb]);
      expect(inst.stops).toHaveLength(Number(n));
      const travel = kimTravelLowerBound(inst);
      expect(travel).toBeGreaterThanOrEqual(lb);
      expect(kimFleetSize(inst)).toBe(Math.min(stops, Math.max(2 * travel, 10)));
      bounds.push(`${n}:${travel}`);
    }
    console.log(`Kim travel-aware vehicle lower bounds: ${bounds.join(' ')}`);
  });

  it('quirk 3: 1351 and 1599 keep their original ids, the depot is found by type', () => {
    const inst = parseKimInstance(read('1351_stop.txt'), '1351_stop.txt');
    expect(inst.stops[inst.depot].id).toBe(75632);
    expect(inst.stops[1].id).toBe(1001407);
    expect(parseKimInstance(read('1599_stop.txt'), '1599_stop.txt').stops[0].id).toBe(75649);
  });

  it('quirk 2: the invalid HHMM values are read as decimal hours, and listed', () => {
    const i1932 = parseKimInstance(read('1932_stop.txt'), '1932_stop.txt');
    expect(i1932.notes).toEqual(['line 1484 (stop 1477): Early_St_Time 875: 875 read as 8.75 h = 08:45']);
    expect(i1932.stops[1483 - 6].early).toBe(8.75 * 3600);
    const i2100 = parseKimInstance(read('2100_stop.txt'), '2100_stop.txt');
    // the README lists three fields; stop 162's late time 1575 is a fourth one
    expect(i2100.notes).toEqual([
      'line 9 (stop 2): Late_St_Time 1675: 1675 read as 16.75 h = 16:45',
      'line 169 (stop 162): Early_St_Time 0775: 775 read as 7.75 h = 07:45',
      'line 169 (stop 162): Late_St_Time 1575: 1575 read as 15.75 h = 15:45',
    ]);
  });

  it('quirks 4–6: zero loads, per-site windows and unloading times, commented header lines', () => {
    const zero: Record<string, number> = { '444': 4, '804': 1, '1351': 10, '1599': 6, '1932': 3 };
    for (const [n, count] of Object.entries(zero)) {
      const inst = parseKimInstance(read(`${n}_stop.txt`), `${n}_stop.txt`);
      expect(inst.jobs.filter((r) => inst.stops[r].load === 0).length, n).toBe(count);
    }
    const p = parseKim(read('1051_stop.txt'), '1051_stop.txt');
    expect(p.facilities[0]).toMatchObject({ service: 900, timeWindows: [[7 * 3600, 17 * 3600]] });
    const i1351 = parseKimInstance(read('1351_stop.txt'), '1351_stop.txt');
    expect(i1351.capacity).toBe(25500);
    const i335 = parseKimInstance(read('335_stop.txt'), '335_stop.txt');
    expect(i335).toMatchObject({ capacity: 24300, routeCapacity: 40000 });
    expect(i335.stops[0]).toMatchObject({ early: 6 * 3600, late: 15 * 3600 });
  });

  it('every matrix fits comfortably in Int32', () => {
    for (const n of ['804', '2100']) {
      const p = parseKim(read(`${n}_stop.txt`), `${n}_stop.txt`);
      let max = 0;
      for (const v of p.matrices[0].costs!) max = Math.max(max, v);
      expect(max).toBeLessThan(2 ** 28);
    }
  });
});
