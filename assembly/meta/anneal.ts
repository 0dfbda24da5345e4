// The metaheuristic: ruin and recreate (SISR-style) followed by the granular local search on
// the changed routes, with simulated-annealing acceptance. The temperature falls
// geometrically from T0 to Tf over the budget; the host passes the budget fraction, so with an
// iteration budget the schedule — and the result — depends only on the seed.

import { N, R, P, NB, HAS_FIXED, pinnedOf } from '../model/problem';
import { Sol, countRoutes, startOf, endOf, isPinned } from '../model/Sol';
import { rngFloat } from '../common/rng';
import { ruin, recreate, beginStep, touched, nTouched } from './index';
import { dropIdleReloads } from './ruin';
import { localSearch } from '../search/localSearch';
import { routeChanged, moveCount, stampRoute, pushRoute } from '../search/lsState';
import { retuneReloads } from './retuneReloads';
import { walkCurrent, lastWalkOk, failCode } from '../model/feasibility';
import { FLEET_SHARE, fleetShareFor, fleetInit, fleetStep, fleetActive, fleetFound, fleetBest, fleetAccepted, missingMandatory } from './fleetMin';
import { FAIL_CAPACITY, FAIL_TIME_WINDOW, FAIL_VEHICLE_TIME_WINDOW } from '../protocol.generated';
import { penInit, setPenalised, penOn, penRecord, excessOf, routeOverloaded, repairWeight, penalisedObjective } from '../model/loadPenalty';
import { TW_CAPABLE, twOn, setTimePenalised, twRecord, warpOf, routeWarp, twRepairWeight, timePenaltyOf } from '../model/timePenalty';

/** The solution being changed by the current step. */
export let current: Sol = changetype<Sol>(0);
/** The last accepted solution: the step starts from it and falls back to it when rejected. */
export let accepted: Sol = changetype<Sol>(0);
/** The best solution found so far. */
export let best: Sol = changetype<Sol>(0);
/** Repair rounds at most (the weight is multiplied by REPAIR_FACTOR in each). */
const REPAIR_ROUNDS: i32 = 2;
/** Penalised capacity: an overloaded result is repaired on this copy, which competes for best. */
let repaired: Sol = changetype<Sol>(0);
/** Iterations since the best solution last improved. */
export let sinceImprovement: i32 = 0;
/** Stop after this many iterations without improvement (0 = never). */
let stallLimit: i32 = 0;
let t0: f64 = 1;
let tf: f64 = 0.01;
let useLocalSearch: bool = true;
/** Start and final temperatures as fractions of the average arc cost of the first solution. */
export let T0_FACTOR: f64 = 0.3;
export let TF_FACTOR: f64 = 0.003;

export function setStallLimit(iterations: i32): void {
  stallLimit = iterations;
}

export function setLocalSearch(on: bool): void {
  useLocalSearch = on;
}

export function setTemperatures(f0: f64, ff: f64): void {
  T0_FACTOR = f0;
  TF_FACTOR = ff;
}

/** Takes ownership of the constructed, locally optimised solution `start`. */
export function annealInit(start: Sol): void {
  current = start;
  accepted = new Sol();
  best = new Sol();
  accepted.copyFrom(current);
  best.copyFrom(current);
  sinceImprovement = 0;
  const arcs = <f64>(N - 1 + countRoutes(current));
  const avgArc = <f64>current.cost / max(arcs, 1.0);
  t0 = max(T0_FACTOR * avgArc, 1e-9);
  tf = max(TF_FACTOR * avgArc, 1e-9);
  fleetPending = HAS_FIXED;
  inFleetPhase = false;
  fleetShare = HAS_FIXED ? FLEET_SHARE : 0.0;
  penInit();
  setPenalised(true);
  // penalised time windows start with the annealing proper (after a fleet phase, see annealRun)
  setTimePenalised(false);
  if ((penOn || TW_CAPABLE) && changetype<usize>(repaired) == 0) repaired = new Sol();
}

/**
 * With fixed costs, fleet minimisation starts once the accepted solution serves every
 * mandatory job (the annealing completes a start faster than the phase's own steps, and a
 * phase begun on an incomplete plan held the best plan incomplete until it ended). Its share of
 * the budget is then set from that plan (`fleetShareFor`: less when fixed costs weigh little),
 * and it does not start after that share, nor after FLEET_SHARE. A problem whose jobs cannot all be served keeps the
 * annealing's route removal only.
 */
let fleetPending: bool = false;

/** The budget share the fleet phase takes (0 without one). */
let fleetShare: f64 = 0.0;

/** True until the fleet-minimisation phase has handed over to the annealing. */
let inFleetPhase: bool = false;

/**
 * Ends fleet minimisation: the annealing goes on from the smallest complete fleet found (after
 * a full local search), or from where it was when none was found.
 */
function endFleetPhase(): void {
  inFleetPhase = false;
  if (!fleetFound) return;
  current.copyFrom(fleetBest);
  // a different solution: every customer is queued, whatever the route lengths
  for (let r = 0; r < R; r++) {
    if (unchecked(current.rSize[r]) == 0) continue;
    routeChanged(current, r);
    pushRoute(current, r);
  }
  if (useLocalSearch) localSearch(current);
  accepted.copyFrom(current);
  if (current.objective() < best.objective()) {
    best.copyFrom(current);
    sinceImprovement = 0;
  }
}


/**
 * Runs up to `iters` iterations; iteration i sits at budget fraction (base + i)·scale, so an
 * iteration budget gives the same schedule however the host cuts it into chunks. Returns the
 * iterations run: fewer than `iters` when the stall limit is reached (the search has
 * evidently converged).
 */
export function annealRun(iters: i32, base: f64, scale: f64): i32 {
  const ratio = tf / t0;
  let nonEmpty = countRoutes(current);
  for (let i = 0; i < iters; i++) {
    let p = min((base + <f64>i) * scale, 1.0);
    if (fleetPending && p < fleetShare && missingMandatory(accepted) == 0) {
      fleetPending = false;
      // the phase's share follows what the fixed costs weigh in the first complete plan
      fleetShare = fleetShareFor(accepted);
      if (p < fleetShare) {
        fleetInit(accepted);
        inFleetPhase = fleetActive;
      }
    }
    if (inFleetPhase) {
      if (p < fleetShare && fleetActive) {
        // a complete smaller fleet with a better objective is the best plan at once
        if (fleetStep() && fleetAccepted().objective() < best.objective()) {
          best.copyFrom(fleetAccepted());
          sinceImprovement = 0;
        }
        continue;
      }
      endFleetPhase();
      // the annealing's schedule spans what is left of the budget
      if (fleetShare > 0) fleetShare = min(p, fleetShare);
      nonEmpty = countRoutes(current);
    }
    // penalised time windows: on once no fleet phase is pending or running (the phase counts
    // on feasible steps), so from the start without fixed costs
    if (TW_CAPABLE && !twOn && !(fleetPending && p < fleetShare)) setTimePenalised(true);
    if (stallLimit > 0 && sinceImprovement >= stallLimit) return i;
    // with a fleet phase, the annealing's schedule spans the rest of the budget
    if (fleetShare > 0) p = max(0.0, (p - fleetShare) / (1.0 - fleetShare));
    const temp = t0 * Math.pow(ratio, p);
    const stampBefore = moveCount;
    beginStep();
    ruin(current, nonEmpty);
    recreate(current);
    for (let t = 0; t < nTouched; t++) {
      const r = unchecked(touched[t]);
      retuneReloads(current, r);
      routeChanged(current, r);
    }
    if (useLocalSearch) localSearch(current);
    // moves can empty a trip: its reload stop then unloads nothing
    if (P > 0) {
      for (let r = 0; r < R; r++) {
        if (unchecked(current.rStamp[r]) > stampBefore && dropIdleReloads(current, r)) current.updateRoute(r);
      }
    }
    sinceImprovement++;
    if (penOn || twOn) {
      if (penStep(temp)) nonEmpty = countRoutes(current);
      continue;
    }
    const threshold = <f64>accepted.objective() - temp * Math.log(rngFloat() + 1e-300);
    if (<f64>current.objective() < threshold && (NB == 0 || changedRoutesFit(current, stampBefore))) {
      if (!isDefined(ASC_NO_ASSERT) || !ASC_NO_ASSERT) selfCheck(current, 1);
      accepted.copyFrom(current);
      nonEmpty = countRoutes(current);
      if (current.objective() < best.objective()) {
        best.copyFrom(current);
        sinceImprovement = 0;
      }
    } else {
      current.copyFrom(accepted);
    }
  }
  return iters;
}

/**
 * The acceptance of one step under penalised capacity (CVRP-like problems only): recreate and
 * the local search have run with load excess priced. The weight learns whether the result was
 * feasible. The annealing compares penalised objectives, so the accepted solution may overload
 * routes; `best` only ever receives capacity-feasible solutions: the result itself, or a
 * repaired copy of it (the local search again at ten, then a hundred times the weight). Returns true when the step
 * was accepted.
 */
function penStep(temp: f64): bool {
  const feasible = penOn ? excessOf(current) == 0 : warpOf(current) == 0;
  if (penOn) penRecord(feasible);
  else twRecord(feasible);
  // a repair starts from a local optimum at the normal weight, so its first move raises the
  // cost: it runs only when the result, with its excess priced, is already below the best
  if (!feasible && pricedObjective(current) < best.objective()) {
    repaired.copyFrom(current);
    if (repair(repaired)) offerBest(repaired);
  }
  const threshold = <f64>pricedObjective(accepted) - temp * Math.log(rngFloat() + 1e-300);
  if (<f64>pricedObjective(current) < threshold) {
    if (!isDefined(ASC_NO_ASSERT) || !ASC_NO_ASSERT) selfCheck(current, 1);
    accepted.copyFrom(current);
    if (feasible) offerBest(current);
    return true;
  }
  current.copyFrom(accepted);
  return false;
}

/**
 * The objective the annealing compares in a penalised mode: load excess (penalised capacity) or
 * time warp (penalised time windows) priced at the current weight; the two modes never meet.
 */
// @ts-ignore: decorator
@inline function pricedObjective(sol: Sol): i64 {
  return penalisedObjective(sol) + timePenaltyOf(sol);
}

/** Keeps `sol` as the best solution when it is better (callers pass feasible solutions only). */
function offerBest(sol: Sol): void {
  if (sol.objective() >= best.objective()) return;
  if (!isDefined(ASC_NO_ASSERT) || !ASC_NO_ASSERT) {
    assert(excessOf(sol) == 0, 'offerBest: overloaded route');
    assert(warpOf(sol) == 0, 'offerBest: time warp');
    const on = penOn;
    const onTw = twOn;
    setPenalised(false); // the strict check: capacity and time windows are not excused here
    setTimePenalised(false);
    selfCheck(sol, 3);
    setPenalised(on);
    setTimePenalised(onTw);
  }
  best.copyFrom(sol);
  sinceImprovement = 0;
}

/**
 * Drives an overloaded solution back to capacity: the local search on the customers of the
 * overloaded routes with the weight REPAIR_FACTOR times higher, and once more at
 * REPAIR_FACTOR² when that was not enough. True when no route is overloaded afterwards.
 */
function repair(sol: Sol): bool {
  let rounds = 0;
  while (rounds < REPAIR_ROUNDS && (rounds == 0 || infeasibility(sol) > 0)) {
    rounds++;
    if (penOn) repairWeight(true);
    else twRepairWeight(true);
    for (let r = 0; r < R; r++) {
      if (unchecked(sol.rSize[r]) == 0) continue;
      if (!(penOn ? routeOverloaded(sol, r) : routeWarp(sol, r) > 0)) continue;
      stampRoute(sol, r);
      pushRoute(sol, r);
    }
    localSearch(sol);
  }
  for (let i = 0; i < rounds; i++) {
    if (penOn) repairWeight(false);
    else twRepairWeight(false);
  }
  return infeasibility(sol) == 0;
}

/** What a penalised mode lets `sol` break: load above capacity, or time warp (0 = feasible). */
// @ts-ignore: decorator
@inline function infeasibility(sol: Sol): i64 {
  return penOn ? excessOf(sol) : warpOf(sol);
}

/**
 * Breaks are placed by a rule that is not monotone: taking jobs out of a route (ruin) can move a
 * break so that a later window is missed. Every changed route is walked before a step is
 * accepted, so that only feasible solutions are ever accepted or kept as best.
 */
function changedRoutesFit(sol: Sol, stampBefore: i64): bool {
  for (let r = 0; r < R; r++) {
    if (unchecked(sol.rStamp[r]) <= stampBefore || unchecked(sol.rSize[r]) == 0) continue;
    walkCurrent(sol, r);
    if (!lastWalkOk) return false;
  }
  return true;
}

/**
 * Debug builds only: every used route must pass the full walk (stage 1 after recreate, 2 after
 * local search), and every return-empty route must end with its one final unload.
 */
function selfCheck(sol: Sol, stage: i32): void {
  for (let r = 0; r < R; r++) {
    // a return-empty vehicle's final unload (a pinned stop) stays last, also on an empty route:
    // without it the vehicle could not be opened again (no single job fits before its end)
    const e = endOf(r);
    let pins = 0;
    let x = unchecked(sol.next[startOf(r)]);
    while (x != e) {
      if (isPinned(x)) pins++;
      x = unchecked(sol.next[x]);
    }
    const want = unchecked(pinnedOf[r]) >= 0 ? 1 : 0;
    if (pins != want || (want == 1 && !isPinned(unchecked(sol.prev[e])))) {
      trace('misplaced final unload after stage', 3, <f64>r, <f64>stage, <f64>pins);
      assert(false, 'selfCheck: a return-empty route must end with its one final unload');
    }
    if (unchecked(sol.rSize[r]) == 0) continue;
    if (walkCurrent(sol, r) < 0) continue;
    // penalised capacity: an accepted solution may overload a route (best never does: offerBest)
    // penalised time windows: an accepted solution may arrive late (best never does)
    if (!lastWalkOk && !(penOn && failCode == FAIL_CAPACITY) && !(twOn && (failCode == FAIL_TIME_WINDOW || failCode == FAIL_VEHICLE_TIME_WINDOW))) {
      trace('infeasible route after stage', 3, <f64>r, <f64>stage, <f64>failCode);
      assert(false, 'selfCheck: infeasible route');
    }
  }
}
