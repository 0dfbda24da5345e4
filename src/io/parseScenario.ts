import type { Bin, DailyWindow, FleetVehicle, Hub, LonLat, Scenario } from '../model/Scenario.js';
import { InputError, ProblemCollector } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { checkJsonDepth } from '../common/checkJsonDepth.js';

const DAY = 86_400;

type Obj = Record<string, unknown>;

/** Reads fields of one JSON object, each failure an {@link InputError} naming the field path. */
class Fields {
  constructor(
    private readonly o: Obj,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): Fields {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail(path, 'must be an object', value, 'E4001');
    return new Fields(value as Obj, path);
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  raw(key: string): unknown {
    return this.o[key];
  }

  string(key: string, optional = false): string {
    const v = this.o[key];
    if (v === undefined && optional) return '';
    if (typeof v !== 'string' || v === '') throw fail(this.at(key), 'must be a non-empty string', v, 'E4002');
    return v;
  }

  nullableString(key: string): string | null {
    const v = this.o[key];
    if (v === null) return null;
    return this.string(key);
  }

  number(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw fail(this.at(key), `must be a number from ${min} to ${max}`, v, 'E4003');
    return v;
  }

  /** Whole seconds from 0 to `max` (the core counts time in integer seconds). */
  seconds(key: string, max: number): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) throw fail(this.at(key), `must be whole seconds from 0 to ${max}`, v, 'E4003');
    return v;
  }

  boolean(key: string): boolean {
    const v = this.o[key];
    if (typeof v !== 'boolean') throw fail(this.at(key), 'must be true or false', v, 'E4011');
    return v;
  }

  array(key: string): unknown[] {
    const v = this.o[key];
    if (!Array.isArray(v)) throw fail(this.at(key), 'must be an array', v, 'E4001');
    return v;
  }
}

function fail(path: string, what: string, value: unknown, code: ErrorCode): InputError {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  if (shown.length > 60) shown = `${shown.slice(0, 57)}...`;
  return new InputError(`${path}: ${what}, got ${shown}`, { code, field: path, value });
}

function lonLat(value: unknown, path: string, bbox: Scenario['bbox']): LonLat {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw fail(path, 'must be [lon, lat]', value, 'E4006');
  }
  const [lon, lat] = value as number[];
  if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) {
    throw fail(path, `lies outside the scenario's area (bbox ${bbox.join(', ')})`, value, 'E4006');
  }
  return [lon, lat];
}

function window(value: unknown, path: string): DailyWindow {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => Number.isInteger(x) && x >= 0 && x <= DAY)) {
    throw fail(path, `must be [from, to] in whole seconds of the day (0 … ${DAY})`, value, 'E4007');
  }
  const [a, b] = value as number[];
  if (a > b) throw fail(path, 'starts after it ends', value, 'E4007');
  return [a, b];
}

function windows(f: Fields, key: string): DailyWindow[] {
  const list = f.array(key).map((w, i) => window(w, `${f.at(key)}[${i}]`));
  if (list.length === 0) throw fail(f.at(key), 'must hold at least one window', [], 'E4007');
  return list;
}

function unique<T extends { id: string }>(items: T[], path: string): T[] {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x.id)) throw fail(`${path}[${i}].id`, 'is used twice', x.id, 'E4008');
    seen.add(x.id);
  });
  return items;
}

function parseBin(value: unknown, path: string, bbox: Scenario['bbox']): Bin {
  const f = Fields.of(value, path);
  const g = Fields.of(f.raw('generation'), f.at('generation'));
  const factors = g.array('dayFactors');
  if (factors.length !== 7 || !factors.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
    throw fail(g.at('dayFactors'), 'must be 7 non-negative numbers (Monday … Sunday)', factors, 'E4011');
  }
  return {
    id: f.string('id'),
    name: f.string('name'),
    dong: f.nullableString('dong'),
    dongCode: f.nullableString('dongCode'),
    location: lonLat(f.raw('location'), f.at('location'), bbox),
    capacityLitres: f.number('capacityLitres', 1, 100_000),
    capacityKg: f.number('capacityKg', 1, 100_000),
    openingHours: windows(f, 'openingHours'),
    serviceSeconds: f.seconds('serviceSeconds', DAY),
    generation: { kgPerDay: g.number('kgPerDay', 0, 100_000), dayFactors: factors as Bin['generation']['dayFactors'] },
    sensor: f.boolean('sensor'),
    franchise: f.boolean('franchise'),
  };
}

function parseHub(value: unknown, path: string, bbox: Scenario['bbox']): Hub {
  const f = Fields.of(value, path);
  return {
    id: f.string('id'),
    name: f.string('name'),
    dong: f.nullableString('dong'),
    location: lonLat(f.raw('location'), f.at('location'), bbox),
    unloadSeconds: f.seconds('unloadSeconds', DAY),
    openingHours: windows(f, 'openingHours'),
  };
}

function parseVehicle(value: unknown, path: string, depots: Set<string>, hubs: Set<string>): FleetVehicle {
  const f = Fields.of(value, path);
  const depot = f.string('depot');
  if (!depots.has(depot)) throw fail(f.at('depot'), 'names no depot of the scenario', depot, 'E4009');
  const hubIds = f.array('hubs').map((h, i) => {
    if (typeof h !== 'string' || !hubs.has(h)) throw fail(`${f.at('hubs')}[${i}]`, 'names no hub of the scenario', h, 'E4009');
    return h;
  });
  const c = Fields.of(f.raw('costs'), f.at('costs'));
  const vehicle: FleetVehicle = {
    id: f.string('id'),
    type: f.string('type'),
    profile: f.string('profile'),
    depot,
    capacityKg: f.number('capacityKg', 1, 1e6),
    capacityLitres: f.number('capacityLitres', 1, 1e7),
    speedKmh: f.number('speedKmh', 1, 200),
    shift: window(f.raw('shift'), f.at('shift')),
    costs: { fixed: c.number('fixed', 0, 1e9), perHour: c.number('perHour', 0, 1e9), perKm: c.number('perKm', 0, 1e9) },
    hubs: hubIds,
  };
  if (f.raw('lunchBreak') !== undefined) {
    const b = Fields.of(f.raw('lunchBreak'), f.at('lunchBreak'));
    vehicle.lunchBreak = { window: window(b.raw('window'), b.at('window')), seconds: b.seconds('seconds', DAY) };
  }
  return vehicle;
}

/**
 * Reads a scenario (`binroute-scenario/1`, see `src/model/Scenario.ts` and
 * `fixtures/seongdong/README.md`) from parsed JSON, checking every field: every bad depot, hub,
 * vehicle and bin is reported in one {@link InputError} (each with its code, path and value), e.g. `bins[12].location: lies outside the scenario's
 * area …` or `fleet[3].hubs[0]: names no hub of the scenario`.
 *
 * @example
 * ```ts
 * const scenario = parseScenario(JSON.parse(readFileSync('fixtures/seongdong/seongdong-200.json', 'utf8')));
 * scenario.bins.length; // 200
 * ```
 */
export function parseScenario(json: unknown): Scenario {
  checkJsonDepth(json, 'scenario');
  const f = Fields.of(json, 'scenario');
  if (f.raw('format') !== 'binroute-scenario/1') throw fail(f.at('format'), 'must be "binroute-scenario/1"', f.raw('format'), 'E4004');
  const box = f.array('bbox');
  const inWorld = (x: unknown, i: number) => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= (i % 2 === 0 ? 180 : 90);
  if (box.length !== 4 || !box.every(inWorld) || (box[0] as number) >= (box[2] as number) || (box[1] as number) >= (box[3] as number)) {
    throw fail(f.at('bbox'), 'must be [minLon, minLat, maxLon, maxLat] within [-180, 180] × [-90, 90]', box, 'E4005');
  }
  const bbox = box as Scenario['bbox'];
  // depots, hubs, vehicles and bins are read one by one: every bad one is reported (up to a cap)
  const problems = new ProblemCollector();
  const each = <T>(list: unknown[], read: (x: unknown, i: number) => T): T[] => list.map((x, i) => problems.attempt(() => read(x, i))).filter((x) => x !== undefined) as T[];
  const depots = each(f.array('depots'), (d, i) => {
    const g = Fields.of(d, `scenario.depots[${i}]`);
    return { id: g.string('id'), name: g.string('name'), location: lonLat(g.raw('location'), g.at('location'), bbox) };
  });
  const hubs = each(f.array('hubs'), (h, i) => parseHub(h, `scenario.hubs[${i}]`, bbox));
  problems.throwIfAny();
  unique(depots, 'scenario.depots');
  unique(hubs, 'scenario.hubs');
  if (depots.length === 0) throw fail(f.at('depots'), 'must hold at least one depot', [], 'E4010');
  const depotIds = new Set(depots.map((d) => d.id));
  const hubIds = new Set(hubs.map((h) => h.id));
  const fleet = each(f.array('fleet'), (v, i) => parseVehicle(v, `scenario.fleet[${i}]`, depotIds, hubIds));
  const bins = each(f.array('bins'), (b, i) => parseBin(b, `scenario.bins[${i}]`, bbox));
  problems.throwIfAny();
  unique(fleet, 'scenario.fleet');
  if (fleet.length === 0) throw fail(f.at('fleet'), 'must hold at least one vehicle', [], 'E4010');
  unique(bins, 'scenario.bins');
  const sources = f.array('sources').map((s, i) => {
    if (typeof s !== 'string') throw fail(`${f.at('sources')}[${i}]`, 'must be a string', s, 'E4002');
    return s;
  });
  return {
    format: 'binroute-scenario/1',
    name: f.string('name'),
    synthetic: f.string('synthetic', true),
    sources,
    bbox,
    densityKgPerLitre: f.number('densityKgPerLitre', 0.01, 10),
    depots,
    hubs,
    fleet,
    bins,
  };
}
