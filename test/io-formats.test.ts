// The library's format recognition and loading (src/io/formats.ts), through the public index.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, fromVroom, InputError, loadCollectionInstance, loadInstance, loadVroomText, parseVrp } from '../src/index.js';
import { parseSolomon, solomonToRouting } from '../src/io/parseSolomon.js';
import { SOLOMON_TINY } from './instances.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (f: string) => readFileSync(join(ROOT, 'fixtures', f), 'utf8');
const KIM_102 = join(ROOT, '..', 'shared', 'benchmarks', 'wcvrptw', 'instances', '102_stop.txt');

/** The error `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('detectFormat', () => {
  it('by extension and content', () => {
    expect(detectFormat('a.json', 'whatever')).toBe('vroom');
    expect(detectFormat('a.txt', '  {"vehicles": []}')).toBe('vroom');
    expect(detectFormat('x.vrp', 'NAME: x\nTYPE: MTVRPTWR\n')).toBe('mtvrptwr');
    expect(detectFormat('x.vrp', 'NAME: x\nTYPE : CVRP\n')).toBe('cvrp');
    expect(detectFormat('C101.txt', SOLOMON_TINY)).toBe('solomon');
    expect(detectFormat('9_stop.txt', '')).toBe('kim');
    expect(detectFormat('k.txt', '1\n2\n3\n4\n5\nStop_ID\tX(feet)\n')).toBe('kim');
    expect(detectFormat('x.txt', 'garbage')).toBe('cvrp');
  });
});

describe('loadInstance', () => {
  it('reads a CVRPLIB file into a VrpInstance, as parseVrp does', () => {
    const text = fixture('tiny-8.vrp');
    const loaded = loadInstance('tiny-8.vrp', text);
    expect(loaded.format).toBe('cvrp');
    expect(loaded.problem).toEqual(parseVrp(text, 'tiny-8.vrp'));
  });

  it('reads VROOM JSON by name or by content (stdin has no telling name)', () => {
    const text = fixture('vroom/seongsu-cafes.json');
    const expected = fromVroom(JSON.parse(text));
    expect(loadInstance('seongsu-cafes.json', text)).toEqual({ format: 'vroom', problem: expected });
    expect(detectFormat('<stdin>', text)).toBe('vroom');
    expect(loadInstance('<stdin>', text).problem).toEqual(expected);
  });

  it('reads a Solomon file into the collection model and keeps the file as stated', () => {
    const loaded = loadInstance('one.txt', SOLOMON_TINY);
    expect(loaded.format).toBe('solomon');
    if (loaded.format !== 'solomon') return;
    expect(loaded.source).toEqual(parseSolomon(SOLOMON_TINY, 'one.txt'));
    expect(loaded.problem).toEqual(solomonToRouting(loaded.source));
    expect(loaded.problem.jobs).toHaveLength(2);
  });

  it.skipIf(!existsSync(KIM_102))('reads a Kim file (shared data)', () => {
    const loaded = loadCollectionInstance('kim', KIM_102, readFileSync(KIM_102, 'utf8'));
    expect(loaded.format).toBe('kim');
    expect(loaded.problem.jobs).toHaveLength(99);
  });

  it('input errors are InputErrors naming the file and the field', () => {
    const json = thrown(() => loadInstance('bad.json', '{"vehicles": ['));
    expect(json).toBeInstanceOf(InputError);
    expect((json as Error).message).toMatch(/^bad\.json: not valid JSON \(/);
    const field = thrown(() => loadVroomText('p.json', JSON.stringify({ vehicles: [{ id: 1, start: [0, 0] }], jobs: [{ id: 1, location: [0, 0], service: -5 }] })));
    expect(field).toBeInstanceOf(InputError);
    expect((field as Error).message).toMatch(/^p\.json: .*jobs\[0\]/);
    const mt = thrown(() => loadCollectionInstance('mtvrptwr', 'x.vrp', 'garbage'));
    expect(mt).toBeInstanceOf(InputError);
    expect((mt as Error).message).toMatch(/^x\.vrp: /);
  });
});
