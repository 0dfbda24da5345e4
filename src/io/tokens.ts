// Small, strict number parsing shared by the CVRPLIB readers. Internal: not re-exported.

const INT_RE = /^[+-]?\d+$/;
const REAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Splits a line on any run of whitespace (tabs, spaces, stray `\r`), dropping empty tokens.
 *
 * @example
 * ```ts
 * tokenize('DIMENSION : \t101\t\r'); // ['DIMENSION', ':', '101']
 * ```
 */
export function tokenize(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/**
 * The integer written in `s`, or `undefined` if `s` is not a plain decimal (safe) integer.
 *
 * @example
 * ```ts
 * parseIntStrict('-12'); // -12
 * parseIntStrict('1e3'); // undefined
 * ```
 */
export function parseIntStrict(s: string): number | undefined {
  if (!INT_RE.test(s)) return undefined;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : undefined;
}

/**
 * The finite real written in `s`, or `undefined` (rejects `NaN`, `Infinity`, hex, `1e999`).
 *
 * @example
 * ```ts
 * parseRealStrict('2.5e1');    // 25
 * parseRealStrict('Infinity'); // undefined
 * ```
 */
export function parseRealStrict(s: string): number | undefined {
  if (!REAL_RE.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Quotes (and shortens) a piece of user input for an error message.
 *
 * @example
 * ```ts
 * quote('abc'); // '"abc"'
 * ```
 */
export function quote(s: string, max = 40): string {
  const shown = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(shown);
}

/**
 * Finds the first control character that has no business in a text file (binary data).
 *
 * @example
 * ```ts
 * findBinary('ok\n\u0000'); // { line: 2, code: 0 }
 * ```
 */
export function findBinary(text: string): { line: number; code: number } | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\x00-\x08\x0e-\x1f\x7f]/.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, code: m[0].charCodeAt(0) };
}

/**
 * Splits a text into lines, accepting LF, CRLF and lone CR line ends.
 *
 * @example
 * ```ts
 * splitLines('a\r\nb\nc'); // ['a', 'b', 'c']
 * ```
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
