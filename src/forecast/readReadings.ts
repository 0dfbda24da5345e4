import { InputError, MAX_REPORTED_PROBLEMS } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { parseJsonText } from '../io/parseJsonText.js';
import { checkJsonDepth } from '../common/checkJsonDepth.js';
import { parseCsvRecords } from '../io/parseCsv.js';
import { parseRealStrict, quote } from '../io/tokens.js';
import { parseTimestamp } from './timestamps.js';

/** A reading as the caller gives it: the simulator's `FillReading`, or the same with a `Date` or epoch ms. */
export interface ReadingInput {
  binId: string;
  /** ISO 8601 text (with its UTC offset, or naive local time), a `Date`, or ms since the epoch. */
  time: string | number | Date;
  fillPercent: number;
}

/** A reading that passed the checks. */
export interface Reading {
  binId: string;
  /** Milliseconds since the epoch. */
  t: number;
  fillPercent: number;
  /** Where it came from: the CSV line (1-based, header = 1) or the 0-based index in the list. */
  row: number;
}

/** What can be wrong with a reading. */
export type ReadingProblemKind =
  | 'bad_row'
  | 'unknown_bin'
  | 'time_unparsable'
  | 'fill_not_a_number'
  | 'fill_out_of_range'
  | 'time_out_of_order'
  | 'duplicate';

/** The stable code of each {@link ReadingProblemKind} (docs/errors.md). */
export const READING_PROBLEM_CODES: Record<ReadingProblemKind, ErrorCode> = {
  bad_row: 'E5001',
  unknown_bin: 'E5002',
  time_unparsable: 'E5003',
  fill_not_a_number: 'E5004',
  fill_out_of_range: 'E5005',
  time_out_of_order: 'E5006',
  duplicate: 'E5007',
};

/** A reading left out, and why. */
export interface ReadingProblem {
  /** The CSV line (1-based, header = 1), or the 0-based index in the list or JSON `readings` array. */
  row: number;
  kind: ReadingProblemKind;
  /** The stable code of `kind` (`E5001`…). */
  code: ErrorCode;
  /** One line naming the row and the field, e.g. `line 17: fill_percent 151.2 is above 150`. */
  message: string;
}

/** Readings after the checks: the usable ones (in input order) and the problems. */
export interface CheckedReadings {
  readings: Reading[];
  problems: ReadingProblem[];
  /** Rows looked at (usable + left out). */
  total: number;
  /** The UTC offset most readings were written with, in minutes (the local clock for day-of-week and hour-of-day effects), when any had one. */
  utcOffsetMinutes?: number;
}

/** Options of {@link checkReadings} and {@link readReadings}. */
export interface CheckReadingsOptions {
  /** The bins that exist; a reading of another bin is `unknown_bin`. Without it every id is accepted. */
  binIds?: Iterable<string>;
  /** Offset (minutes east of UTC) of timestamps written without one. Default 0. */
  naiveOffsetMinutes?: number;
  /** Highest plausible fill, %. Default 150 (an overfull bin can read above 100). */
  maxFillPercent?: number;
  /** The file name, for error messages. */
  file?: string;
}

/** A row before the checks: its fields as found, and how to name it. */
interface RawRow {
  row: number;
  where: string;
  binId: unknown;
  time: unknown;
  fill: unknown;
}

/**
 * The checks every reading goes through, whatever its source. A row is left out, with a
 * problem naming it, when its bin id is empty or unknown, its time cannot be read, its fill is
 * not a number or lies outside 0 … `maxFillPercent`, it repeats the time of an earlier reading
 * of its bin (duplicate), or it breaks the time order of its bin's readings (out of order: of
 * a bin's readings, the longest run in file order whose times increase is kept, so one stray
 * timestamp costs one row, not the rest of the file). Everything else is kept.
 */
function checkRows(rows: RawRow[], options: CheckReadingsOptions, names: { bin: string; time: string; fill: string }): CheckedReadings {
  const known = options.binIds ? new Set(options.binIds) : undefined;
  const maxFill = options.maxFillPercent ?? 150;
  const naive = options.naiveOffsetMinutes ?? 0;
  const readings: Reading[] = [];
  const problems: ReadingProblem[] = [];
  const candidates: Candidate[] = [];
  const offsets = new Map<number, number>();
  const bad = (r: RawRow, kind: ReadingProblemKind, what: string) => problems.push({ row: r.row, kind, code: READING_PROBLEM_CODES[kind], message: `${r.where}: ${what}` });
  for (const r of rows) {
    if (typeof r.binId !== 'string' || r.binId.trim() === '') {
      bad(r, 'bad_row', `${names.bin} is missing`);
      continue;
    }
    const binId = r.binId.trim();
    if (known && !known.has(binId)) {
      bad(r, 'unknown_bin', `${names.bin} ${quote(binId)} is not a known bin`);
      continue;
    }
    let t = Number.NaN;
    if (typeof r.time === 'string') {
      const p = parseTimestamp(r.time, naive);
      if (p) {
        t = p.ms;
        if (p.offsetMinutes !== undefined) offsets.set(p.offsetMinutes, (offsets.get(p.offsetMinutes) ?? 0) + 1);
      }
    } else if (typeof r.time === 'number' && Number.isFinite(r.time)) t = r.time;
    else if (r.time instanceof Date) t = r.time.getTime();
    if (!Number.isFinite(t)) {
      bad(r, 'time_unparsable', `${names.time} ${quote(String(r.time))} is not an ISO 8601 date-time`);
      continue;
    }
    const fill = typeof r.fill === 'number' ? r.fill : typeof r.fill === 'string' ? (parseRealStrict(r.fill.trim()) ?? Number.NaN) : Number.NaN;
    if (!Number.isFinite(fill)) {
      bad(r, 'fill_not_a_number', `${names.fill} ${quote(String(r.fill))} is not a number`);
      continue;
    }
    if (fill < 0 || fill > maxFill) {
      bad(r, 'fill_out_of_range', `${names.fill} ${fill} is ${fill < 0 ? 'below 0' : `above ${maxFill}`}`);
      continue;
    }
    candidates.push({ binId, t, fillPercent: fill, row: r.row, raw: r });
  }
  // per bin: a second reading at the same time is a duplicate; of the rest, the longest run in
  // time order (longest increasing subsequence, file order) is kept and the others are out of order
  const byBin = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byBin.get(c.binId);
    if (list) list.push(c);
    else byBin.set(c.binId, [c]);
  }
  const keep = new Set<Candidate>();
  for (const list of byBin.values()) {
    const firstAt = new Map<number, Candidate>();
    const distinct: Candidate[] = [];
    for (const c of list) {
      const first = firstAt.get(c.t);
      if (first) bad(c.raw, 'duplicate', `a second reading of ${c.binId} at ${String(c.raw.time)} (first: ${first.raw.where})`);
      else {
        firstAt.set(c.t, c);
        distinct.push(c);
      }
    }
    const inOrder = longestIncreasing(distinct);
    for (const c of inOrder) keep.add(c);
    if (inOrder.length < distinct.length) {
      for (let i = 0, k = 0; i < distinct.length; i++) {
        const c = distinct[i];
        if (inOrder[k] === c) {
          k++;
          continue;
        }
        const before = k > 0 ? inOrder[k - 1] : undefined;
        const after = inOrder[k];
        const why = before && before.t > c.t ? `earlier than ${before.raw.where}` : after && after.t < c.t ? `later than ${after.raw.where}, which follows it` : 'against the readings around it';
        bad(c.raw, 'time_out_of_order', `${names.time} ${String(c.raw.time)} of ${c.binId} is out of order (${why})`);
      }
    }
  }
  for (const c of candidates) if (keep.has(c)) readings.push({ binId: c.binId, t: c.t, fillPercent: c.fillPercent, row: c.row });
  problems.sort((a, b) => a.row - b.row);
  const out: CheckedReadings = { readings, problems, total: rows.length };
  let best = -1;
  for (const [off, n] of offsets) {
    if (n > best) {
      best = n;
      out.utcOffsetMinutes = off;
    }
  }
  return out;
}

interface Candidate extends Reading {
  raw: RawRow;
}

/** The longest subsequence of `list` (in its order) whose times strictly increase (patience sorting, O(n log n)). */
function longestIncreasing(list: Candidate[]): Candidate[] {
  const tails: number[] = []; // index into list of the smallest tail of each length
  const parent = new Array<number>(list.length).fill(-1);
  for (let i = 0; i < list.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[tails[mid]].t < list[i].t) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: Candidate[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = parent[i]) out.push(list[i]);
  return out.reverse();
}

/** Throws when rows were given and none is usable: one line, with the first problem. */
function requireSome(c: CheckedReadings, file: string | undefined): CheckedReadings {
  if (c.readings.length === 0) {
    const first = c.problems[0] ? ` (first: ${c.problems[0].message})` : '';
    const head = new InputError(`no usable reading in ${c.total} row${c.total === 1 ? '' : 's'}${first}`, { code: 'E5010', file, field: 'readings', value: c.total });
    // the rows' own problems follow, one line each (up to the cap)
    const rows = c.problems.slice(0, MAX_REPORTED_PROBLEMS - 1).map((p) => new InputError(p.message, { code: p.code, file, field: `row ${p.row}` }));
    throw InputError.combine([head, ...rows], Math.max(0, c.problems.length - rows.length));
  }
  return c;
}

/**
 * Checks readings given as objects (e.g. `simulateReadings(...).readings`): see
 * {@link readReadings} for the rules. Rows are named by their index. Throws an
 * {@link InputError} only when readings were given and none is usable; an empty list is fine
 * (every bin then gets a fallback forecast).
 *
 * @example
 * ```ts
 * const { readings, problems } = checkReadings(sim.readings, { binIds: scenario.bins.map((b) => b.id) });
 * problems[0]?.message; // e.g. 'readings[17]: fillPercent -3 is below 0'
 * ```
 */
export function checkReadings(list: readonly ReadingInput[], options: CheckReadingsOptions = {}): CheckedReadings {
  if (!Array.isArray(list)) throw new InputError('readings: expected an array of {binId, time, fillPercent}', { code: 'E5011', file: options.file, field: 'readings' });
  const rows: RawRow[] = list.map((r, i) => ({
    row: i,
    where: `readings[${i}]`,
    binId: r?.binId,
    time: r?.time,
    fill: r?.fillPercent,
  }));
  const c = checkRows(rows, options, { bin: 'binId', time: 'time', fill: 'fillPercent' });
  return rows.length > 0 ? requireSome(c, options.file) : c;
}

const CSV_COLUMNS = {
  bin: ['bin_id', 'binid', 'bin'],
  time: ['timestamp', 'time'],
  fill: ['fill_percent', 'fillpercent', 'fill'],
};

/**
 * Reads sensor readings from text: the CSV of `binroute simulate` (`bin_id,timestamp,fill_percent`;
 * columns found by name, in any order, others ignored) or its JSON (`simulation.json`, format
 * `binroute-readings/1`, or any object with a `readings` array, or a bare array of
 * `{binId, time, fillPercent}`). Bad rows are left out and reported with their row (CSV: the
 * line number, header = 1; JSON: the index in `readings`): an empty or unknown bin id, an
 * unreadable timestamp, a fill that is not a number or outside 0–150 %, a timestamp earlier
 * than the bin's readings around it (out of order), or a second reading of a bin at the same
 * time (duplicate). Throws an
 * {@link InputError} (one line) when the text is not such a file or no row is usable.
 *
 * @example
 * ```ts
 * const { readings, problems } = readReadings(readFileSync('readings.csv', 'utf8'), { file: 'readings.csv' });
 * for (const p of problems) console.warn(p.message); // e.g. 'line 17: fill_percent 151.2 is above 150'
 * ```
 */
export function readReadings(text: string, options: CheckReadingsOptions = {}): CheckedReadings {
  const file = options.file;
  if (typeof text !== 'string') throw new InputError('readReadings: text must be a string', { code: 'E0006', file, value: typeof text });
  const body = text.replace(/^\uFEFF/, '');
  const head = body.trimStart()[0];
  if (head === '{' || head === '[') {
    const json = parseJsonText(body, file);
    checkJsonDepth(json, 'readings');
    const list = Array.isArray(json) ? json : (json as { readings?: unknown } | null)?.readings;
    if (!Array.isArray(list)) throw new InputError('expected a JSON array of readings or an object with a "readings" array', { code: 'E5011', file, field: 'readings' });
    const rows: RawRow[] = list.map((r: unknown, i) => {
      const o = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
      return { row: i, where: `readings[${i}]`, binId: o.binId, time: o.time, fill: o.fillPercent };
    });
    return requireSome(checkRows(rows, options, { bin: 'binId', time: 'time', fill: 'fillPercent' }), file);
  }
  const records = parseCsvRecords(body);
  if (records.length === 0) throw new InputError('empty file: expected a CSV with columns bin_id,timestamp,fill_percent', { code: 'E5011', file });
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const [cb, ct, cf] = [col(CSV_COLUMNS.bin), col(CSV_COLUMNS.time), col(CSV_COLUMNS.fill)];
  if (cb < 0 || ct < 0 || cf < 0) {
    throw new InputError(`line ${records[0].line}: the header must name the columns bin_id, timestamp and fill_percent (got ${quote(records[0].fields.join(','), 60)})`, { code: 'E5011', file });
  }
  const width = header.length;
  const rows: RawRow[] = [];
  const shortRows: ReadingProblem[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.length !== width) {
      shortRows.push({ row: r.line, kind: 'bad_row', code: 'E5001', message: `line ${r.line}: expected ${width} fields, got ${r.fields.length}` });
      continue;
    }
    rows.push({ row: r.line, where: `line ${r.line}`, binId: r.fields[cb], time: r.fields[ct].trim(), fill: r.fields[cf] });
  }
  const c = checkRows(rows, options, { bin: 'bin_id', time: 'timestamp', fill: 'fill_percent' });
  c.total += shortRows.length;
  c.problems = [...shortRows, ...c.problems].sort((a, b) => a.row - b.row);
  return requireSome(c, file);
}
