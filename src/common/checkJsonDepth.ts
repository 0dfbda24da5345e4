import { InputError } from '../errors.js';

/** Deepest nesting of arrays and objects the JSON readers accept (a VROOM problem needs 5). */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a parsed JSON value nested deeper than {@link MAX_JSON_DEPTH} with an `E0004`
 * {@link InputError}, before any recursive code (formatting an error message, copying) can
 * run out of stack on it. Iterative: a value a million levels deep is fine to check.
 *
 * @example
 * ```ts
 * checkJsonDepth({ jobs: [{ id: 1 }] }, 'input'); // ok
 * checkJsonDepth(JSON.parse('['.repeat(100) + ']'.repeat(100)), 'input'); // throws E0004
 * ```
 */
export function checkJsonDepth(value: unknown, path: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) {
      throw new InputError(`${path}: nested more than ${maxDepth} levels deep`, { code: 'E0004', field: path, value: depth });
    }
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push([x, depth + 1]);
    } else {
      for (const x of Object.values(v as object)) if (x !== null && typeof x === 'object') stack.push([x, depth + 1]);
    }
  }
}
