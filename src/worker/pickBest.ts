import type { CvrpProblem, Solution } from '../types.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';

/**
 * The best of several solutions of one problem, ranked as the solver ranks plans: for the
 * collection model the largest priority sum served, then the most jobs served, then the lowest
 * cost; for a CVRP the lowest cost. Ties go to the earlier solution (the lower seed), so the
 * choice is deterministic.
 *
 * @example
 * ```ts
 * const best = pickBest(problem, [await solve(problem, { seed: 1 }), await solve(problem, { seed: 2 })]);
 * ```
 */
export function pickBest<S extends Solution | RoutingSolution>(problem: CvrpProblem | RoutingProblem, solutions: S[]): S {
  if (solutions.length === 0) throw new Error('pickBest: no solution');
  const jobs = 'jobs' in problem ? problem.jobs : undefined;
  const key = (s: S): [number, number, number] => {
    if (!jobs || !('unassigned' in s)) return [0, 0, s.cost];
    const lostPriority = s.unassigned.reduce((sum, j) => sum + (jobs[j]?.priority ?? 0), 0);
    return [lostPriority, s.unassigned.length, s.cost];
  };
  let best = solutions[0];
  let bestKey = key(best);
  for (const s of solutions.slice(1)) {
    const k = key(s);
    if (k[0] < bestKey[0] || (k[0] === bestKey[0] && (k[1] < bestKey[1] || (k[1] === bestKey[1] && k[2] < bestKey[2])))) {
      best = s;
      bestKey = k;
    }
  }
  return best;
}
