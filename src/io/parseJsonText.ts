import { InputError } from '../errors.js';

/**
 * Parses JSON text the way every binroute reader does: a leading UTF-8 byte order mark is
 * skipped, and text that is not JSON (truncated, junk, not a string) is an `E0005` (`E0006`)
 * {@link InputError} naming the file and, when the engine says so, the position.
 *
 * @example
 * ```ts
 * parseJsonText('\uFEFF{"jobs": []}', 'day.json'); // { jobs: [] }
 * parseJsonText('{"jobs": [', 'day.json');          // throws E0005 "day.json: not valid JSON (…)"
 * ```
 */
export function parseJsonText(text: string, file?: string): unknown {
  if (typeof text !== 'string') throw new InputError(`expected JSON text, got ${typeof text}`, { code: 'E0006', file, value: typeof text });
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = (e as Error).message;
    throw new InputError(`not valid JSON (${why.length > 120 ? `${why.slice(0, 117)}...` : why})`, { code: 'E0005', file });
  }
}
