import type { RoutingProblem, RoutingSolution, RoutingStep, UnassignedReason } from '../model/RoutingProblem.js';
import { scheduleRoute, type ViolationKind } from './scheduleRoute.js';

/** Why one job is unserved, with the evidence. */
export interface UnassignedDiagnosis {
  /** Job index. */
  job: number;
  reason: UnassignedReason;
  /** One sentence naming the vehicles, positions or amounts behind the reason. */
  detail: string;
  /** Cheapest feasible insertion into the final solution, when there is one. */
  bestInsertion?: { vehicle: number; position: number; addedCost: number };
  /**
   * True when a feasible insertion exists that the objective favours (a mandatory job, or an
   * optional one whose prize exceeds the added cost): the solver missed it. `reason` then
   * falls back to `fleet_exhausted` (mandatory) or `not_profitable` (optional); see docs/format.md.
   */
  solverMissed: boolean;
}

/** Tie-break order when several constraints block equally often. */
const REASON_ORDER: UnassignedReason[] = [
  'unreachable',
  'skills',
  'time_window',
  'capacity',
  'max_travel_time',
  'max_distance',
  'max_tasks',
];

function reasonOf(kind: ViolationKind): UnassignedReason {
  switch (kind) {
    case 'time_window':
    case 'vehicle_time_window':
    case 'missing_break':
    case 'duplicate_break':
      return 'time_window';
    case 'capacity':
    case 'max_load':
    case 'facility':
    case 'max_reloads':
    case 'route_capacity':
    case 'return_empty':
      return 'capacity';
    default:
      return kind;
  }
}

interface VehicleBase {
  steps: RoutingStep[];
  used: boolean;
  cost: number;
  /** Violations already present without the job: not blamed on an insertion. */
  kinds: Set<ViolationKind>;
}

/** Precomputed view of a solution, shared by the diagnoses of all its unserved jobs. */
interface Context {
  problem: RoutingProblem;
  bases: VehicleBase[];
}

function breaksOnly(problem: RoutingProblem, vi: number): RoutingStep[] {
  const v = problem.vehicles[vi];
  return v.breaks
    .map((b, index) => ({ index, open: b.timeWindows[0][0] }))
    .sort((a, b) => a.open - b.open || a.index - b.index)
    .map(({ index }) => ({ type: 'break' as const, index }));
}

/** An unused vehicle's route before any job: its breaks, and its final unload if it must return empty. */
function emptyRoute(problem: RoutingProblem, vi: number): RoutingStep[] {
  const v = problem.vehicles[vi];
  const steps = breaksOnly(problem, vi);
  if (v.returnEmpty && v.facilities.length > 0) {
    // the facility closest to the end (by the profile's durations)
    const m = problem.matrices[v.profile].durations;
    const end = v.end;
    const near = (f: number) => (end === undefined ? 0 : m[problem.facilities[f].location * problem.size + end]);
    const f = [...v.facilities].sort((a, b) => near(a) - near(b) || a - b)[0];
    steps.push({ type: 'reload', index: f });
  }
  return steps;
}

function makeContext(problem: RoutingProblem, routes: RoutingSolution['routes']): Context {
  const bases: VehicleBase[] = problem.vehicles.map((_, vi) => {
    const route = routes.find((r) => r.vehicle === vi);
    const steps = route ? route.steps.filter((s) => s.type !== 'start' && s.type !== 'end') : [];
    const used = steps.some((s) => s.type !== 'break');
    const base = used ? steps : emptyRoute(problem, vi);
    const sched = scheduleRoute(problem, vi, base, { departure: 'earliest' });
    return { steps: base, used, cost: sched.cost, kinds: new Set(sched.violations.map((x) => x.kind)) };
  });
  return { problem, bases };
}

interface Trial {
  feasible: boolean;
  addedCost: number;
  reasons: Set<UnassignedReason>;
}

function tryInsert(ctx: Context, vi: number, steps: RoutingStep[], job: number, position: number, base: VehicleBase): Trial {
  const trialSteps = [...steps.slice(0, position), { type: 'job' as const, index: job }, ...steps.slice(position)];
  const s = scheduleRoute(ctx.problem, vi, trialSteps, { departure: 'earliest' });
  const reasons = new Set<UnassignedReason>();
  for (const x of s.violations) if (!base.kinds.has(x.kind)) reasons.add(reasonOf(x.kind));
  return { feasible: reasons.size === 0, addedCost: s.cost - base.cost, reasons };
}

function mostFrequent(counts: Map<UnassignedReason, number>): UnassignedReason | undefined {
  let best: UnassignedReason | undefined;
  for (const r of REASON_ORDER) {
    const c = counts.get(r) ?? 0;
    if (c > 0 && (best === undefined || c > counts.get(best)!)) best = r;
  }
  return best;
}

function summarise(counts: Map<UnassignedReason, number>, total: number, unit: string): string {
  const parts = REASON_ORDER.filter((r) => counts.has(r)).map((r) => `${r} at ${counts.get(r)}`);
  return `${parts.join(', ')} of ${total} ${unit}`;
}

function diagnose(ctx: Context, job: number): UnassignedDiagnosis {
  const { problem, bases } = ctx;
  const j = problem.jobs[job];
  const skilled = problem.vehicles
    .map((v, vi) => ({ v, vi }))
    .filter(({ v }) => j.skills.every((s) => v.skills.includes(s)))
    .map(({ vi }) => vi);
  if (skilled.length === 0) {
    return {
      job,
      reason: 'skills',
      detail: `no vehicle has all of skills ${j.skills.join(', ')}`,
      solverMissed: false,
    };
  }

  // 1. Every position of every route (a used route, or an unused vehicle's empty route).
  let best: UnassignedDiagnosis['bestInsertion'];
  const positionCounts = new Map<UnassignedReason, number>();
  let positions = 0;
  for (const vi of skilled) {
    const base = bases[vi];
    for (let p = 0; p <= base.steps.length; p++) {
      const t = tryInsert(ctx, vi, base.steps, job, p, base);
      positions++;
      if (t.feasible) {
        if (!best || t.addedCost < best.addedCost) best = { vehicle: vi, position: p, addedCost: t.addedCost };
      } else for (const r of t.reasons) positionCounts.set(r, (positionCounts.get(r) ?? 0) + 1);
    }
  }
  if (best) {
    const where = `vehicle ${problem.vehicles[best.vehicle].id}${bases[best.vehicle].used ? '' : ' (unused)'}, position ${best.position}`;
    if (j.prize !== undefined) {
      const missed = best.addedCost < j.prize;
      return {
        job,
        reason: 'not_profitable',
        detail: missed
          ? `cheapest feasible insertion (${where}) adds ${best.addedCost} < prize ${j.prize}: the solver missed it`
          : `cheapest feasible insertion (${where}) adds ${best.addedCost} ≥ prize ${j.prize}`,
        bestInsertion: best,
        solverMissed: missed,
      };
    }
    return {
      job,
      reason: 'fleet_exhausted',
      detail: `a feasible insertion exists (${where}, adds ${best.addedCost}): the solver missed it`,
      bestInsertion: best,
      solverMissed: true,
    };
  }

  // 2. No feasible position. Could a used vehicle serve the job on its own?
  const aloneCounts = new Map<UnassignedReason, number>();
  const fitsAlone: number[] = [];
  for (const vi of skilled) {
    let alone: Trial | undefined;
    if (bases[vi].used) {
      const empty = breaksOnly(problem, vi);
      const emptyBase: VehicleBase = { steps: empty, used: false, cost: 0, kinds: new Set() };
      for (let p = 0; p <= empty.length; p++) {
        const t = tryInsert(ctx, vi, empty, job, p, emptyBase);
        if (!alone || t.reasons.size < alone.reasons.size) alone = t;
        if (t.feasible) break;
      }
      if (alone!.feasible) {
        fitsAlone.push(vi);
        continue;
      }
    } else {
      // An unused vehicle's route is already empty: its trials above were the "alone" tests.
      const empty = bases[vi].steps;
      for (let p = 0; p <= empty.length; p++) {
        const t = tryInsert(ctx, vi, empty, job, p, bases[vi]);
        if (!alone || t.reasons.size < alone.reasons.size) alone = t;
      }
    }
    for (const r of alone!.reasons) aloneCounts.set(r, (aloneCounts.get(r) ?? 0) + 1);
  }
  if (fitsAlone.length > 0) {
    return {
      job,
      reason: 'fleet_exhausted',
      detail: `fits vehicle ${fitsAlone.map((vi) => problem.vehicles[vi].id).join(', ')} on its own, but no position in the current routes is feasible (${summarise(positionCounts, positions, 'positions')})`,
      solverMissed: false,
    };
  }
  const reason = mostFrequent(aloneCounts) ?? mostFrequent(positionCounts) ?? 'fleet_exhausted';
  return {
    job,
    reason,
    detail: `infeasible even alone for every vehicle with its skills (${summarise(aloneCounts, skilled.length, 'vehicles')})`,
    solverMissed: false,
  };
}

/**
 * Explains why one job is unserved by trying it at every position of every route of the
 * final solution (and in the empty route of every unused vehicle), with {@link scheduleRoute}.
 * Rules, in order (docs/format.md, "Unassigned reasons"):
 * 1. no vehicle has the job's skills → `skills`;
 * 2. a feasible insertion exists → `not_profitable` for an optional job (the cheapest one
 *    adds at least its prize; otherwise `solverMissed` is set), `fleet_exhausted` with
 *    `solverMissed` for a mandatory job;
 * 3. the job fits alone in a vehicle that is already used → `fleet_exhausted`;
 * 4. otherwise the constraint that makes the job infeasible on its own for the most vehicles
 *    (ties: unreachable, skills, time_window, capacity, max_travel_time, max_distance, max_tasks).
 *
 * @example
 * ```ts
 * const d = unassignedReason(problem, solution.routes, 4);
 * d.reason; // e.g. 'capacity'
 * d.detail; // 'infeasible even alone for every vehicle with its skills (capacity at 2 of 2 vehicles)'
 * ```
 */
export function unassignedReason(problem: RoutingProblem, routes: RoutingSolution['routes'], job: number): UnassignedDiagnosis {
  return diagnose(makeContext(problem, routes), job);
}

/**
 * {@link unassignedReason} for every job in `solution.unassigned`, sharing the route
 * schedules between jobs.
 *
 * @example
 * ```ts
 * for (const d of unassignedReasons(problem, solution)) console.log(problem.jobs[d.job].id, d.reason);
 * ```
 */
export function unassignedReasons(
  problem: RoutingProblem,
  solution: Pick<RoutingSolution, 'routes' | 'unassigned'>,
): UnassignedDiagnosis[] {
  const ctx = makeContext(problem, solution.routes);
  return solution.unassigned.map((job) => diagnose(ctx, job));
}
