import { InputError } from '../errors.js';
import type { RoutingProblem } from '../model/RoutingProblem.js';
import { fromVroom } from './fromVroom.js';

/** Result of {@link parseVroomProblem}: the problem, or VROOM's input-error answer. */
export type ParsedVroomProblem = { ok: true; problem: RoutingProblem } | { ok: false; code: 2; error: string; inputError: InputError };

/**
 * {@link fromVroom} without exceptions: an input error becomes VROOM's `{code: 2, error}`
 * answer (`inputError` keeps the coded error, with every problem found). Any other exception
 * is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const r = parseVroomProblem({ vehicles: [] });
 * if (!r.ok) console.log(JSON.stringify({ code: r.code, error: r.error })); // {"code":2,"error":"vehicles: no vehicles"}
 * ```
 */
export function parseVroomProblem(json: unknown): ParsedVroomProblem {
  try {
    return { ok: true, problem: fromVroom(json) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, code: 2, error: e.message, inputError: e };
    throw e;
  }
}
