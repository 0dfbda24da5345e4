import type { RoutingProblem, RoutingVehicle } from '../../src/model/RoutingProblem.js';

/**
 * Matrix value meaning "no road": VROOM-style `null` entries and values ≥ 2³¹−1 in an input
 * matrix are stored as this. Any arc with this travel time or distance makes a route infeasible.
 */
export const UNREACHABLE = 2_147_483_647;

/**
 * Travel time in seconds of the arc `from → to` for a vehicle: the profile's duration divided
 * by the vehicle's `speedFactor`, rounded to the nearest second (a duration of exactly
 * {@link UNREACHABLE} stays unreachable).
 *
 * @example
 * ```ts
 * travelTime(problem, problem.vehicles[0], 0, 3); // durations[0·M + 3] / speedFactor
 * ```
 */
export function travelTime(problem: RoutingProblem, vehicle: RoutingVehicle, from: number, to: number): number {
  const d = problem.matrices[vehicle.profile].durations[from * problem.size + to];
  if (d >= UNREACHABLE) return UNREACHABLE;
  return vehicle.speedFactor === 1 ? d : Math.round(d / vehicle.speedFactor);
}
