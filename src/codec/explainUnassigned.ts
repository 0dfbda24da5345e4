import type { RoutingProblem, UnassignedDiagnosis, UnassignedReason } from '../model/RoutingProblem.js';
import type { CoreExports } from '../core/loadCore.js';
import { FAIL_CODES } from '../core/coreProtocol.js';

/** Tie-break order when several constraints block equally often. */
const REASON_ORDER: UnassignedReason[] = ['unreachable', 'skills', 'time_window', 'capacity', 'max_travel_time', 'max_distance', 'max_tasks'];

/** The user-facing reason of each failure code of the core's route walk. */
export const REASON_OF_FAIL: Record<number, UnassignedReason> = {
  [FAIL_CODES.SKILLS]: 'skills',
  [FAIL_CODES.FACILITY]: 'capacity',
  [FAIL_CODES.MAX_RELOADS]: 'capacity',
  [FAIL_CODES.MAX_TASKS]: 'max_tasks',
  [FAIL_CODES.RETURN_EMPTY]: 'capacity',
  [FAIL_CODES.ROUTE_CAPACITY]: 'capacity',
  [FAIL_CODES.TRIP_DELIVERIES]: 'capacity',
  [FAIL_CODES.CAPACITY]: 'capacity',
  [FAIL_CODES.BREAK_WINDOW]: 'time_window',
  [FAIL_CODES.BREAK_BEFORE_STOP]: 'time_window',
  [FAIL_CODES.BREAK_MAX_LOAD]: 'capacity',
  [FAIL_CODES.VEHICLE_TIME_WINDOW]: 'time_window',
  [FAIL_CODES.TIME_WINDOW]: 'time_window',
  [FAIL_CODES.MISSING_BREAK]: 'time_window',
  [FAIL_CODES.MAX_TRAVEL_TIME]: 'max_travel_time',
  [FAIL_CODES.MAX_DISTANCE]: 'max_distance',
  [FAIL_CODES.UNREACHABLE]: 'unreachable',
};

/** One insertion trial, asked of the core. */
interface Trial {
  feasible: boolean;
  addedCost: number;
  reason?: UnassignedReason;
}

/**
 * Route steps the position-by-position trials may walk in one explanation: about 0.2 s on the
 * 10,000-bin day, whose 85-stop routes with a lunch break and reloads take about 55 ns a step
 * (20 million steps took 1.1 s there and broke the time limit). A job explained after it is
 * spent gets only the alone test per vehicle kind; counted in steps, not seconds, so that the
 * reasons are the same on every machine. The 846-café day's trials cost about 75,000 steps a job.
 */
export const EXPLAIN_STEP_BUDGET = 4_000_000;

/** What the trials know of each vehicle's current route. */
interface VehicleView {
  used: boolean;
  positions: number;
  /** Failure of the route as it stands (only an unused vehicle's empty route can fail): not blamed on a job. */
  baseFail: number;
  /**
   * Vehicles with the same key give the same answer to the alone test (the job as the only
   * stop): every field but the id and description, whether the vehicle is used, and baseFail.
   * A fleet of 120 vehicles of two kinds then needs 2 alone trials per job, not 120.
   */
  aloneKey: string;
}

function trial(core: CoreExports, views: VehicleView[], job: number, vehicle: number, position: number, alone: boolean): Trial {
  const code = core.trialInsert(job, vehicle, position, alone ? 1 : 0);
  const addedCost = core.trialAddedCost();
  if (code === FAIL_CODES.OK || code === views[vehicle].baseFail) return { feasible: true, addedCost };
  return { feasible: false, addedCost, reason: REASON_OF_FAIL[code] ?? 'fleet_exhausted' };
}

/**
 * The alone test of `vehicle` (a used vehicle's route tried as if empty; an unused one's route
 * is empty already), asked of the core once per vehicle kind and job (`memo`, keyed by aloneKey).
 */
function aloneTrial(core: CoreExports, views: VehicleView[], job: number, vehicle: number, memo: Map<string, Trial>): Trial {
  const key = views[vehicle].aloneKey;
  let t = memo.get(key);
  if (!t) {
    t = trial(core, views, job, vehicle, 0, views[vehicle].used);
    memo.set(key, t);
  }
  return t;
}

/** The alone test of every vehicle in `skilled`: those the job fits alone, and the others' reasons counted. */
function aloneTrials(core: CoreExports, views: VehicleView[], job: number, skilled: number[]): { fitsAlone: number[]; aloneCounts: Map<UnassignedReason, number> } {
  const aloneCounts = new Map<UnassignedReason, number>();
  const fitsAlone: number[] = [];
  const memo = new Map<string, Trial>();
  for (const vi of skilled) {
    const t = aloneTrial(core, views, job, vi, memo);
    if (t.feasible) fitsAlone.push(vi);
    else count(aloneCounts, t.reason);
  }
  return { fitsAlone, aloneCounts };
}

function count(counts: Map<UnassignedReason, number>, r: UnassignedReason | undefined): void {
  if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
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

function diagnose(core: CoreExports, problem: RoutingProblem, views: VehicleView[], job: number, budget: { steps: number }): UnassignedDiagnosis {
  const j = problem.jobs[job];
  const skilled = problem.vehicles.flatMap((v, vi) => (j.skills.every((s) => v.skills.includes(s)) ? [vi] : []));
  if (skilled.length === 0) {
    return { job, reason: 'skills', detail: `no vehicle has all of skills ${j.skills.join(', ')}`, solverMissed: false };
  }
  // every trial walks the whole route: (positions + 1) trials of about positions + 2 steps each
  const cost = skilled.reduce((a, vi) => a + (views[vi].positions + 1) * (views[vi].positions + 2), 0);
  if (cost > budget.steps) return diagnoseAlone(core, problem, views, job, skilled);
  budget.steps -= cost;

  // 1. Every position of every route (a used route, or an unused vehicle's empty route).
  let best: UnassignedDiagnosis['bestInsertion'];
  const positionCounts = new Map<UnassignedReason, number>();
  let positions = 0;
  for (const vi of skilled) {
    for (let p = 0; p <= views[vi].positions; p++) {
      const t = trial(core, views, job, vi, p, false);
      positions++;
      if (!t.feasible) count(positionCounts, t.reason);
      else if (!best || t.addedCost < best.addedCost) best = { vehicle: vi, position: p, addedCost: t.addedCost };
    }
  }
  if (best) {
    const where = `vehicle ${problem.vehicles[best.vehicle].id}${views[best.vehicle].used ? '' : ' (unused)'}, position ${best.position}`;
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
  const { fitsAlone, aloneCounts } = aloneTrials(core, views, job, skilled);
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

/** The short diagnosis once the step budget is spent: only whether the job fits alone in each vehicle. */
function diagnoseAlone(core: CoreExports, problem: RoutingProblem, views: VehicleView[], job: number, skilled: number[]): UnassignedDiagnosis {
  const { fitsAlone, aloneCounts } = aloneTrials(core, views, job, skilled);
  const note = `not every position of the current routes was tried (the explanation's budget of route steps is spent)`;
  if (fitsAlone.length > 0) {
    const ids = fitsAlone.slice(0, 5).map((vi) => problem.vehicles[vi].id).join(', ');
    return { job, reason: 'fleet_exhausted', detail: `fits vehicle ${ids}${fitsAlone.length > 5 ? ', …' : ''} on its own; ${note}`, solverMissed: false };
  }
  const reason = mostFrequent(aloneCounts) ?? 'fleet_exhausted';
  return { job, reason, detail: `infeasible even alone for every vehicle with its skills (${summarise(aloneCounts, skilled.length, 'vehicles')})`, solverMissed: false };
}

/**
 * Explains the unserved jobs of the answer a core holds, by insertion trials the core runs
 * with its own route walk. Rules, in order (docs/format.md, "Unassigned reasons"):
 * 1. no vehicle has the job's skills → `skills`;
 * 2. a feasible insertion exists → `not_profitable` for an optional job (the cheapest one adds
 *    at least its prize; otherwise `solverMissed` is set), `fleet_exhausted` with
 *    `solverMissed` for a mandatory job;
 * 3. the job fits alone in a vehicle that is already used → `fleet_exhausted`;
 * 4. otherwise the constraint that makes the job infeasible on its own for the most vehicles
 *    (ties: unreachable, skills, time_window, capacity, max_travel_time, max_distance, max_tasks).
 *
 * The position trials stop after {@link EXPLAIN_STEP_BUDGET} route steps (thousands of unserved
 * jobs on long routes); later jobs get rules 1, 3 and 4 only, and their detail says so.
 *
 * @example
 * ```ts
 * const run = await runCore(input, budget);
 * const reasons = explainUnassigned(run.core, problem, [4]);
 * reasons[0].reason; // e.g. 'capacity'
 * ```
 */
export function explainUnassigned(
  core: CoreExports,
  problem: RoutingProblem,
  unassigned: readonly number[],
  used: ReadonlySet<number>,
  stepBudget: number = EXPLAIN_STEP_BUDGET,
): UnassignedDiagnosis[] {
  if (unassigned.length === 0) return [];
  const views: VehicleView[] = problem.vehicles.map((v, vi) => {
    const positions = core.routeVisits(vi);
    const baseFail = core.trialInsert(-1, vi, 0, 0);
    const { id: _id, description: _description, ...kind } = v;
    const aloneKey = JSON.stringify([kind, used.has(vi), baseFail]);
    return { used: used.has(vi), positions, baseFail, aloneKey };
  });
  const budget = { steps: stepBudget };
  return unassigned.map((job) => diagnose(core, problem, views, job, budget));
}
