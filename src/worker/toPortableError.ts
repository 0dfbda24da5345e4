import { InputError, InternalError } from '../errors.js';

/** An error as it crosses the worker boundary: enough to rebuild an {@link InputError}. */
export interface PortableError {
  name: string;
  message: string;
  field?: string;
  file?: string;
  stack?: string;
}

/**
 * An error thrown in a worker, as plain data that crosses `postMessage` (class, field, file).
 *
 * @example
 * ```ts
 * toPortableError(new InputError('options.seed: bad', undefined, 'seed')); // { name: 'InputError', field: 'seed', … }
 * ```
 */
export function toPortableError(e: unknown): PortableError {
  if (e instanceof Error) {
    const x = e as Error & { field?: string; file?: string };
    return { name: e.name, message: e.message, stack: e.stack, ...(x.field !== undefined ? { field: x.field } : {}), ...(x.file !== undefined ? { file: x.file } : {}) };
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
    e = new InputError(p.message, undefined, p.field);
    if (p.file !== undefined) Object.defineProperty(e, 'file', { value: p.file, enumerable: true });
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
