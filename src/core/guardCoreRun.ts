import { InternalError } from '../errors.js';
import type { CoreInput } from './coreInput.js';
import { fingerprintCoreInput } from './fingerprintCoreInput.js';

/** True for a failure of the WebAssembly core: a trap, a failed self-check (abort), memory that cannot grow. */
function isCoreFailure(e: unknown): e is Error {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  if (!(e instanceof Error) || e instanceof InternalError) return false;
  return e.message.startsWith('binroute core abort') || e.message.startsWith('binroute internal error') || (e instanceof RangeError && /memory/i.test(e.message));
}

/**
 * Runs the core-side part of a solve (write, run, read, explain) and turns a failure of the
 * core — a WebAssembly trap (`unreachable`, out-of-bounds access, out of memory), an abort of
 * a self-check — into an {@link InternalError} carrying the input's fingerprint. Nothing has
 * to be reset afterwards: every solve instantiates its own core (`instantiateCore`), so the
 * trapped instance is dropped and the next call gets a fresh one. Errors that are not the
 * core's (an `onProgress` callback that throws, an input error) pass through unchanged.
 *
 * @example
 * ```ts
 * const run = await guardCoreRun(input, () => runCore(input, budget));
 * ```
 */
export async function guardCoreRun<T>(input: CoreInput, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InternalError && e.fingerprint === undefined) {
      // a broken invariant found while decoding: name the input it happened on
      throw new InternalError(e.message.replace(/^binroute internal error \(please report it\): /, ''), { fingerprint: fingerprintCoreInput(input), cause: e });
    }
    if (!isCoreFailure(e)) throw e;
    throw new InternalError(`the WebAssembly core failed: ${e.message}`, { fingerprint: fingerprintCoreInput(input), cause: e });
  }
}
