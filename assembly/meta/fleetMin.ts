// Fleet minimisation: when vehicles carry a fixed cost, the first part of the budget tries to
// serve every job with one vehicle fewer, after the fleet-minimisation procedure of SISR
// (Christiaens & Vanden Berghe 2020, "Slack induction by string removals for vehicle routing
// problems", Transportation Science 54(2), §5). A route of the best solution is emptied and
// the fleet is closed (no job may open an empty vehicle); ruin-and-recreate steps then try to
// place the jobs left out; after each recreate, the jobs left out most often go in with
// ejections, one after another (ejectInsert.ts, Nagata & Bräysy 2009). A step is judged by the
// jobs it leaves out, not by its cost: it is accepted when it leaves fewer out, or when the
// jobs it leaves out have been out less often (their "absences", counted over the steps),
// which steers the search towards the jobs that are hard to place. Once every job is served
// again, that solution is kept and the next route is emptied. The annealing then starts from
// the smallest complete fleet found and judges it by the full objective, so a vehicle comes
// back whenever its fixed cost pays.

import { N, R, V, HAS_FIXED, jPrize, vFixed } from '../model/problem';
import { Sol, countRoutes } from '../model/Sol';
import { rngInt } from '../common/rng';
import { ruin, beginStep, beginInsertList, addToInsert, touched, nTouched, emptyRoute, dropIdleReloads } from './ruin';
import { ejectAlloc, ejectInsert, ejected, nEjected } from './ejectInsert';
import { recreate, setFleetLimit } from './recreate';
import { retuneReloads } from './retuneReloads';
import { walkCurrent, lastWalkOk } from '../model/feasibility';
import { routeChanged } from '../search/lsState';
import { localSearch } from '../search/localSearch';

/**
 * Share of the budget given to fleet minimisation when the plan's objective is all fixed
 * costs (vehicles first); see `fleetShareFor`.
 */
export const FLEET_SHARE: f64 = 0.3;

/**
 * The budget share the phase gets for a complete solution `sol`: FLEET_SHARE when the fixed
 * vehicle costs in `sol`'s objective weigh at least as much as the rest of it (vehicles first,
 * as in Solomon and Kim with a fixed cost above any route), else FLEET_SHARE scaled by their
 * ratio. On the Seongdong day the five trucks' fixed costs are 9,000 against ~66,000 of
 * driving, and giving up one saves at most 2.4 % of the plan: the phase gets 4 % of the budget
 * instead of 30 %. The annealing prices the fixed costs too and can empty a route on its own,
 * and 30 % of a short budget spent on a truck the day cannot spare cost more than the truck
 * could save.
 */
export function fleetShareFor(sol: Sol): f64 {
  let fixedSum: i64 = 0;
  for (let r = 0; r < R; r++) if (unchecked(sol.rSize[r]) > 0) fixedSum += unchecked(vFixed[r]);
  const rest = sol.objective() - fixedSum;
  if (fixedSum <= 0) return 0.0;
  if (fixedSum >= rest) return FLEET_SHARE;
  return FLEET_SHARE * (<f64>fixedSum / <f64>rest);
}


/**
 * Unserved jobs offered again per step (besides those near the seed): the phase leaves a
 * route's worth of jobs out on purpose, and offering 64 of them every step made steps on long
 * routes several times slower.
 */
const FLEET_RETRIES: i32 = 8;

/**
 * Insertions with ejections per step, at most: after the step's recreate, the left-out job with
 * the most absences goes in with ejections, then the next, until one finds no room or this many
 * went in. On the nine Solomon instances that missed the best-known vehicle count with one per
 * step (3,000 iterations, seeds 1-3: 314 vehicles against 294), four per step gave 302, and
 * sixteen gave 302 too at 1.3× the time (docs/benchmarks.md).
 */
const EJECTS_PER_STEP: i32 = 4;

/** True while the phase runs (it ends early when no route is left to give up). */
export let fleetActive: bool = false;
/** A complete solution with fewer routes than the start was found (in `fleetBest`). */
export let fleetFound: bool = false;
/** The smallest complete fleet found. */
export let fleetBest: Sol = changetype<Sol>(0);

let trial: Sol = changetype<Sol>(0);
let acc: Sol = changetype<Sol>(0);
let absences: StaticArray<i32> = new StaticArray<i32>(0);
/** Mandatory jobs the start leaves out: a solution that leaves out no more counts as complete. */
let baseMissing: i32 = 0;
let accMissing: i32 = 0;
/** Vehicles the phase tries to do with. */
let fleetSize: i32 = 0;

/** Mandatory jobs `sol` leaves unserved. */
export function missingMandatory(sol: Sol): i32 {
  let k = 0;
  for (let c = 1; c < N; c++) if (unchecked(sol.route[c]) < 0 && unchecked(jPrize[c]) == 0) k++;
  return k;
}

/** Sum of the absences of the mandatory jobs `sol` leaves unserved. */
function absenceSum(sol: Sol): i64 {
  let s: i64 = 0;
  for (let c = 1; c < N; c++) if (unchecked(sol.route[c]) < 0 && unchecked(jPrize[c]) == 0) s += <i64>unchecked(absences[c]);
  return s;
}

/**
 * Empties the used route with the fewest jobs (ties broken at random) of `acc` among the
 * vehicles with a fixed cost: giving up a free vehicle saves nothing.
 */
function giveUpRoute(): bool {
  if (countRoutes(acc) <= 1) return false;
  let pick = -1;
  let ties = 0;
  for (let r = 0; r < R; r++) {
    const size = unchecked(acc.rSize[r]);
    if (size == 0 || unchecked(vFixed[r]) <= 0) continue;
    if (pick < 0 || size < unchecked(acc.rSize[pick])) {
      pick = r;
      ties = 1;
    } else if (size == unchecked(acc.rSize[pick])) {
      ties++;
      if (rngInt(ties) == 0) pick = r;
    }
  }
  if (pick < 0) return false;
  emptyRoute(acc, pick);
  accMissing = missingMandatory(acc);
  fleetSize = countRoutes(acc);
  return true;
}

/** Starts the phase from `start` (a solution the annealing has accepted). */
export function fleetInit(start: Sol): void {
  fleetFound = false;
  fleetActive = HAS_FIXED && countRoutes(start) > 1;
  if (!fleetActive) return;
  if (changetype<usize>(trial) == 0) {
    trial = new Sol();
    acc = new Sol();
    fleetBest = new Sol();
  }
  absences = new StaticArray<i32>(N);
  ejectAlloc(V);
  acc.copyFrom(start);
  baseMissing = missingMandatory(start);
  fleetActive = giveUpRoute();
}

/** The solution the phase has accepted last (complete or not). */
export function fleetAccepted(): Sol {
  return acc;
}

/** A random unserved mandatory job (strings are removed around it to make room), or -1. */
function missingSeed(sol: Sol): i32 {
  if (accMissing == 0) return -1;
  let k = rngInt(accMissing);
  for (let c = 1; c < N; c++) {
    if (unchecked(sol.route[c]) < 0 && unchecked(jPrize[c]) == 0) {
      if (k == 0) return c;
      k--;
    }
  }
  return -1;
}

/**
 * The left-out mandatory job with the most absences (ties at random) goes in with ejections
 * (`ejectInsert`) when jobs left out less often can make room for it; the ejected jobs are then
 * offered to the other routes. Runs inside the step's closed fleet. Returns false when no job
 * went in.
 */
function ejectOne(sol: Sol): bool {
  let v = -1;
  let most = -1;
  let ties = 0;
  for (let c = 1; c < N; c++) {
    if (unchecked(sol.route[c]) >= 0 || unchecked(jPrize[c]) != 0) continue;
    const a = unchecked(absences[c]);
    if (a > most) {
      v = c;
      most = a;
      ties = 1;
    } else if (a == most) {
      ties++;
      if (rngInt(ties) == 0) v = c;
    }
  }
  if (v < 0 || !ejectInsert(sol, v, absences, <i64>most + 1)) return false;
  beginInsertList();
  for (let i = 0; i < nEjected; i++) addToInsert(unchecked(ejected[i]));
  recreate(sol);
  return true;
}

/** Every route the step touched still walks feasibly (breaks can move when jobs go). */
function touchedRoutesFit(sol: Sol): bool {
  for (let t = 0; t < nTouched; t++) {
    const r = unchecked(touched[t]);
    if (unchecked(sol.rSize[r]) == 0) continue;
    walkCurrent(sol, r);
    if (!lastWalkOk) return false;
  }
  return true;
}

/**
 * One ruin-and-recreate step of the phase on a closed fleet. Returns true when the step was
 * accepted (`fleetAccepted()` changed); the caller keeps the best solution.
 */
export function fleetStep(): bool {
  if (!fleetActive) return false;
  trial.copyFrom(acc);
  beginStep();
  ruin(trial, countRoutes(trial), false, missingSeed(trial), FLEET_RETRIES);
  setFleetLimit(fleetSize);
  recreate(trial);
  for (let k = 0; k < EJECTS_PER_STEP; k++) if (!ejectOne(trial)) break;
  setFleetLimit(0x7fffffff);
  for (let t = 0; t < nTouched; t++) {
    const r = unchecked(touched[t]);
    retuneReloads(trial, r);
    dropIdleReloads(trial, r);
    routeChanged(trial, r);
  }
  localSearch(trial);
  // the jobs left out, the sum of their absences so far, and one more absence each: one pass
  const accSum = absenceSum(acc);
  let missing = 0;
  let trialSum: i64 = 0;
  for (let c = 1; c < N; c++) {
    if (unchecked(trial.route[c]) >= 0 || unchecked(jPrize[c]) != 0) continue;
    missing++;
    const a = unchecked(absences[c]);
    trialSum += <i64>a;
    unchecked((absences[c] = a + 1));
  }
  const better = missing < accMissing || trialSum < accSum;
  if (!better || !touchedRoutesFit(trial)) return false;
  acc.copyFrom(trial);
  accMissing = missing;
  if (missing <= baseMissing) {
    fleetBest.copyFrom(acc);
    fleetFound = true;
    // one vehicle fewer again; the absences start over for the new fleet
    for (let c = 1; c < N; c++) unchecked((absences[c] = 0));
    fleetActive = giveUpRoute();
  }
  return true;
}
