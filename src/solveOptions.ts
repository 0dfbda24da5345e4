import type { SolveOptions } from './types.js';
import { InputError } from './errors.js';

/**
 * Validates {@link SolveOptions}; every problem is an {@link InputError} naming the option.
 *
 * @example
 * ```ts
 * checkSolveOptions({ seed: 1, maxIterations: 1000 }); // ok
 * checkSolveOptions({ seed: -1 }); // throws InputError "options.seed: …"
 * ```
 */
export function checkSolveOptions(options: SolveOptions): void {
  if (options === null || typeof options !== 'object') throw new InputError('options: must be an object');
  const { seed, maxIterations, timeLimitMs, onProgress, signal, localSearch } = options;
  if (localSearch !== undefined && typeof localSearch !== 'boolean') {
    throw new InputError(`options.localSearch: must be true or false, got ${String(localSearch)}`, undefined, 'localSearch');
  }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new InputError(`options.seed: must be an integer in [0, 2^32), got ${String(seed)}`, undefined, 'seed');
  }
  if (maxIterations !== undefined && (!Number.isInteger(maxIterations) || maxIterations < 0)) {
    throw new InputError(`options.maxIterations: must be a non-negative integer, got ${String(maxIterations)}`, undefined, 'maxIterations');
  }
  if (timeLimitMs !== undefined && (typeof timeLimitMs !== 'number' || !(timeLimitMs >= 0) || !Number.isFinite(timeLimitMs))) {
    throw new InputError(`options.timeLimitMs: must be a finite number ≥ 0, got ${String(timeLimitMs)}`, undefined, 'timeLimitMs');
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InputError('options.onProgress: must be a function', undefined, 'onProgress');
  }
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) {
    throw new InputError('options.signal: must be an AbortSignal', undefined, 'signal');
  }
}
