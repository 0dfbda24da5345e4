// Reading sensor readings: CSV and JSON agree; every bad row is reported with its row and kind
// while every good row is kept; a file with nothing usable is one InputError line. Timestamps.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { parseCsvRecords } from '../src/io/parseCsv.js';
import { checkReadings, readReadings, type ReadingProblemKind } from '../src/forecast/readReadings.js';
import { formatTimestamp, hourOfWeek, parseTimestamp } from '../src/forecast/timestamps.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';
import { simulationFiles } from '../src/sensors/simulationFiles.js';

const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
const bins = scenario.bins.slice(0, 12);
const sim = simulateReadings(bins, { start: '2026-11-02', days: 3, seed: 4 });
const files = simulationFiles(sim);

describe('parseTimestamp', () => {
  it('reads what formatTimestamp writes, at any offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: -12 * 4, max: 14 * 4 }), (s, q) => {
        const ms = s * 1000;
        const off = q * 15;
        const p = parseTimestamp(formatTimestamp(ms, off));
        expect(p?.ms).toBe(ms);
        expect(p?.offsetMinutes).toBe(off);
      }),
    );
  });

  it('reads naive times at the given offset, never at the machine zone, and refuses impossible dates', () => {
    expect(parseTimestamp('2016-08-09T15:46:34')).toEqual({ ms: Date.UTC(2016, 7, 9, 15, 46, 34) });
    expect(parseTimestamp('2016-08-09 15:46', 60)?.ms).toBe(Date.UTC(2016, 7, 9, 14, 46));
    for (const bad of ['2026-02-30T00:00:00', '2026-13-01', '2026-11-02T24:00', 'yesterday', '', '2026-11-02T10:00+25:00']) expect(parseTimestamp(bad)).toBeUndefined();
  });

  it('hourOfWeek counts from Monday 00:00 on the local clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e9 }), (s) => {
        const ms = s * 1000;
        const local = new Date(ms + 540 * 60_000);
        expect(hourOfWeek(ms, 540)).toBe(((local.getUTCDay() + 6) % 7) * 24 + local.getUTCHours());
      }),
    );
  });
});

describe('readReadings', () => {
  it('the CSV and the JSON of a simulation give the same readings', () => {
    const csv = readReadings(files['readings.csv']);
    const json = readReadings(files['simulation.json']);
    expect(csv.problems).toEqual([]);
    expect(csv.readings).toHaveLength(sim.readings.length);
    expect(json.readings.map(({ row: _r, ...x }) => x)).toEqual(csv.readings.map(({ row: _r, ...x }) => x));
    expect(csv.utcOffsetMinutes).toBe(540);
    // CSV rows are line numbers (header = 1), JSON rows indices
    expect(csv.readings[0].row).toBe(2);
    expect(json.readings[0].row).toBe(0);
  });

  it('every bad row is reported with its line and kind, and every good row is kept', () => {
    const lines = files['readings.csv'].trim().split('\n');
    const header = lines[0];
    const good = lines.slice(1);
    const byBin = new Map<string, string[]>();
    for (const l of good) byBin.set(l.split(',')[0], [...(byBin.get(l.split(',')[0]) ?? []), l]);
    const kinds: ReadingProblemKind[] = ['bad_row', 'unknown_bin', 'time_unparsable', 'fill_not_a_number', 'fill_out_of_range', 'time_out_of_order', 'duplicate'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(), pick: fc.nat(), variant: fc.nat() }), { minLength: 1, maxLength: 12 }),
        (injections) => {
          // insert each bad row at a position; out-of-order and duplicate rows copy a good row that is already above them
          const out: { text: string; kind?: ReadingProblemKind }[] = good.map((text) => ({ text }));
          for (const inj of injections) {
            const pos = 1 + (inj.at % out.length);
            const above = out.slice(0, pos).filter((r) => r.kind === undefined);
            const src = above[inj.pick % above.length].text.split(',');
            const sameBinAbove = above.filter((r) => r.text.startsWith(`${src[0]},`));
            let text: string;
            switch (inj.kind) {
              case 'bad_row':
                text = [`,${src[1]},${src[2]}`, `${src[0]},${src[1]}`, `${src.join(',')},extra`][inj.variant % 3];
                break;
              case 'unknown_bin':
                text = `ZZ-${inj.variant % 1000},${src[1]},${src[2]}`;
                break;
              case 'time_unparsable':
                text = `${src[0]},${['2026-11-31T10:00:00+09:00', 'noon', '', '2026/11/02 10:00'][inj.variant % 4]},${src[2]}`;
                break;
              case 'fill_not_a_number':
                text = `${src[0]},${src[1]},${['NaN', 'abc', '', 'Infinity'][inj.variant % 4]}`;
                break;
              case 'fill_out_of_range':
                text = `${src[0]},${src[1]},${[-0.1, -50, 150.1, 1e6][inj.variant % 4]}`;
                break;
              case 'time_out_of_order': {
                // earlier than every reading of the bin, placed after at least two of them
                if (sameBinAbove.length < 2) continue;
                const first = parseTimestamp(byBin.get(src[0])![0].split(',')[1])!.ms;
                text = `${src[0]},${formatTimestamp(first - (1 + (inj.variant % 48)) * 3_600_000, 540)},${src[2]}`;
                break;
              }
              case 'duplicate':
                text = `${src[0]},${src[1]},${[src[2], '55.5'][inj.variant % 2]}`;
                break;
            }
            out.splice(pos, 0, { text, kind: inj.kind });
          }
          const text = `${header}\n${out.map((r) => r.text).join('\n')}\n`;
          const r = readReadings(text, { binIds: bins.map((b) => b.id) });
          const expected = out.map((o, i) => ({ line: i + 2, kind: o.kind })).filter((o) => o.kind !== undefined);
          expect(r.problems.map((p) => ({ line: p.row, kind: p.kind }))).toEqual(expected);
          for (const p of r.problems) expect(p.message).toMatch(new RegExp(`^line ${p.row}: `));
          expect(r.readings).toHaveLength(good.length);
          expect(r.total).toBe(out.length);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('out of order: one stray timestamp costs one row, not the rest of its bin', () => {
    const text = 'bin_id,timestamp,fill_percent\nA,2026-11-02T01:00Z,1\nA,2030-01-01T00:00Z,2\nA,2026-11-02T02:00Z,3\nA,2026-11-02T03:00Z,4\nB,2026-11-02T00:30Z,5\n';
    const r = readReadings(text);
    expect(r.problems.map((p) => [p.row, p.kind])).toEqual([[3, 'time_out_of_order']]);
    expect(r.problems[0].message).toBe('line 3: timestamp 2030-01-01T00:00Z of A is out of order (later than line 4, which follows it)');
    expect(r.readings.map((x) => x.fillPercent)).toEqual([1, 3, 4, 5]);
  });

  it('JSON rows are named by their index in readings', () => {
    const r = readReadings(JSON.stringify({ readings: [{ binId: 'A', time: '2026-11-02T01:00Z', fillPercent: 10 }, { binId: 'A', time: '2026-11-02T02:00Z', fillPercent: 'x' }, { time: 3 }] }));
    expect(r.problems.map((p) => p.message)).toEqual(['readings[1]: fillPercent "x" is not a number', 'readings[2]: binId is missing']);
    expect(r.readings).toHaveLength(1);
  });

  it('a file with nothing usable is one InputError line naming the first problem', () => {
    const bad = 'bin_id,timestamp,fill_percent\nA,2026-11-02T01:00Z,-4\nA,later,5\n';
    expect(() => readReadings(bad, { file: 'r.csv' })).toThrow(InputError);
    expect(() => readReadings(bad, { file: 'r.csv' })).toThrow(/^r\.csv: no usable reading in 2 rows \(first: line 2: fill_percent -4 is below 0\)\n/);
    try {
      readReadings(bad, { file: 'r.csv' });
    } catch (e) {
      // the file's code first, then each row's own problem with its code
      expect((e as InputError).code).toBe('E5010');
      expect((e as InputError).problems.map((p) => p.code)).toEqual(['E5010', 'E5005', 'E5003']);
    }
    expect(() => readReadings('a,b,c\n1,2,3\n')).toThrow(/the header must name the columns bin_id, timestamp and fill_percent/);
    expect(() => readReadings('bin_id,timestamp,fill_percent\n')).toThrow(/no usable reading in 0 rows/);
    expect(() => readReadings('{"readings": 3}')).toThrow(/"readings" array/);
    expect(() => readReadings('{oops')).toThrow(/not valid JSON/);
  });

  it('checkReadings: objects, Date and epoch times; an empty list is fine', () => {
    const r = checkReadings([
      { binId: 'A', time: new Date('2026-11-02T00:00:00Z'), fillPercent: 3 },
      { binId: 'A', time: Date.UTC(2026, 10, 2, 1), fillPercent: 4 },
      { binId: 'A', time: '2026-11-02T01:00:00Z', fillPercent: 5 },
    ]);
    expect(r.readings.map((x) => x.fillPercent)).toEqual([3, 4]);
    expect(r.problems.map((p) => p.message)).toEqual(['readings[2]: a second reading of A at 2026-11-02T01:00:00Z (first: readings[1])']);
    expect(checkReadings([]).readings).toEqual([]);
  });
});

describe('parseCsvRecords', () => {
  it('numbers records by the line they start on, quoted line breaks included', () => {
    expect(parseCsvRecords('a,b\r\n\r\n"x\ny",2\n3,"4"')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x\ny', '2'], line: 3 },
      { fields: ['3', '4'], line: 5 },
    ]);
  });
});
