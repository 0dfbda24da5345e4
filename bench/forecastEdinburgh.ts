// The Edinburgh forecasting suite: real fill levels recorded when litter bins were emptied
// (334 bins, June–August 2016; ../shared/benchmarks/edinburgh-litter-bins/README.md). For each
// bin, the last 20 % of its emptyings in time are forecast from earlier records only, and the
// forecast's mean absolute error is set against three naive baselines.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { COLLECTION_FORECAST_DEFAULTS, CollectionFillForecaster, type CollectionForecastOptions } from '../src/forecast/CollectionFillForecaster.js';
import { parseTimestamp } from '../src/forecast/timestamps.js';
import { parseCsvRecords } from '../src/io/parseCsv.js';
import { fixed, formatTable } from './formatTable.js';
import type { MachineInfo } from './machineInfo.js';

/** The suite's folder under the shared benchmarks, and its file. */
export const EDINBURGH_DIR = 'edinburgh-litter-bins';
export const EDINBURGH_CSV = 'edinburgh_litter_bin_collections_2016.csv';

const HOUR = 3_600_000;
const COLUMNS = { bin: 'Site', address: 'Address', time: 'Date & Time of bin collection', fill: 'Fill level before collection' };

/** One emptying of a bin. */
export interface EdinburghEvent {
  /** 0-based index of the row among the CSV's data rows. */
  eventId: number;
  binId: string;
  /** The timestamp as written (naive local time, Europe/London). */
  time: string;
  /** Milliseconds (the naive time read as UTC: only differences matter). */
  t: number;
  /** Fill before the emptying, % of the sensor's scale (100 % = a bin 80 % full). */
  fill: number;
  /** The street: the address without a leading house number, lower case. */
  street: string;
}

/**
 * Reads the Edinburgh CSV: columns found by the start of their header (`Site`, `Address`,
 * `Date & Time of bin collection…`, `Fill level before collection…`). Rows with an empty site,
 * an unreadable time or a fill outside 0–150 are skipped and listed with their 0-based index.
 *
 * @example
 * ```ts
 * const { events, skipped } = readEdinburghCsv(readFileSync(file, 'utf8'), file);
 * ```
 */
export function readEdinburghCsv(text: string, file?: string): { events: EdinburghEvent[]; skipped: { eventId: number; reason: string }[] } {
  const records = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  if (records.length === 0) throw new InputError('empty file', { code: 'E0001', file });
  const head = records[0].fields.map((h) => h.trim());
  const col = (start: string) => head.findIndex((h) => h === start || h.startsWith(`${start} `) || h.startsWith(`${start}(`));
  const [cb, ca, ct, cf] = [col(COLUMNS.bin), col(COLUMNS.address), col(COLUMNS.time), col(COLUMNS.fill)];
  if (cb < 0 || ct < 0 || cf < 0) throw new InputError(`the header must have the columns "${COLUMNS.bin}", "${COLUMNS.time} …" and "${COLUMNS.fill} …"`, { code: 'E0001', file });
  const events: EdinburghEvent[] = [];
  const skipped: { eventId: number; reason: string }[] = [];
  records.slice(1).forEach((r, eventId) => {
    const binId = (r.fields[cb] ?? '').trim();
    const time = (r.fields[ct] ?? '').trim();
    const fill = Number((r.fields[cf] ?? '').trim());
    const t = parseTimestamp(time)?.ms;
    if (binId === '') skipped.push({ eventId, reason: 'no site' });
    else if (t === undefined) skipped.push({ eventId, reason: `unreadable time ${JSON.stringify(time)}` });
    else if ((r.fields[cf] ?? '').trim() === '' || !(fill >= 0 && fill <= 150)) skipped.push({ eventId, reason: `fill ${JSON.stringify(r.fields[cf] ?? '')} outside 0–150` });
    else events.push({ eventId, binId, time, t, fill, street: streetOf(ca >= 0 ? (r.fields[ca] ?? '') : '') });
  });
  return { events, skipped };
}

/**
 * The street of an address: without a leading house number ("80 Haymarket Terrace" →
 * "haymarket terrace"), lower case.
 *
 * @example
 * ```ts
 * streetOf('22 Chambers Street'); // 'chambers street'
 * ```
 */
export function streetOf(address: string): string {
  return address.trim().replace(/^\d+[a-z]?\s+/i, '').toLowerCase();
}

/**
 * Each bin's events in time order (ties by event id).
 *
 * @example
 * ```ts
 * eventsByBin(events).get('325048')![0].time; // its first emptying
 * ```
 */
export function eventsByBin(events: readonly EdinburghEvent[]): Map<string, EdinburghEvent[]> {
  const by = new Map<string, EdinburghEvent[]>();
  for (const e of events) {
    const list = by.get(e.binId);
    if (list) list.push(e);
    else by.set(e.binId, [e]);
  }
  for (const list of by.values()) list.sort((a, b) => a.t - b.t || a.eventId - b.eventId);
  return by;
}

/**
 * The events to forecast: for each bin with n events, its last ⌈share·n⌉ in time, at most n − 1
 * (every forecast event has an earlier one). Sorted by time, then event id.
 *
 * @example
 * ```ts
 * splitEvents(events, 0.2).length; // 2,131 on the full file
 * ```
 */
export function splitEvents(events: readonly EdinburghEvent[], share = 0.2): EdinburghEvent[] {
  const test: EdinburghEvent[] = [];
  for (const list of eventsByBin(events).values()) {
    const k = Math.min(Math.ceil(share * list.length), list.length - 1);
    test.push(...list.slice(list.length - k));
  }
  return test.sort((a, b) => a.t - b.t || a.eventId - b.eventId);
}

/** The three naive forecasts of an event from its bin's earlier events. */
export interface NaiveForecasts {
  /** The bin's previous fill. */
  previous: number;
  /** The mean of its earlier fills. */
  mean: number;
  /** Its mean fill rate (fill / hours since the emptying before, over its earlier events) × the hours since its last emptying; the mean when no rate is known yet. */
  rateElapsed: number;
}

/**
 * The naive baselines for `event` from `earlier` (the bin's earlier events, in time order),
 * each clipped to the scale (0–100 %).
 *
 * @example
 * ```ts
 * naiveForecasts(history, event).mean;
 * ```
 */
export function naiveForecasts(earlier: readonly EdinburghEvent[], event: EdinburghEvent): NaiveForecasts {
  if (earlier.length === 0) throw new InputError(`event ${event.eventId}: no earlier event of bin ${event.binId}`, { code: 'E0001' });
  const clip = (x: number) => Math.min(100, Math.max(0, x));
  const previous = earlier[earlier.length - 1];
  const mean = earlier.reduce((a, e) => a + e.fill, 0) / earlier.length;
  const rates: number[] = [];
  for (let i = 1; i < earlier.length; i++) {
    const hours = (earlier[i].t - earlier[i - 1].t) / HOUR;
    if (hours > 0) rates.push(earlier[i].fill / hours);
  }
  const rate = rates.length ? rates.reduce((a, r) => a + r, 0) / rates.length : Number.NaN;
  const rateElapsed = Number.isFinite(rate) ? rate * ((event.t - previous.t) / HOUR) : mean;
  return { previous: clip(previous.fill), mean: clip(mean), rateElapsed: clip(rateElapsed) };
}

/**
 * Forecasts each test event with a {@link CollectionFillForecaster} fed the events in time
 * order. With `horizonHours` = 0 it has seen every event strictly before the forecast event;
 * with h > 0 only those at least h hours before (a forecast made h hours ahead), though it is
 * told when the bin was last emptied. Returns forecasts by event id.
 *
 * @example
 * ```ts
 * const forecasts = forecastEvents(events, splitEvents(events), { horizonHours: 24 });
 * ```
 */
export function forecastEvents(events: readonly EdinburghEvent[], test: readonly EdinburghEvent[], o: { horizonHours?: number; options?: CollectionForecastOptions } = {}): Map<number, number> {
  const streets = new Map(events.map((e) => [e.binId, e.street]));
  const f = new CollectionFillForecaster({ groupOf: (id) => streets.get(id) ?? '', ...o.options });
  const all = [...events].sort((a, b) => a.t - b.t || a.eventId - b.eventId);
  const previous = new Map<number, EdinburghEvent | undefined>();
  for (const list of eventsByBin(events).values()) list.forEach((e, i) => previous.set(e.eventId, list[i - 1]));
  const h = (o.horizonHours ?? 0) * HOUR;
  const out = new Map<number, number>();
  let next = 0;
  for (const e of [...test].sort((a, b) => a.t - b.t || a.eventId - b.eventId)) {
    for (; next < all.length && all[next].t < e.t - h; next++) f.observe({ binId: all[next].binId, time: all[next].t, fillPercent: all[next].fill });
    out.set(e.eventId, f.predict(e.binId, e.t, previous.get(e.eventId)?.t).fill);
  }
  return out;
}

/** One forecast event with every method's forecast. */
export interface EdinburghPrediction extends NaiveForecasts {
  eventId: number;
  binId: string;
  time: string;
  actual: number;
  /** The forecast from every earlier event (the suite's forecast). */
  forecast: number;
  /** The forecast made 24 h ahead. */
  forecastDayAhead: number;
}

/** The suite's report (`format: binroute-bench-forecast-edinburgh/1`). */
export interface EdinburghReport {
  format: 'binroute-bench-forecast-edinburgh/1';
  suite: 'forecast-edinburgh';
  startedAt: string;
  seconds: number;
  data: { file: string; rows: number; events: number; skipped: { eventId: number; reason: string }[]; bins: number };
  split: { rule: string; testEvents: number; testBins: number; from: string; to: string };
  /** Mean absolute errors, percentage points. */
  mae: { forecast: number; forecastDayAhead: number; previous: number; mean: number; rateElapsed: number };
  bestBaseline: { name: 'previous' | 'mean' | 'rateElapsed'; mae: number };
  /** 100 × (1 − forecast MAE / best baseline MAE). */
  improvementPct: number;
  improvementDayAheadPct: number;
  targetPct: number;
  targetMet: boolean;
  /** The forecaster's settings (its defaults, chosen on the training part), and the grouping. */
  settings: Readonly<Required<Omit<CollectionForecastOptions, 'groupOf'>>> & { groupOf: string };
  machine: MachineInfo;
}

/**
 * Runs the suite on the CSV text: the split, the three baselines, the forecast (from all
 * earlier events, and 24 h ahead), their MAE. Returns the report and the per-event rows.
 *
 * @example
 * ```ts
 * const { report, predictions } = runEdinburghBench(readFileSync(file, 'utf8'), file, machineInfo(root));
 * ```
 */
export function runEdinburghBench(text: string, file: string, machine: MachineInfo, now: () => number = Date.now): { report: EdinburghReport; predictions: EdinburghPrediction[] } {
  const started = now();
  const { events, skipped } = readEdinburghCsv(text, file);
  const test = splitEvents(events, 0.2);
  if (test.length === 0) throw new InputError('no bin has two or more usable events: nothing to forecast', { code: 'E0001', file });
  const byBin = eventsByBin(events);
  const position = new Map<number, number>();
  for (const list of byBin.values()) list.forEach((e, i) => position.set(e.eventId, i));
  const forecast = forecastEvents(events, test);
  const dayAhead = forecastEvents(events, test, { horizonHours: 24 });
  const predictions: EdinburghPrediction[] = test
    .map((e) => ({
      eventId: e.eventId,
      binId: e.binId,
      time: e.time,
      actual: e.fill,
      forecast: forecast.get(e.eventId)!,
      forecastDayAhead: dayAhead.get(e.eventId)!,
      ...naiveForecasts(byBin.get(e.binId)!.slice(0, position.get(e.eventId)), e),
    }))
    .sort((a, b) => a.eventId - b.eventId);
  const mae = (k: 'forecast' | 'forecastDayAhead' | 'previous' | 'mean' | 'rateElapsed') => predictions.reduce((a, p) => a + Math.abs(p[k] - p.actual), 0) / predictions.length;
  const m = { forecast: mae('forecast'), forecastDayAhead: mae('forecastDayAhead'), previous: mae('previous'), mean: mae('mean'), rateElapsed: mae('rateElapsed') };
  const best = (['previous', 'mean', 'rateElapsed'] as const).reduce((a, k) => (m[k] < m[a] ? k : a), 'previous' as 'previous' | 'mean' | 'rateElapsed');
  const targetPct = 15;
  const improvementPct = 100 * (1 - m.forecast / m[best]);
  const times = test.map((e) => e.time).sort();
  const report: EdinburghReport = {
    format: 'binroute-bench-forecast-edinburgh/1',
    suite: 'forecast-edinburgh',
    startedAt: new Date(started).toISOString(),
    seconds: (now() - started) / 1000,
    data: { file, rows: events.length + skipped.length, events: events.length, skipped, bins: byBin.size },
    split: {
      rule: "per bin, its last ceil(20 % of its events) in time (at most all but the first), each forecast from earlier events only",
      testEvents: test.length,
      testBins: new Set(test.map((e) => e.binId)).size,
      from: times[0],
      to: times[times.length - 1],
    },
    mae: m,
    bestBaseline: { name: best, mae: m[best] },
    improvementPct,
    improvementDayAheadPct: 100 * (1 - m.forecastDayAhead / m[best]),
    targetPct,
    targetMet: improvementPct >= targetPct,
    settings: { ...COLLECTION_FORECAST_DEFAULTS, groupOf: 'the street of the address (house number dropped)' },
    machine,
  };
  return { report, predictions };
}

/**
 * The report as a table: the MAE of each method and its improvement on the best baseline.
 *
 * @example
 * ```ts
 * console.log(formatEdinburghTable(report));
 * ```
 */
export function formatEdinburghTable(r: EdinburghReport): string {
  const best = r.bestBaseline.mae;
  const row = (name: string, mae: number) => [name, fixed(mae, 2), `${fixed(100 * (1 - mae / best), 1)} %`];
  const table = formatTable([
    ['method', 'MAE (points)', 'vs best baseline'],
    row('forecast (all earlier events)', r.mae.forecast),
    row('forecast made 24 h ahead', r.mae.forecastDayAhead),
    null,
    row('baseline: previous value', r.mae.previous),
    row('baseline: mean of earlier values', r.mae.mean),
    row('baseline: mean rate × elapsed time', r.mae.rateElapsed),
  ]);
  return (
    `${table}
${r.split.testEvents} forecast events of ${r.split.testBins} bins (${r.data.events} events, ${r.data.bins} bins), ${r.split.from} … ${r.split.to}
` +
    `target: ≥ ${r.targetPct} % below the best baseline (${r.bestBaseline.name}, ${fixed(best, 2)}): ${r.targetMet ? 'met' : 'NOT met'} (${fixed(r.improvementPct, 1)} %)
`
  );
}

/**
 * Writes `predictions.csv` (`event_id,bin_id,time,predicted,actual`, one row per forecast
 * event), `baselines.csv` (the same events with every method's forecast) and `summary.json`
 * into `dir`; returns their paths.
 *
 * @example
 * ```ts
 * await writeEdinburghOutputs(report, predictions, 'out/forecast');
 * ```
 */
export async function writeEdinburghOutputs(report: EdinburghReport, predictions: readonly EdinburghPrediction[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const r2 = (x: number) => String(Math.round(x * 100) / 100);
  const files = {
    'predictions.csv': `event_id,bin_id,time,predicted,actual\n${predictions.map((p) => [p.eventId, q(p.binId), q(p.time), r2(p.forecast), p.actual].join(',')).join('\n')}\n`,
    'baselines.csv': `event_id,bin_id,time,actual,forecast,forecast_24h_ahead,previous,mean,rate_elapsed\n${predictions
      .map((p) => [p.eventId, q(p.binId), q(p.time), p.actual, r2(p.forecast), r2(p.forecastDayAhead), r2(p.previous), r2(p.mean), r2(p.rateElapsed)].join(','))
      .join('\n')}\n`,
    'summary.json': `${JSON.stringify(report, null, 1)}\n`,
  };
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, text);
    paths.push(path);
  }
  return paths;
}
