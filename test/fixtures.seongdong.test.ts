// The Seongdong scenarios (fixtures/seongdong/): reproducible from the committed script, every
// bin inside its dong, counts per dong as in the real 2024 Q4 data, and readable by parseScenario.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import type { Scenario } from '../src/model/Scenario.js';
import { RoadMatrixProvider } from '../src/matrix/RoadMatrixProvider.js';
import { scenarioPlaces, scenarioProfiles } from '../src/plan/scenarioToVroom.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, '..', 'shared', 'data');
const present = existsSync(join(DATA, 'seongdong-dongs.geojson'));
if (!present) console.warn(`fixtures.seongdong: data checks skipped, ${DATA} does not exist`);

const NAMES = ['seongdong-200', 'seongdong-846', 'seoul-10k'];
const load = (name: string): Scenario => parseScenario(JSON.parse(readFileSync(join(ROOT, 'fixtures', 'seongdong', `${name}.json`), 'utf8')));

describe('Seongdong scenarios', () => {
  it('parse, with unique ids and the documented sizes', () => {
    const sizes = NAMES.map((n) => load(n).bins.length);
    expect(sizes).toEqual([200, 846, 10_000]);
    for (const n of NAMES) {
      const s = load(n);
      expect(s.synthetic).toMatch(/synthetic/);
      expect(new Set(s.bins.map((b) => b.id)).size).toBe(s.bins.length);
      expect(s.hubs.length).toBeGreaterThanOrEqual(2);
      expect(s.hubs.length).toBeLessThanOrEqual(4);
      expect(new Set(s.fleet.map((v) => v.type))).toEqual(new Set(['e-cargo-bike', 'truck-1t']));
      for (const b of s.bins) {
        expect(b.capacityKg).toBe(Math.round(b.capacityLitres * s.densityKgPerLitre));
        expect(b.generation.dayFactors.reduce((a, x) => a + x, 0) / 7).toBeCloseTo(1, 1);
      }
    }
  });

  it.skipIf(!present)('every Seongdong bin lies inside its dong, and seongdong-846 has the 2024 Q4 count of every dong', () => {
    const dongs = JSON.parse(readFileSync(join(DATA, 'seongdong-dongs.geojson'), 'utf8')).features as { properties: { name: string; adm_cd2: string }; geometry: never }[];
    const byName = new Map(dongs.map((d) => [d.properties.name, d]));
    for (const n of NAMES) {
      for (const b of load(n).bins) {
        if (b.dong === null) continue;
        const d = byName.get(b.dong);
        expect(d, `${b.id}: unknown dong ${b.dong}`).toBeDefined();
        expect(booleanPointInPolygon(point(b.location), d!.geometry), `${b.id} outside ${b.dong}`).toBe(true);
        expect(b.dongCode).toBe(d!.properties.adm_cd2.slice(0, 8));
      }
    }
    const counts = readFileSync(join(DATA, 'seongdong-cafe-counts-2024.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const q4 = new Map(counts.filter((f) => f[0] === '20244').map((f) => [f[2], Number(f[5])]));
    const perDong = new Map<string, number>();
    for (const b of load('seongdong-846').bins) perDong.set(b.dong!, (perDong.get(b.dong!) ?? 0) + 1);
    expect(perDong).toEqual(q4);
    // seoul-10k keeps the district's own bins and places the rest outside it
    const tenK = load('seoul-10k');
    expect(tenK.bins.filter((b) => b.dong !== null)).toHaveLength(846);
  });

  it.skipIf(!present)('the committed script regenerates the files byte for byte (fixed seed)', () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-scenarios-'));
    execFileSync(process.execPath, ['scripts/make-seongdong-scenarios.mjs', '--data', DATA, '--out', out], { cwd: ROOT, stdio: 'pipe' });
    for (const n of NAMES) {
      expect(readFileSync(join(out, `${n}.json`), 'utf8') === readFileSync(join(ROOT, 'fixtures', 'seongdong', `${n}.json`), 'utf8'), n).toBe(true);
    }
  }, 60_000);
});

describe('far connectors: what plan reports is what the docs say', () => {
  const docs = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ');
  it('seongdong-846: 67 places on the truck network and 67 on the bike network connect farther than 150 m; seongdong-200: 15 and 15', async () => {
    const map = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'seongdong', 'map.geojson'), 'utf8'));
    const provider = new RoadMatrixProvider({ map });
    for (const [name, truck, bike, places] of [['seongdong-846', 67, 67, 850], ['seongdong-200', 15, 15, 204]] as const) {
      const s = load(name);
      const set = await provider.matrices(scenarioPlaces(s), scenarioProfiles(s));
      expect(set.farConnectors).toEqual({ bike, truck });
      // the plan's travel line and report subtitle
      expect(set.description).toContain(`places connecting farther than 150 m: bike ${bike}, truck ${truck} of ${places})`);
    }
    expect(docs('docs/architecture.md')).toContain('seongdong-846 has **67 of 850 places on the truck network and 67 on the bike network**');
    expect(docs('docs/architecture.md')).toContain('seongdong-200 has 15 and 15 of 204');
    expect(docs('fixtures/seongdong/README.md')).toContain("more than 150 m for 67 of seongdong-846's 850 places on the truck network and 67 on the bike network (no place attaches to an urban expressway), 15 and 15 of seongdong-200's 204");
  });
});

describe('parseScenario: bad files get one error naming the field', () => {
  const good = () => JSON.parse(readFileSync(join(ROOT, 'fixtures', 'seongdong', 'seongdong-200.json'), 'utf8'));
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['not an object', (s) => Object.assign(s, { format: 'x' }), /^scenario\.format: must be "binroute-scenario\/1"/],
    ['a missing bin field', (s) => delete s.bins[3].capacityKg, /^scenario\.bins\[3\]\.capacityKg: must be a number/],
    ['a bin outside the area', (s) => (s.bins[5].location = [126.5, 37.5]), /^scenario\.bins\[5\]\.location: lies outside the scenario's area/],
    ['an unknown hub id', (s) => (s.fleet[0].hubs = ['hub-nowhere']), /^scenario\.fleet\[0\]\.hubs\[0\]: names no hub of the scenario/],
    ['an unknown depot', (s) => (s.fleet[1].depot = 'x'), /^scenario\.fleet\[1\]\.depot: names no depot/],
    ['a duplicate bin id', (s) => (s.bins[7].id = s.bins[6].id), /^scenario\.bins\[7\]\.id: is used twice/],
    ['a window that starts after it ends', (s) => (s.bins[2].openingHours = [[70000, 30000]]), /^scenario\.bins\[2\]\.openingHours\[0\]: starts after it ends/],
    ['six day factors', (s) => (s.bins[0].generation.dayFactors = [1, 1, 1, 1, 1, 1]), /^scenario\.bins\[0\]\.generation\.dayFactors: must be 7/],
    ['a string for a number', (s) => (s.hubs[0].unloadSeconds = '600'), /^scenario\.hubs\[0\]\.unloadSeconds: must be whole seconds/],
    ['no fleet', (s) => (s.fleet = []), /^scenario\.fleet: must hold at least one vehicle/],
  ];
  for (const [what, mutate, message] of cases) {
    it(what, () => {
      const s = good();
      mutate(s);
      expect(() => parseScenario(s)).toThrow(message);
    });
  }
  it('a non-object', () => expect(() => parseScenario(null)).toThrow(/^scenario: must be an object/));
});
