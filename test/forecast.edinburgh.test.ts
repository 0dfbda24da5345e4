// The Edinburgh forecasting suite on small synthetic CSVs: the split (each bin's last 20 % of
// events, every forecast from earlier events only), the naive baselines recomputed here, no
// peeking at later events, and `binroute bench --suite forecast-edinburgh` writing its files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsByBin, forecastEvents, naiveForecasts, readEdinburghCsv, splitEvents, streetOf, type EdinburghEvent } from '../bench/forecastEdinburgh.js';
import { CollectionFillForecaster } from '../src/forecast/CollectionFillForecaster.js';
import { seededRandom } from '../src/common/seededRandom.js';
import { parseCsv } from '../src/io/parseCsv.js';
import { spawnCli, tmpDirForTests } from './spawnCli.js';

const HEADER =
  'ID,Site,Site name,Address,City,Site content type,Content type,Content type name,Date & Time of bin collection (Europe/London),Frozen,Fill level before collection (%) [Nb 100% is actually a bin that\'s 80% full],Fill level after';

/** A CSV in the Edinburgh layout: `bins` bins with random event counts, times and fills, rows in random order. */
function syntheticCsv(seed: number, bins: number): string {
  const rand = seededRandom(seed);
  const rows: string[] = [];
  for (let b = 0; b < bins; b++) {
    const n = 1 + Math.floor(rand() * 12);
    let t = Date.UTC(2016, 5, 3) + Math.floor(rand() * 48) * 3_600_000;
    for (let i = 0; i < n; i++) {
      t += Math.floor((2 + rand() * 100) * 60) * 60_000;
      const time = new Date(t).toISOString().slice(0, 19);
      rows.push(`${rows.length},${1000 + b},"Street ${b % 3} - Outside ${b}",${b % 2 ? `${b} ` : ''}Street ${b % 3},Edinburgh,1,1,Mixed,${time},0,${Math.floor(rand() * 101)},0`);
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return `${HEADER}\n${rows.join('\n')}\n`;
}

describe('the Edinburgh split and baselines', () => {
  it('reads the layout: event ids are data-row indices, streets without house numbers', () => {
    const csv = `${HEADER}\n1,7,"A - x",12 High Street,E,1,1,Mixed,2016-06-03T10:00:00,0,55,0\n2,7,"A - y",High Street,E,1,1,Mixed,bad,0,60,0\n3,8,B,Low Road,E,1,1,Mixed,2016-06-04T10:00:00,0,101,0\n`;
    const { events, skipped } = readEdinburghCsv(csv);
    expect(events.map((e) => [e.eventId, e.binId, e.fill, e.street])).toEqual([
      [0, '7', 55, 'high street'],
      [2, '8', 101, 'low road'],
    ]);
    expect(skipped).toEqual([{ eventId: 1, reason: 'unreadable time "bad"' }]);
    expect(streetOf('80 Haymarket Terrace')).toBe('haymarket terrace');
  });

  it('forecasts each bin’s last ⌈20 %⌉ of events (never its first), from earlier events only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const csv = syntheticCsv(seed, 8);
        const { events } = readEdinburghCsv(csv);
        const rows = parseCsv(csv).slice(1);
        const test = splitEvents(events, 0.2);
        // recomputed here from the rows: per bin, sort by time, take the last ceil(0.2 n), at most n - 1
        const bySite = new Map<string, { id: number; time: string }[]>();
        rows.forEach((r, id) => bySite.set(r[1], [...(bySite.get(r[1]) ?? []), { id, time: r[8] }]));
        const expected: number[] = [];
        for (const list of bySite.values()) {
          list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id - b.id));
          const k = Math.min(Math.ceil(list.length / 5), list.length - 1);
          expected.push(...list.slice(list.length - k).map((x) => x.id));
        }
        expect(test.map((e) => e.eventId).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        // baselines from the bin's strictly earlier rows
        const byBin = eventsByBin(events);
        for (const e of test) {
          const earlier = rows.map((r, id) => ({ r, id })).filter(({ r, id }) => r[1] === e.binId && (r[8] < e.time || (r[8] === e.time && id < e.eventId)));
          earlier.sort((a, b) => (a.r[8] < b.r[8] ? -1 : a.r[8] > b.r[8] ? 1 : a.id - b.id));
          const fills = earlier.map((x) => Number(x.r[10]));
          const hours = earlier.map((x) => Date.parse(`${x.r[8]}Z`) / 3_600_000);
          const rates = fills.slice(1).map((f, i) => f / (hours[i + 1] - hours[i]));
          const clip = (x: number) => Math.min(100, Math.max(0, x));
          const mean = fills.reduce((a, x) => a + x, 0) / fills.length;
          const naive = naiveForecasts(byBin.get(e.binId)!.filter((x) => earlier.some((y) => y.id === x.eventId)), e);
          expect(naive.previous).toBe(fills[fills.length - 1]);
          expect(naive.mean).toBeCloseTo(mean, 6);
          const elapsed = Date.parse(`${e.time}Z`) / 3_600_000 - hours[hours.length - 1];
          expect(naive.rateElapsed).toBeCloseTo(rates.length ? clip((rates.reduce((a, x) => a + x, 0) / rates.length) * elapsed) : mean, 6);
        }
      }),
      { seed: 41, numRuns: 40 },
    );
  });

  it('no peeking: changing what happens after an event does not change its forecast', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 24), (seed, pick, horizon) => {
        const { events } = readEdinburghCsv(syntheticCsv(seed, 10));
        const test = splitEvents(events, 0.2);
        const cut = test[pick % test.length];
        const base = forecastEvents(events, test, { horizonHours: horizon });
        const rand = seededRandom(seed + 1);
        const changed: EdinburghEvent[] = events.map((e) => (e.t >= cut.t ? { ...e, fill: Math.floor(rand() * 101) } : e));
        const again = forecastEvents(changed, test, { horizonHours: horizon });
        for (const e of test) if (e.t <= cut.t) expect(again.get(e.eventId)).toBe(base.get(e.eventId));
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('the day-ahead forecast does not use records from the last 24 hours', () => {
    const { events } = readEdinburghCsv(syntheticCsv(7, 10));
    const test = splitEvents(events, 0.2);
    const base = forecastEvents(events, test, { horizonHours: 24 });
    for (const e of test) {
      const changed = events.map((x) => (x.t >= e.t - 24 * 3_600_000 ? { ...x, fill: 100 - x.fill } : x));
      expect(forecastEvents(changed, [e], { horizonHours: 24 }).get(e.eventId)).toBe(base.get(e.eventId));
    }
  });
});

describe('CollectionFillForecaster', () => {
  it('forecasts stay on the scale, quantiles are ordered, and records must come in time order', () => {
    const f = new CollectionFillForecaster();
    const rand = seededRandom(3);
    for (let i = 0; i < 300; i++) f.observe({ binId: `B${i % 7}`, time: Date.UTC(2016, 5, 3) + i * 3 * 3_600_000, fillPercent: Math.floor(rand() * 101) });
    const p = f.predict('B1', Date.UTC(2016, 5, 3) + 301 * 3 * 3_600_000);
    expect(p.fill).toBeGreaterThanOrEqual(0);
    expect(p.fill).toBeLessThanOrEqual(100);
    expect(p.quantile(0.1)).toBeLessThanOrEqual(p.quantile(0.5));
    expect(p.quantile(0.5)).toBeLessThanOrEqual(p.quantile(0.9));
    expect(p.pFull).toBeGreaterThanOrEqual(0);
    expect(p.pFull).toBeLessThanOrEqual(1);
    expect(() => f.observe({ binId: 'B1', time: Date.UTC(2016, 5, 3), fillPercent: 3 })).toThrow(/^time: records must come in time order/);
    expect(() => new CollectionFillForecaster({ recency: 2 })).toThrow(/^recency:/);
  });

  it('a bin that fills more the longer it waits: the forecast rises with the elapsed time', () => {
    const f = new CollectionFillForecaster();
    const rand = seededRandom(4);
    let t = Date.UTC(2016, 5, 3);
    for (let i = 0; i < 400; i++) {
      const gap = 6 + rand() * 90;
      t += gap * 3_600_000;
      f.observe({ binId: `B${i % 5}`, time: t, fillPercent: Math.min(100, 10 * Math.log(gap) + 20 + 5 * rand()) });
    }
    const last = t;
    expect(f.predict('B0', last + 80 * 3_600_000, last).fill).toBeGreaterThan(f.predict('B0', last + 10 * 3_600_000, last).fill + 10);
  });
});

describe('binroute bench --suite forecast-edinburgh', () => {
  const tmp = tmpDirForTests('binroute-forecast-');

  it('writes predictions.csv (one row per forecast event), baselines.csv and summary.json', async () => {
    const csv = join(tmp(), 'edinburgh.csv');
    writeFileSync(csv, syntheticCsv(5, 12));
    const out = join(tmp(), 'out');
    const r = await spawnCli(['bench', '--suite', 'forecast-edinburgh', '--data', csv, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/forecast \(all earlier events\)\s+\d+\.\d\d/);
    expect(r.stdout).toMatch(/target: ≥ 15 % below the best baseline/);
    const { events } = readEdinburghCsv(readFileSync(csv, 'utf8'));
    const test = splitEvents(events, 0.2);
    const rows = parseCsv(readFileSync(join(out, 'predictions.csv'), 'utf8'));
    expect(rows[0]).toEqual(['event_id', 'bin_id', 'time', 'predicted', 'actual']);
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual(test.map((e) => e.eventId).sort((a, b) => a - b));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const mae = rows.slice(1).reduce((a, x) => a + Math.abs(Number(x[3]) - Number(x[4])), 0) / test.length;
    expect(summary.mae.forecast).toBeCloseTo(mae, 1);
    expect(summary.split.testEvents).toBe(test.length);
    expect(summary.machine.cores).toBeGreaterThan(0);
  });
});
