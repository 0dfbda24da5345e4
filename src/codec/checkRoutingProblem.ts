import type { RoutingProblem } from '../model/RoutingProblem.js';
import { InputError } from '../errors.js';

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * Checks the shape of a {@link RoutingProblem} built by hand (fromVroom's output always passes):
 * sizes, matrices of M×M entries, and the arrays every job, vehicle and facility must have. The
 * first problem found is an {@link InputError} naming the field; raw VROOM JSON gets a hint.
 *
 * @example
 * ```ts
 * checkRoutingProblem(fromVroom(json)); // ok
 * checkRoutingProblem({ jobs: [], vehicles: [] } as never); // throws InputError "problem.dims: …"
 * ```
 */
export function checkRoutingProblem(problem: RoutingProblem): void {
  if (!isObject(problem)) throw new InputError('problem: must be an object (a RoutingProblem, or VROOM JSON read with fromVroom)', { code: 'E1015' });
  const p = problem as unknown as Record<string, unknown>;
  if (!isCount(p.dims)) throw new InputError(`problem.dims: must be a non-negative integer, got ${String(p.dims)} (for VROOM JSON, call fromVroom(json) first)`, { code: 'E1015', field: 'dims' });
  if (!isCount(p.size)) throw new InputError(`problem.size: must be a non-negative integer, got ${String(p.size)}`, { code: 'E1015', field: 'size' });
  for (const key of ['matrices', 'jobs', 'vehicles', 'facilities'] as const) {
    if (!Array.isArray(p[key])) throw new InputError(`problem.${key}: must be an array`, { code: 'E1015', field: key });
  }
  const cells = problem.size * problem.size;
  const geo = problem.matrices.filter((m) => isObject(m) && m.geo !== undefined).length;
  if (geo > 0 && geo < problem.matrices.length) {
    throw new InputError('problem.matrices: either every profile has computed arcs (geo) or none has', { code: 'E1015', field: 'matrices' });
  }
  problem.matrices.forEach((m, i) => {
    if (geo > 0) {
      const g = m.geo!;
      if (!(g.points instanceof Float64Array) || g.points.length !== 3 * problem.size) {
        throw new InputError(`problem.matrices[${i}].geo.points: must be a Float64Array of 3 × size = ${3 * problem.size} entries`, { code: 'E1015', field: `matrices[${i}].geo.points` });
      }
      if (g.points !== problem.matrices[0].geo!.points && g.points.some((x, k) => x !== problem.matrices[0].geo!.points[k])) {
        throw new InputError(`problem.matrices[${i}].geo.points: every profile must share the same points`, { code: 'E1015', field: `matrices[${i}].geo.points` });
      }
      if (!Number.isFinite(g.detour) || g.detour < 1 || g.detour > 10) {
        throw new InputError(`problem.matrices[${i}].geo.detour: must be a number from 1 to 10, got ${String(g.detour)}`, { code: 'E1015', field: `matrices[${i}].geo.detour` });
      }
      if (!Number.isFinite(g.secondsPerMetre) || g.secondsPerMetre <= 0 || g.secondsPerMetre > 10) {
        throw new InputError(`problem.matrices[${i}].geo.secondsPerMetre: must be a number in (0, 10], got ${String(g.secondsPerMetre)}`, { code: 'E1015', field: `matrices[${i}].geo.secondsPerMetre` });
      }
      if (m.costs !== undefined) throw new InputError(`problem.matrices[${i}].costs: custom costs need stored matrices, not computed arcs`, { code: 'E1015', field: `matrices[${i}].costs` });
      return;
    }
    for (const key of ['durations', 'distances'] as const) {
      const a = (m as unknown as Record<string, unknown>)?.[key] as ArrayLike<number> | undefined;
      if (!a || typeof a.length !== 'number' || a.length !== cells) {
        throw new InputError(`problem.matrices[${i}].${key}: must hold size × size = ${cells} entries`, { code: 'E1015', field: `matrices[${i}].${key}` });
      }
    }
  });
  const arrays = { jobs: ['pickup', 'delivery', 'skills', 'timeWindows'], vehicles: ['capacity', 'skills', 'breaks', 'facilities'], facilities: ['timeWindows'] } as const;
  for (const [list, fields] of Object.entries(arrays) as [keyof typeof arrays, readonly string[]][]) {
    (problem[list] as unknown[]).forEach((item, i) => {
      if (!isObject(item)) throw new InputError(`problem.${list}[${i}]: must be an object`, { code: 'E1015', field: `${list}[${i}]` });
      for (const f of fields) {
        if (!Array.isArray(item[f])) throw new InputError(`problem.${list}[${i}].${f}: must be an array`, { code: 'E1015', field: `${list}[${i}].${f}` });
      }
    });
  }
  problem.vehicles.forEach((v, i) => {
    if (!isCount(v.profile) || v.profile >= problem.matrices.length) {
      throw new InputError(`problem.vehicles[${i}].profile: must index matrices (0..${problem.matrices.length - 1}), got ${String(v.profile)}`, { code: 'E1015', field: `vehicles[${i}].profile` });
    }
  });
  problem.jobs.forEach((j, i) => {
    if (!isCount(j.location) || j.location >= problem.size) {
      throw new InputError(`problem.jobs[${i}].location: must be a location below size ${problem.size}, got ${String(j.location)}`, { code: 'E1015', field: `jobs[${i}].location` });
    }
  });
}
