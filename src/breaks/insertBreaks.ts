import type { RoutingProblem, RoutingSolution, RoutingStep } from '../model/RoutingProblem.js';
import { scheduleRoute } from '../schedule/scheduleRoute.js';

type Route = RoutingSolution['routes'][number];

/** Violations counted for choosing a break position (fewer is better). */
function score(problem: RoutingProblem, vehicle: number, steps: RoutingStep[]): [number, number] {
  const s = scheduleRoute(problem, vehicle, steps, { departure: 'earliest' });
  return [s.violations.length, s.steps[s.steps.length - 1].arrival];
}

/**
 * Places each vehicle break in its routed sequence: breaks are tried one at a time, in the
 * order of their first window, at every position between start and end, keeping the
 * position with the fewest violated constraints and then the earliest return. The core plans
 * routes without breaks, so a break that cannot fit anywhere shows up as a violation of the
 * scheduled route rather than being dropped.
 *
 * @example
 * ```ts
 * const routes = insertBreaks(problem, [{ vehicle: 0, steps: [{ type: 'start', index: -1 }, { type: 'job', index: 0 }, { type: 'end', index: -1 }] }]);
 * ```
 */
export function insertBreaks(problem: RoutingProblem, routes: Route[]): Route[] {
  return routes.map((route) => {
    const vehicle = problem.vehicles[route.vehicle];
    if (vehicle.breaks.length === 0) return route;
    const order = vehicle.breaks
      .map((b, i) => ({ i, first: b.timeWindows.length ? b.timeWindows[0][0] : 0 }))
      .sort((a, b) => a.first - b.first || a.i - b.i);
    let steps = route.steps.slice();
    for (const { i } of order) {
      let best: RoutingStep[] | undefined;
      let bestScore: [number, number] = [Infinity, Infinity];
      // after the start (position 1) up to just before the end
      for (let p = 1; p < steps.length; p++) {
        const candidate = [...steps.slice(0, p), { type: 'break' as const, index: i }, ...steps.slice(p)];
        const sc = score(problem, route.vehicle, candidate);
        if (sc[0] < bestScore[0] || (sc[0] === bestScore[0] && sc[1] < bestScore[1])) {
          best = candidate;
          bestScore = sc;
        }
      }
      steps = best ?? steps;
    }
    return { vehicle: route.vehicle, steps };
  });
}
