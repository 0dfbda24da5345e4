import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { MAX_VRP_DIMENSION, parseVrp } from '../src/io/index.js';

const TINY = readFileSync(new URL('../fixtures/tiny-8.vrp', import.meta.url), 'utf8');

const GOOD = [
  'NAME : t5',
  'TYPE : CVRP',
  'DIMENSION : 5',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'CAPACITY : 10',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2 3 4',
  '3 6 8',
  '4 0 1.5',
  '5 -2 0',
  'DEMAND_SECTION',
  '1 0',
  '2 4',
  '3 5',
  '4 10',
  '5 1',
  'DEPOT_SECTION',
  '1',
  '-1',
  'EOF',
  '',
].join('\n');

/** Replaces the first line starting with `prefix` (or deletes it when `line` is null). */
function edit(prefix: string, line: string | null, text = GOOD): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  if (line === null) lines.splice(i, 1);
  else lines[i] = line;
  return lines.join('\n');
}

/** Parses and returns the InputError's message (fails the test if it does not throw one). */
function errorOf(text: string, file = 'bad.vrp'): string {
  try {
    parseVrp(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg.startsWith(`${file}: `)).toBe(true);
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('parseVrp did not throw');
}

describe('parseVrp: well-formed input', () => {
  it('reads header, coordinates, demands and nint distances', () => {
    const inst = parseVrp(GOOD, 'dir/t5.vrp');
    expect(inst.name).toBe('t5');
    expect(inst.dimension).toBe(5);
    expect(inst.capacity).toBe(10);
    expect(Array.from(inst.demands)).toEqual([0, 4, 5, 10, 1]);
    expect(inst.edgeWeightType).toBe('EUC_2D');
    expect(Array.from(inst.coordinates!)).toEqual([0, 0, 3, 4, 6, 8, 0, 1.5, -2, 0]);
    const d = (i: number, j: number) => inst.distances[i * 5 + j];
    expect(d(0, 1)).toBe(5);
    expect(d(1, 0)).toBe(5);
    expect(d(0, 2)).toBe(10);
    expect(d(0, 3)).toBe(2); // nint(1.5) = 2
    expect(d(3, 4)).toBe(3); // nint(hypot(2, 1.5) = 2.5) = 3
    expect(d(2, 2)).toBe(0);
  });

  it('accepts CRLF line ends, tabs, a missing EOF and missing DEPOT_SECTION', () => {
    const crlf = GOOD.replace(/ : /g, ' :\t').replace(/ /g, '\t').replace(/\n/g, '\t\r\n');
    expect(Array.from(parseVrp(crlf).distances)).toEqual(Array.from(parseVrp(GOOD).distances));
    const bare = GOOD.replace(/DEPOT_SECTION\n1\n-1\nEOF\n/, '');
    expect(parseVrp(bare).dimension).toBe(5);
  });

  it('uses the file name when NAME is missing, and keeps COMMENT and VEHICLES', () => {
    const text = edit('NAME', 'COMMENT : hello world', GOOD).replace('TYPE : CVRP', 'TYPE : CVRP\nVEHICLES : 3');
    const inst = parseVrp(text, '/a/b/my-inst.vrp');
    expect(inst.name).toBe('my-inst');
    expect(inst.comment).toBe('hello world');
    expect(inst.vehicles).toBe(3);
  });

  it('reads the tiny-8 fixture', () => {
    const inst = parseVrp(TINY, 'tiny-8.vrp');
    expect(inst.dimension).toBe(8);
    expect(inst.capacity).toBe(10);
  });

  it('CEIL_2D rounds up', () => {
    const inst = parseVrp(edit('EDGE_WEIGHT_TYPE', 'EDGE_WEIGHT_TYPE : CEIL_2D'));
    expect(inst.distances[3]).toBe(2);
    expect(inst.distances[1 * 5 + 4]).toBe(7); // hypot(5, 4) = 6.40: nint gives 6
    expect(parseVrp(GOOD).distances[1 * 5 + 4]).toBe(6);
  });

  const n4 = (fmt: string, weights: string) =>
    [
      'NAME : e4',
      'TYPE : CVRP',
      'DIMENSION : 4',
      'EDGE_WEIGHT_TYPE : EXPLICIT',
      `EDGE_WEIGHT_FORMAT : ${fmt}`,
      'CAPACITY : 5',
      'EDGE_WEIGHT_SECTION',
      weights,
      'DEMAND_SECTION',
      '1 0',
      '2 1',
      '3 2',
      '4 3',
      'DEPOT_SECTION',
      '1',
      '-1',
      'EOF',
    ].join('\n');
  // symmetric matrix d(i,j) = 10*(i+1) + (j+1) for i > j
  const sym = (i: number, j: number) => (i === j ? 0 : i > j ? 10 * (i + 1) + (j + 1) : 10 * (j + 1) + (i + 1));
  const expected = Array.from({ length: 16 }, (_, k) => sym(Math.floor(k / 4), k % 4));

  it.each([
    ['FULL_MATRIX', expected.join(' ')],
    ['LOWER_ROW', '21\n31 32\n41 42 43'],
    ['LOWER_DIAG_ROW', '0 21 0 31 32 0 41 42 43 0'],
    ['UPPER_ROW', '21 31 41\n32 42\n43'],
    ['UPPER_DIAG_ROW', '0 21 31 41 0 32 42 0 43 0'],
    ['LOWER_COL', '21 31 41 32 42 43'],
    ['UPPER_COL', '21 31 32 41 42 43'],
  ])('EXPLICIT %s', (fmt, weights) => {
    const inst = parseVrp(n4(fmt, weights));
    expect(Array.from(inst.distances)).toEqual(expected);
    expect(inst.coordinates).toBeUndefined();
    expect(inst.edgeWeightType).toBe('EXPLICIT');
  });

  it('EXPLICIT with too few or too many weights', () => {
    expect(errorOf(n4('LOWER_ROW', '21 31 32 41 42'))).toMatch(/EDGE_WEIGHT_SECTION: has 5 values but LOWER_ROW needs 6/);
    expect(errorOf(n4('LOWER_ROW', '21 31 32 41 42 43 44'))).toMatch(/EDGE_WEIGHT_SECTION: more than the 6 values/);
    expect(errorOf(n4('LOWER_ROW', '21 31 x 41 42 43'))).toMatch(/EDGE_WEIGHT_SECTION: weights must be integers, got "x"/);
    expect(errorOf(n4('SPIRAL', '21'))).toMatch(/EDGE_WEIGHT_FORMAT: "SPIRAL" is not supported/);
    expect(errorOf(n4('LOWER_ROW', '21').replace(/EDGE_WEIGHT_FORMAT.*\n/, ''))).toMatch(/missing EDGE_WEIGHT_FORMAT/);
  });
});

describe('parseVrp: malformed input gives a one-line InputError naming the problem', () => {
  it.each([
    ['DIMENSION', /DIMENSION: missing DIMENSION/],
    ['CAPACITY', /CAPACITY: missing CAPACITY/],
    ['EDGE_WEIGHT_TYPE', /EDGE_WEIGHT_TYPE: missing EDGE_WEIGHT_TYPE/],
  ])('missing %s', (key, re) => {
    expect(errorOf(edit(key, null))).toMatch(re);
  });

  it('missing NODE_COORD_SECTION', () => {
    const text = GOOD.replace(/NODE_COORD_SECTION\n(.*\n){5}/, '');
    expect(errorOf(text)).toMatch(/missing NODE_COORD_SECTION \(required with EDGE_WEIGHT_TYPE EUC_2D\)/);
  });

  it('missing DEMAND_SECTION', () => {
    const text = GOOD.replace(/DEMAND_SECTION\n(.*\n){5}/, '');
    expect(errorOf(text)).toMatch(/DEMAND_SECTION: missing DEMAND_SECTION/);
  });

  it('negative demand', () => {
    expect(errorOf(edit('3 5', '3 -5'))).toMatch(/line 15: DEMAND_SECTION: demand of node 3 is negative \(-5\)/);
  });

  it('demand above capacity', () => {
    expect(errorOf(edit('3 5', '3 11'))).toMatch(/line 15: DEMAND_SECTION: demand of node 3 \(11\) exceeds CAPACITY 10/);
  });

  it('depot with a demand', () => {
    const text = GOOD.replace('DEMAND_SECTION\n1 0', 'DEMAND_SECTION\n1 3');
    expect(errorOf(text)).toMatch(/DEMAND_SECTION: the depot \(node 1\) must have demand 0, got 3/);
  });

  it('non-numeric fields', () => {
    expect(errorOf(edit('DIMENSION', 'DIMENSION : five'))).toMatch(/line 3: DIMENSION: expected the number of nodes \(an integer\), got "five"/);
    expect(errorOf(edit('CAPACITY', 'CAPACITY : 10.5'))).toMatch(/line 5: CAPACITY: expected a positive integer, got "10.5"/);
    expect(errorOf(edit('CAPACITY', 'CAPACITY : 0'))).toMatch(/CAPACITY: must be at least 1, got 0/);
    expect(errorOf(edit('2 3 4', '2 3 four'))).toMatch(/line 8: NODE_COORD_SECTION: y of node 2 must be a finite number, got "four"/);
    expect(errorOf(edit('2 3 4', '2 NaN 4'))).toMatch(/NODE_COORD_SECTION: x of node 2 must be a finite number, got "NaN"/);
    expect(errorOf(edit('2 3 4', '2 3 Infinity'))).toMatch(/NODE_COORD_SECTION: y of node 2 must be a finite number, got "Infinity"/);
    expect(errorOf(edit('2 3 4', '2 1e999 4'))).toMatch(/NODE_COORD_SECTION: x of node 2 must be a finite number, got "1e999"/);
    expect(errorOf(edit('2 4', '2 four'))).toMatch(/DEMAND_SECTION: demand of node 2 must be an integer, got "four"/);
    expect(errorOf(edit('2 4', '2 4.5'))).toMatch(/DEMAND_SECTION: demand of node 2 must be an integer, got "4.5"/);
    expect(errorOf(edit('2 3 4', 'x2 3 4'))).toMatch(/line 8: unknown keyword "x2"/);
  });

  it('wrong counts, duplicate and out-of-range ids', () => {
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 6'))).toMatch(
      /NODE_COORD_SECTION: has 5 entries but DIMENSION is 6 \(node 6 is missing/,
    );
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 4'))).toMatch(/line 11: NODE_COORD_SECTION: node id 5 is outside 1..4/);
    expect(errorOf(edit('3 6 8', '2 6 8'))).toMatch(/line 9: NODE_COORD_SECTION: node 2 appears twice/);
    expect(errorOf(edit('4 10', '3 10'))).toMatch(/line 16: DEMAND_SECTION: node 3 appears twice/);
    expect(errorOf(edit('2 3 4', '2 3 4 5'))).toMatch(/NODE_COORD_SECTION: expected 3 fields "id x y", got 4/);
    expect(errorOf(edit('2 4', '2'))).toMatch(/DEMAND_SECTION: expected 2 fields "id demand", got 1/);
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 0'))).toMatch(/DIMENSION: must be at least 1/);
  });

  it('truncated file', () => {
    const cut = GOOD.slice(0, GOOD.indexOf('4 0 1.5'));
    expect(errorOf(cut)).toMatch(/NODE_COORD_SECTION: has 3 entries but DIMENSION is 5 \(node 4 is missing; is the file truncated\?\)/);
    const cut2 = GOOD.slice(0, GOOD.indexOf('4 10'));
    expect(errorOf(cut2)).toMatch(/DEMAND_SECTION: has 3 entries but DIMENSION is 5/);
    const cut3 = GOOD.slice(0, GOOD.indexOf('DIMENSION'));
    expect(errorOf(cut3)).toMatch(/missing DIMENSION/);
  });

  it('garbage bytes, empty file and text that is not a .vrp', () => {
    const bytes = new Uint8Array(4096);
    let s = 12345;
    for (let i = 0; i < bytes.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    const garbage = Buffer.from(bytes).toString('utf8');
    expect(errorOf(garbage)).toMatch(/not a text \.vrp file \(control character 0x[0-9a-f]{2}; binary data\?\)/);
    expect(errorOf(`${GOOD.slice(0, 40)}\u0000\u0001${GOOD.slice(40)}`)).toMatch(/line 4: not a text \.vrp file/);
    expect(errorOf('')).toMatch(/empty file/);
    expect(errorOf('   \n\n')).toMatch(/empty file/);
    expect(errorOf('{"capacity": 10, "demands": [0, 1]}')).toMatch(/line 1: unexpected text/);
    expect(errorOf('hello world\n')).toMatch(/line 1: unknown keyword "hello"/);
    expect(errorOf('<html><body>404</body></html>')).toMatch(/line 1: unexpected text/);
  });

  it('huge DIMENSION fails before allocating', () => {
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 1000000000000'))).toMatch(
      new RegExp(`DIMENSION: 1000000000000 exceeds the supported maximum of ${MAX_VRP_DIMENSION}`),
    );
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 1e12'))).toMatch(/DIMENSION: expected the number of nodes \(an integer\), got "1e12"/);
    expect(errorOf(edit('DIMENSION', 'DIMENSION : 99999999999999999999999'))).toMatch(/DIMENSION: expected the number of nodes/);
  });

  it('unsupported types and features', () => {
    expect(errorOf(edit('EDGE_WEIGHT_TYPE', 'EDGE_WEIGHT_TYPE : GEO'))).toMatch(
      /line 4: EDGE_WEIGHT_TYPE: "GEO" is not supported \(supported: EUC_2D, CEIL_2D, EXPLICIT\)/,
    );
    expect(errorOf(edit('TYPE', 'TYPE : TSP'))).toMatch(/line 2: TYPE: only CVRP is supported, got "TSP"/);
    expect(errorOf(edit('TYPE', 'TYPE : CVRP\nDISTANCE : 100'))).toMatch(/DISTANCE: route length limits/);
    expect(errorOf(edit('NAME', 'NAME : a\nNAME : b'))).toMatch(/line 2: NAME: given twice \(lines 1 and 2\)/);
    expect(errorOf(GOOD.replace('EOF', 'DEMAND_SECTION\n1 0'))).toMatch(/DEMAND_SECTION: appears twice/);
  });

  it('depot section', () => {
    expect(errorOf(edit('-1', '5\n-1'))).toMatch(/DEPOT_SECTION: names 2 depots \(1, 5\); exactly one is supported/);
    expect(errorOf(GOOD.replace('DEPOT_SECTION\n1\n', 'DEPOT_SECTION\n3\n'))).toMatch(
      /line 19: DEPOT_SECTION: only node 1 as depot is supported, got node 3/,
    );
    expect(errorOf(GOOD.replace('DEPOT_SECTION\n1\n', 'DEPOT_SECTION\n'))).toMatch(/DEPOT_SECTION: names no depot/);
    expect(errorOf(GOOD.replace('DEPOT_SECTION\n1\n', 'DEPOT_SECTION\n9\n'))).toMatch(/DEPOT_SECTION: depot id 9 is outside 1..5/);
    expect(errorOf(GOOD.replace('-1\n', '-1\n2\n'))).toMatch(/DEPOT_SECTION: unexpected "2" after the terminating -1/);
  });

  it('names no file when none is given', () => {
    expect(() => parseVrp(edit('CAPACITY', null))).toThrow(/^DIMENSION|^CAPACITY: missing CAPACITY$/);
  });

  it('rejects non-string input', () => {
    expect(() => parseVrp(42 as unknown as string)).toThrow(InputError);
  });
});
