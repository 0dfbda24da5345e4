import { InputError } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';
import { findBinary, parseIntStrict, parseRealStrict, quote, splitLines, tokenize } from './tokens.js';

/** Routes (and cost, when the file states it) read from a CVRPLIB `.sol` file. */
export interface SolFile {
  /** Customer indices 1..n-1 per route, in visit order; the depot is implicit at both ends. */
  routes: number[][];
  /** The `Cost` line, when present. */
  cost?: number;
}

const ROUTE_RE = /^Route\s*#\s*(\S*?)\s*:(.*)$/i;

/**
 * Parses a CVRPLIB `.sol` file: `Route #k: c1 c2 …` lines (customers numbered 1..n-1, the
 * depot implicit at both ends of each route), an optional `Cost N` line and an optional
 * `Time T` line (ignored). Blank lines are skipped; anything else throws an
 * {@link InputError} naming the file and line. It does not check feasibility.
 *
 * @param text - the file's contents
 * @param fileName - used in error messages
 * @example
 * ```ts
 * const sol = parseSol('Route #1: 1 3\nRoute #2: 2\nCost 42\n');
 * // sol = { routes: [[1, 3], [2]], cost: 42 }
 * ```
 */
export function parseSol(text: string, fileName?: string): SolFile {
  if (typeof text !== 'string') throw new InputError('parseSol: text must be a string', { code: 'E0006', file: fileName });
  const binary = findBinary(text);
  if (binary) throw new InputError(`line ${binary.line}: not a text .sol file (binary data?)`, { code: 'E0003', file: fileName });
  const fail: (line: number, msg: string, code?: ErrorCode) => never = (line, msg, code = 'E2001') => {
    throw new InputError(`line ${line + 1}: ${msg}`, { code, file: fileName });
  };
  const lines = splitLines(text);
  const routes: number[][] = [];
  let cost: number | undefined;
  let costLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    const m = ROUTE_RE.exec(t);
    if (m) {
      const k = parseIntStrict(m[1]);
      if (k === undefined) fail(i, `route number must be an integer, got ${quote(m[1])}`, 'E2004');
      const route: number[] = [];
      for (const tok of tokenize(m[2])) {
        const c = parseIntStrict(tok);
        if (c === undefined) fail(i, `Route #${k}: customer must be an integer, got ${quote(tok)}`, 'E2004');
        if (c < 1) fail(i, `Route #${k}: customer ${c} is not in 1..n-1 (the depot 0 is implicit)`, 'E2007');
        route.push(c);
      }
      routes.push(route);
      continue;
    }
    const tokens = tokenize(t);
    const word = tokens[0].toLowerCase();
    if ((word === 'cost' || word === 'time') && tokens.length === 2) {
      const v = parseRealStrict(tokens[1]);
      if (v === undefined) fail(i, `${tokens[0]}: expected a number, got ${quote(tokens[1])}`, 'E2004');
      if (word === 'cost') {
        if (costLine >= 0) fail(i, `Cost given twice (lines ${costLine + 1} and ${i + 1})`, 'E2002');
        cost = v;
        costLine = i;
      }
      continue;
    }
    fail(i, `expected "Route #k: c1 c2 …" or "Cost N", got ${quote(t)}`);
  }
  if (routes.length === 0 && cost === undefined) throw new InputError('no routes found: not a CVRPLIB .sol file', { code: 'E2003', file: fileName });
  const sol: SolFile = { routes };
  if (cost !== undefined) sol.cost = cost;
  return sol;
}

/**
 * Formats a solution as a CVRPLIB `.sol` file: one `Route #k: c1 c2 …` line per route
 * (customers are node indices 1..n-1, exactly as in `Solution.routes`), then `Cost N`
 * and a trailing newline. Nothing else (no timing), so equal solutions give equal bytes.
 *
 * @example
 * ```ts
 * writeSol({ routes: [[1, 3], [2]], cost: 42 });
 * // 'Route #1: 1 3\nRoute #2: 2\nCost 42\n'
 * ```
 */
export function writeSol(solution: { routes: ArrayLike<number>[]; cost: number }): string {
  if (solution === null || typeof solution !== 'object' || !Array.isArray(solution.routes)) {
    throw new InputError('writeSol: solution.routes must be an array of routes', { code: 'E2011', field: 'routes' });
  }
  const { routes, cost } = solution;
  if (typeof cost !== 'number' || !Number.isFinite(cost)) {
    throw new InputError(`writeSol: solution.cost must be a finite number, got ${String(cost)}`, { code: 'E2011', field: 'cost' });
  }
  let out = '';
  for (let r = 0; r < routes.length; r++) {
    const route = routes[r];
    if (route === null || typeof route !== 'object' || typeof route.length !== 'number') {
      throw new InputError(`writeSol: routes[${r}] must be an array of customers`, { code: 'E2011', field: 'routes' });
    }
    const ids: string[] = [];
    for (let k = 0; k < route.length; k++) {
      const c = route[k];
      if (!Number.isSafeInteger(c) || c < 1) {
        throw new InputError(`writeSol: routes[${r}][${k}] must be a customer index ≥ 1, got ${String(c)}`, { code: 'E2011', field: 'routes' });
      }
      ids.push(String(c));
    }
    out += ids.length > 0 ? `Route #${r + 1}: ${ids.join(' ')}\n` : `Route #${r + 1}:\n`;
  }
  return `${out}Cost ${String(cost)}\n`;
}
