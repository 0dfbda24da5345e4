import { InputError } from '../errors.js';

/**
 * An option that must be a finite number > 0; an {@link InputError} naming it otherwise.
 *
 * @example
 * ```ts
 * positiveOption(options.cycleDays ?? 2, 'cycleDays'); // 2
 * positiveOption(0, 'cycleDays'); // throws "cycleDays: expected a positive number, got 0"
 * ```
 */
export function positiveOption(x: number, name: string): number {
  if (!(Number.isFinite(x) && x > 0)) throw new InputError(`${name}: expected a positive number, got ${x}`, { code: 'E6004', field: name });
  return x;
}

/**
 * An option that must be a finite number ≥ 0; an {@link InputError} naming it otherwise.
 *
 * @example
 * ```ts
 * nonNegativeOption(0, 'maxCarryDays'); // 0
 * ```
 */
export function nonNegativeOption(x: number, name: string): number {
  if (!(Number.isFinite(x) && x >= 0)) throw new InputError(`${name}: expected a number ≥ 0, got ${x}`, { code: 'E6004', field: name });
  return x;
}
