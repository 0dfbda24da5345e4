import type { CvrpProblem } from '../types.js';
import { InputError } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { findBinary, parseIntStrict, parseRealStrict, quote, splitLines, tokenize } from './tokens.js';

/** Largest DIMENSION {@link parseVrp} accepts (it allocates an n × n matrix). */
export const MAX_VRP_DIMENSION = 16000;
const MAX_INT = 2 ** 31 - 1;

/** Edge weight types {@link parseVrp} understands. */
export type EdgeWeightType = 'EUC_2D' | 'CEIL_2D' | 'EXPLICIT';

/** Layouts of an `EXPLICIT` `EDGE_WEIGHT_SECTION` that {@link parseVrp} reads. */
export type EdgeWeightFormat =
  | 'FULL_MATRIX'
  | 'LOWER_ROW'
  | 'LOWER_DIAG_ROW'
  | 'UPPER_ROW'
  | 'UPPER_DIAG_ROW'
  | 'LOWER_COL'
  | 'LOWER_DIAG_COL'
  | 'UPPER_COL'
  | 'UPPER_DIAG_COL';

/** A CVRP instance read from a CVRPLIB / TSPLIB `.vrp` file, ready for `solve()`. */
export interface VrpInstance extends CvrpProblem {
  /** `NAME`, or the file name without `.vrp`, or `"unnamed"`. */
  name: string;
  /** `COMMENT` lines, joined with a space. */
  comment?: string;
  /** `DIMENSION`: number of nodes, depot included. */
  dimension: number;
  capacity: number;
  /** Demand per node; index 0 is the depot (node 1 of the file), always 0. */
  demands: Int32Array;
  /** Row-major `dimension × dimension` integer travel costs. */
  distances: Int32Array;
  /** `[x0, y0, x1, y1, …]` from `NODE_COORD_SECTION`, when the file has one. */
  coordinates?: Float64Array;
  edgeWeightType: EdgeWeightType;
  /** `VEHICLES`, when given. Informational only: `solve()` does not limit the fleet. */
  vehicles?: number;
}

interface Span {
  /** Keyword line (0-based). */
  key: number;
  /** Data lines [start, end) (0-based), numeric lines only plus blank lines in between. */
  start: number;
  end: number;
  /** Tokens written after the keyword on its own line. */
  inline: string[];
}

interface Row {
  line: number;
  tokens: string[];
}

const HEADER_KEYS = new Set([
  'NAME',
  'COMMENT',
  'TYPE',
  'DIMENSION',
  'CAPACITY',
  'EDGE_WEIGHT_TYPE',
  'EDGE_WEIGHT_FORMAT',
  'EDGE_DATA_FORMAT',
  'NODE_COORD_TYPE',
  'DISPLAY_DATA_TYPE',
  'VEHICLES',
  'DISTANCE',
  'SERVICE_TIME',
]);

const SECTIONS = new Set([
  'NODE_COORD_SECTION',
  'DEMAND_SECTION',
  'DEPOT_SECTION',
  'EDGE_WEIGHT_SECTION',
  'DISPLAY_DATA_SECTION',
]);

const FORMATS = new Set<string>([
  'FULL_MATRIX',
  'LOWER_ROW',
  'LOWER_DIAG_ROW',
  'UPPER_ROW',
  'UPPER_DIAG_ROW',
  'LOWER_COL',
  'LOWER_DIAG_COL',
  'UPPER_COL',
  'UPPER_DIAG_COL',
]);

const NUMERIC_START = /^[+-]?[\d.]/;

class VrpReader {
  readonly lines: string[];
  readonly header = new Map<string, { value: string; line: number }>();
  readonly sections = new Map<string, Span>();
  comments: string[] = [];

  constructor(
    text: string,
    readonly file: string | undefined,
  ) {
    this.lines = splitLines(text);
  }

  fail(message: string, code: ErrorCode, field?: string, line?: number, value?: unknown): never {
    const where = line !== undefined ? `line ${line + 1}: ` : '';
    throw new InputError(`${where}${field ? `${field}: ` : ''}${message}`, { code, file: this.file, field, value });
  }

  /** First pass: header keys and the line span of each section. */
  scan(): void {
    let open: { name: string; span: Span } | undefined;
    const close = () => {
      if (open) this.sections.set(open.name, open.span);
      open = undefined;
    };
    for (let i = 0; i < this.lines.length; i++) {
      const t = this.lines[i].trim();
      if (t === '') continue;
      if (open && NUMERIC_START.test(t)) {
        open.span.end = i + 1;
        continue;
      }
      close();
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/.exec(t);
      if (!m) {
        this.fail(`unexpected text ${quote(t)} outside any section (expected a KEYWORD : value line)`, 'E2001', undefined, i);
      }
      const key = m[1].toUpperCase();
      let rest = m[2].trim();
      const hadColon = rest.startsWith(':');
      if (hadColon) rest = rest.slice(1).trim();
      if (key === 'EOF') break;
      if (SECTIONS.has(key) || key.endsWith('_SECTION')) {
        const prev = this.sections.get(key);
        if (prev) this.fail(`appears twice (lines ${prev.key + 1} and ${i + 1})`, 'E2002', key, i);
        open = { name: key, span: { key: i, start: i + 1, end: i + 1, inline: tokenize(rest) } };
        continue;
      }
      if (key === 'COMMENT') {
        this.comments.push(rest);
        continue;
      }
      if (HEADER_KEYS.has(key)) {
        const prev = this.header.get(key);
        if (prev) this.fail(`given twice (lines ${prev.line + 1} and ${i + 1})`, 'E2002', key, i);
        this.header.set(key, { value: rest, line: i });
        continue;
      }
      if (!hadColon) {
        this.fail(`unknown keyword ${quote(m[1])} (expected a KEYWORD : value line or a section name)`, 'E2001', undefined, i);
      }
      // An unknown `KEY : value` specification line: ignored, as TSPLIB readers do.
    }
    close();
  }

  *rows(span: Span): Generator<Row> {
    if (span.inline.length > 0) yield { line: span.key, tokens: span.inline };
    for (let i = span.start; i < span.end; i++) {
      const tokens = tokenize(this.lines[i]);
      if (tokens.length > 0) yield { line: i, tokens };
    }
  }

  requireKey(key: string): { value: string; line: number } {
    const h = this.header.get(key);
    if (!h) this.fail(`missing ${key}`, 'E2003', key);
    if (h.value === '') this.fail('has no value', 'E2003', key, h.line);
    return h;
  }

  intKey(key: string, min: number, max: number, what: string): number {
    const h = this.requireKey(key);
    const v = parseIntStrict(h.value);
    if (v === undefined) this.fail(`expected ${what}, got ${quote(h.value)}`, 'E2004', key, h.line);
    if (v < min) this.fail(`must be at least ${min}, got ${v}`, 'E2005', key, h.line);
    if (v > max) this.fail(`${v} exceeds the supported maximum of ${max}`, key === 'DIMENSION' ? 'E7001' : 'E2005', key, h.line, v);
    return v;
  }

  requireSection(name: string, why: string): Span {
    const s = this.sections.get(name);
    if (!s) this.fail(`missing ${name} (${why})`, 'E2003', name);
    return s;
  }

  /** Reads `id value…` rows of a per-node section; checks ids are 1..n, once each. */
  nodeRows(name: string, n: number, width: number, layout: string, each: (node: number, tokens: string[], line: number) => void): void {
    const span = this.requireSection(name, 'required');
    const seen = new Uint8Array(n);
    let count = 0;
    for (const { line, tokens } of this.rows(span)) {
      if (tokens.length !== width) {
        this.fail(`expected ${width} fields "${layout}", got ${tokens.length} (${quote(tokens.join(' '))})`, 'E2006', name, line);
      }
      const id = parseIntStrict(tokens[0]);
      if (id === undefined) this.fail(`node id must be an integer, got ${quote(tokens[0])}`, 'E2004', name, line);
      if (id < 1 || id > n) this.fail(`node id ${id} is outside 1..${n} (DIMENSION is ${n})`, 'E2007', name, line);
      if (seen[id - 1]) this.fail(`node ${id} appears twice`, 'E2007', name, line);
      seen[id - 1] = 1;
      count++;
      each(id - 1, tokens, line);
    }
    if (count !== n) {
      const missing = seen.indexOf(0) + 1;
      this.fail(
        `has ${count} entries but DIMENSION is ${n} (node ${missing} is missing; is the file truncated?)`, 'E2006',
        name,
        span.key,
      );
    }
  }
}

function baseName(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const b = file.split(/[\\/]/).pop() ?? '';
  const stem = b.replace(/\.vrp$/i, '');
  return stem === '' ? undefined : stem;
}

/** Index pairs (i, j) of the k-th value of a triangular or full layout, in file order. */
function* layoutPairs(format: EdgeWeightFormat, n: number): Generator<[number, number]> {
  switch (format) {
    case 'FULL_MATRIX':
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) yield [i, j];
      return;
    case 'LOWER_ROW':
    case 'UPPER_COL':
      for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) yield [i, j];
      return;
    case 'LOWER_DIAG_ROW':
    case 'UPPER_DIAG_COL':
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) yield [i, j];
      return;
    case 'UPPER_ROW':
    case 'LOWER_COL':
      for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) yield [i, j];
      return;
    case 'UPPER_DIAG_ROW':
    case 'LOWER_DIAG_COL':
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) yield [i, j];
      return;
  }
}

function layoutSize(format: EdgeWeightFormat, n: number): number {
  if (format === 'FULL_MATRIX') return n * n;
  if (format.includes('DIAG')) return (n * (n + 1)) / 2;
  return (n * (n - 1)) / 2;
}

/**
 * Parses a CVRPLIB / TSPLIB `.vrp` file (`TYPE : CVRP`) into a problem for `solve()`.
 *
 * Node 1 of the file becomes index 0 (the depot), node `k` becomes index `k − 1`, so
 * customer numbers match CVRPLIB `.sol` files. Supported `EDGE_WEIGHT_TYPE`s: `EUC_2D`
 * (TSPLIB `nint`: `Math.round(Math.hypot(dx, dy))`), `CEIL_2D`, and `EXPLICIT` with any
 * `EDGE_WEIGHT_FORMAT` among `FULL_MATRIX`, `LOWER_ROW`, `LOWER_DIAG_ROW`, `UPPER_ROW`,
 * `UPPER_DIAG_ROW` (and their `_COL` twins). Fields are split on any whitespace; LF, CRLF and
 * CR line ends are accepted. A missing `DEPOT_SECTION` means node 1; any other depot is refused.
 * `DISTANCE` and `SERVICE_TIME` (route-length limits) are refused because `solve()` cannot honour them.
 *
 * Every problem in the text throws an {@link InputError} naming the file, line and section or
 * field, before any large allocation (`DIMENSION` is capped at {@link MAX_VRP_DIMENSION}).
 *
 * @param text - the file's contents
 * @param fileName - used in error messages and as the default name
 * @example
 * ```ts
 * const inst = parseVrp(
 *   'NAME : t\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n' +
 *     'NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nDEMAND_SECTION\n1 0\n2 4\n3 5\n' +
 *     'DEPOT_SECTION\n1\n-1\nEOF\n',
 *   't.vrp',
 * );
 * inst.distances[1]; // 5: depot → customer 1
 * const sol = await solve(inst, { maxIterations: 100, seed: 1 });
 * ```
 */
export function parseVrp(text: string, fileName?: string): VrpInstance {
  if (typeof text !== 'string') throw new InputError('parseVrp: text must be a string', { code: 'E0006', file: fileName, value: typeof text });
  const binary = findBinary(text);
  if (binary) {
    throw new InputError(
      `line ${binary.line}: not a text .vrp file (control character 0x${binary.code.toString(16).padStart(2, '0')}; binary data?)`,
      { code: 'E0003', file: fileName, value: binary.code },
    );
  }
  const r: VrpReader = new VrpReader(text, fileName);
  r.scan();
  if (r.header.size === 0 && r.sections.size === 0) r.fail('empty file: no CVRPLIB keywords found', 'E2003');

  const type = r.header.get('TYPE');
  if (type && type.value.toUpperCase() !== 'CVRP') {
    r.fail(`only CVRP is supported, got ${quote(type.value)}`, 'E2008', 'TYPE', type.line);
  }
  for (const key of ['DISTANCE', 'SERVICE_TIME']) {
    const h = r.header.get(key);
    if (h) r.fail(`route length limits and service times are not supported (${key} : ${h.value})`, 'E2008', key, h.line);
  }
  const n = r.intKey('DIMENSION', 1, MAX_VRP_DIMENSION, 'the number of nodes (an integer)');
  const capacity = r.intKey('CAPACITY', 1, MAX_INT, 'a positive integer');
  const ewt = r.requireKey('EDGE_WEIGHT_TYPE');
  const edgeWeightType = ewt.value.toUpperCase();
  if (edgeWeightType !== 'EUC_2D' && edgeWeightType !== 'CEIL_2D' && edgeWeightType !== 'EXPLICIT') {
    r.fail(`${quote(ewt.value)} is not supported (supported: EUC_2D, CEIL_2D, EXPLICIT)`, 'E2008', 'EDGE_WEIGHT_TYPE', ewt.line);
  }
  let vehicles: number | undefined;
  const veh = r.header.get('VEHICLES');
  if (veh) vehicles = r.intKey('VEHICLES', 1, MAX_INT, 'a positive integer');

  // Coordinates: required for EUC_2D / CEIL_2D, optional for EXPLICIT.
  let coordinates: Float64Array | undefined;
  if (edgeWeightType !== 'EXPLICIT' || r.sections.has('NODE_COORD_SECTION')) {
    if (!r.sections.has('NODE_COORD_SECTION')) {
      r.fail(`missing NODE_COORD_SECTION (required with EDGE_WEIGHT_TYPE ${edgeWeightType})`, 'E2003', 'NODE_COORD_SECTION');
    }
    const xy = new Float64Array(2 * n);
    r.nodeRows('NODE_COORD_SECTION', n, 3, 'id x y', (i, t, line) => {
      for (let c = 0; c < 2; c++) {
        const v = parseRealStrict(t[1 + c]);
        if (v === undefined) {
          r.fail(`${c ? 'y' : 'x'} of node ${i + 1} must be a finite number, got ${quote(t[1 + c])}`, 'E2004', 'NODE_COORD_SECTION', line);
        }
        xy[2 * i + c] = v;
      }
    });
    coordinates = xy;
  }

  const demands = new Int32Array(n);
  r.nodeRows('DEMAND_SECTION', n, 2, 'id demand', (i, t, line) => {
    const q = parseIntStrict(t[1]);
    if (q === undefined) r.fail(`demand of node ${i + 1} must be an integer, got ${quote(t[1])}`, 'E2004', 'DEMAND_SECTION', line);
    if (q < 0) r.fail(`demand of node ${i + 1} is negative (${q})`, 'E2005', 'DEMAND_SECTION', line);
    if (q > capacity) {
      r.fail(`demand of node ${i + 1} (${q}) exceeds CAPACITY ${capacity}: no vehicle can serve it`, 'E2009', 'DEMAND_SECTION', line);
    }
    demands[i] = q;
  });

  const depotSpan = r.sections.get('DEPOT_SECTION');
  if (depotSpan) {
    const depots: { id: number; line: number }[] = [];
    let terminated = false;
    for (const { line, tokens } of r.rows(depotSpan)) {
      for (const tok of tokens) {
        if (terminated) r.fail(`unexpected ${quote(tok)} after the terminating -1`, 'E2001', 'DEPOT_SECTION', line);
        const id = parseIntStrict(tok);
        if (id === undefined) r.fail(`depot id must be an integer, got ${quote(tok)}`, 'E2004', 'DEPOT_SECTION', line);
        if (id === -1) {
          terminated = true;
          continue;
        }
        if (id < 1 || id > n) r.fail(`depot id ${id} is outside 1..${n}`, 'E2007', 'DEPOT_SECTION', line);
        depots.push({ id, line });
      }
    }
    if (depots.length === 0) r.fail('names no depot', 'E2003', 'DEPOT_SECTION', depotSpan.key);
    if (depots.length > 1) {
      r.fail(`names ${depots.length} depots (${depots.map((d) => d.id).join(', ')}); exactly one is supported`, 'E2008', 'DEPOT_SECTION', depots[1].line);
    }
    if (depots[0].id !== 1) {
      r.fail(`only node 1 as depot is supported, got node ${depots[0].id}`, 'E2010', 'DEPOT_SECTION', depots[0].line);
    }
  }
  if (demands[0] !== 0) {
    r.fail(`the depot (node 1) must have demand 0, got ${demands[0]}`, 'E2010', 'DEMAND_SECTION', r.sections.get('DEMAND_SECTION')!.key);
  }

  const distances = new Int32Array(n * n);
  if (edgeWeightType === 'EXPLICIT') {
    const fmtKey = r.requireKey('EDGE_WEIGHT_FORMAT');
    const format = fmtKey.value.toUpperCase();
    if (!FORMATS.has(format)) {
      r.fail(`${quote(fmtKey.value)} is not supported (supported: ${[...FORMATS].join(', ')})`, 'E2008', 'EDGE_WEIGHT_FORMAT', fmtKey.line);
    }
    const fmt = format as EdgeWeightFormat;
    const span = r.requireSection('EDGE_WEIGHT_SECTION', 'required with EDGE_WEIGHT_TYPE EXPLICIT');
    const expected = layoutSize(fmt, n);
    const pairs = layoutPairs(fmt, n);
    let count = 0;
    for (const { line, tokens } of r.rows(span)) {
      for (const tok of tokens) {
        const v = parseIntStrict(tok);
        if (v === undefined) r.fail(`weights must be integers, got ${quote(tok)}`, 'E2004', 'EDGE_WEIGHT_SECTION', line);
        if (v < 0 || v > MAX_INT) r.fail(`weight ${v} is outside 0..${MAX_INT}`, 'E2005', 'EDGE_WEIGHT_SECTION', line);
        const next = pairs.next();
        if (next.done) {
          r.fail(`more than the ${expected} values ${fmt} needs for DIMENSION ${n}`, 'E2006', 'EDGE_WEIGHT_SECTION', line);
        }
        const [i, j] = next.value;
        distances[i * n + j] = v;
        if (fmt !== 'FULL_MATRIX') distances[j * n + i] = v;
        count++;
      }
    }
    if (count !== expected) {
      r.fail(`has ${count} values but ${fmt} needs ${expected} for DIMENSION ${n} (is the file truncated?)`, 'E2006', 'EDGE_WEIGHT_SECTION', span.key);
    }
  } else {
    const xy = coordinates!;
    const ceil = edgeWeightType === 'CEIL_2D';
    for (let i = 0; i < n; i++) {
      const xi = xy[2 * i];
      const yi = xy[2 * i + 1];
      for (let j = i + 1; j < n; j++) {
        const e = Math.hypot(xi - xy[2 * j], yi - xy[2 * j + 1]);
        const v = ceil ? Math.ceil(e) : Math.round(e);
        if (!(v <= MAX_INT)) {
          r.fail(`distance between nodes ${i + 1} and ${j + 1} (${v}) does not fit a 32-bit integer`, 'E7006', 'NODE_COORD_SECTION');
        }
        distances[i * n + j] = v;
        distances[j * n + i] = v;
      }
    }
  }

  const nameKey = r.header.get('NAME');
  const name = (nameKey && nameKey.value) || baseName(fileName) || 'unnamed';
  const inst: VrpInstance = {
    name,
    dimension: n,
    capacity,
    demands,
    distances,
    edgeWeightType: edgeWeightType as EdgeWeightType,
  };
  if (coordinates) inst.coordinates = coordinates;
  if (r.comments.length > 0) inst.comment = r.comments.join(' ');
  if (vehicles !== undefined) inst.vehicles = vehicles;
  return inst;
}
