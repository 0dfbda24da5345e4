import { InputError, InternalError, type InputProblem } from '../errors.js';
import type { ErrorCode } from '../errorCodes.js';

/** An error as it crosses the worker boundary: enough to rebuild an {@link InputError}. */
export interface PortableError {
  name: string;
  message: string;
  field?: string;
  file?: string;
  /** An {@link InputError}'s stable code and its problems (plain data). */
  code?: string;
  problems?: InputProblem[];
  more?: number;
  stack?: string;
}

/**
 * An error thrown in a worker, as plain data that crosses `postMessage` (class, field, file).
 *
 * @example
 * ```ts
 * toPortableError(new InputError('options.seed: bad', { code: 'E6001', field: 'seed' })); // { name: 'InputError', code: 'E6001', field: 'seed', … }
 * ```
 */
export function toPortableError(e: unknown): PortableError {
  if (e instanceof Error) {
    const x = e as Error & { field?: string; file?: string };
    const coded = e instanceof InputError ? { code: e.code, problems: JSON.parse(JSON.stringify(e.problems)) as InputProblem[], more: e.more } : {};
    return { name: e.name, message: e.message, stack: e.stack, ...(x.field !== undefined ? { field: x.field } : {}), ...(x.file !== undefined ? { file: x.file } : {}), ...coded };
  }
  return { name: 'Error', message: String(e) };
}


/**
 * Rebuilds the error a worker threw: an {@link InputError} (with its field and file) or an
 * {@link InternalError} stays one, so `instanceof` works as on the main thread.
 *
 * @example
 * ```ts
 * const e = fromPortableError({ name: 'InputError', message: 'options.seed: bad', field: 'seed' });
 * e instanceof InputError; // true
 * ```
 */
export function fromPortableError(p: PortableError): Error {
  let e: Error;
  if (p.name === 'InputError') {
    e = new InputError(p.message, { code: (p.code ?? 'E0009') as ErrorCode, field: p.field });
    if (p.file !== undefined) Object.defineProperty(e, 'file', { value: p.file, enumerable: true });
    if (p.problems) Object.defineProperty(e, 'problems', { value: p.problems, enumerable: true });
    if (p.more !== undefined) Object.defineProperty(e, 'more', { value: p.more, enumerable: true });
  } else if (p.name === 'InternalError') {
    e = new InternalError('');
    e.message = p.message;
  } else {
    e = new Error(p.message);
    e.name = p.name;
  }
  if (p.stack) e.stack = p.stack;
  return e;
}
