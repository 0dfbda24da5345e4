// Insertion trials for explaining unserved jobs: the host asks whether a job fits at a given
// position of a route (or alone in the vehicle) and gets the route walk's failure code
// (FAIL_* in protocol.generated.ts) and the cost the insertion would add. The rules that turn
// trials into a reason live on the host (src/decode/unassignedReasons.ts); feasibility and
// cost are decided here, by the walk the search uses.

import { vStart, vEnd, vFixed, vReturnEmpty, cost, pinnedOf } from '../model/problem';
import { Sol, startOf, endOf, isPinned } from '../model/Sol';
import { seqStart, seqVisit, seqFits, seqLength, seqAt, failCode } from '../model/feasibility';
import { FAIL_OK } from '../protocol.generated';

/** Cost the last trial's route would add to the solution (fixed cost included for an unused vehicle). */
export let trialAddedCost: i64 = 0;

/** Visits of route r between its start and end, the pinned final unload excluded. */
export function movableVisits(sol: Sol, r: i32): i32 {
  let n = 0;
  let x = unchecked(sol.next[startOf(r)]);
  const e = endOf(r);
  while (x != e) {
    if (!isPinned(x)) n++;
    x = unchecked(sol.next[x]);
  }
  return n;
}

/** Cost of the walk's sequence as route r, fixed cost included. */
function sequenceCost(sol: Sol, r: i32): i64 {
  let prevLoc = unchecked(vStart[r]);
  let c: i64 = <i64>unchecked(vFixed[r]);
  const n = seqLength();
  for (let i = 0; i < n; i++) {
    const l = unchecked(sol.vloc[seqAt(i)]);
    c += cost(r, prevLoc, l);
    prevLoc = l;
  }
  return c + cost(r, prevLoc, unchecked(vEnd[r]));
}

/**
 * Route r of `sol` with job `job` (0-based) inserted before its movable visit `position`
 * (0 = first; the pinned final unload of a return-empty vehicle stays last), or, when `alone`,
 * the vehicle serving only that job. `job` < 0 walks the route as it stands. Returns the walk's
 * failure code (FAIL_OK when feasible) and sets {@link trialAddedCost}.
 */
export function trialInsert(sol: Sol, job: i32, r: i32, position: i32, alone: bool): i32 {
  const c = job + 1;
  seqStart(sol, r);
  let k = 0;
  const pin = unchecked(pinnedOf[r]);
  if (!alone) {
    let x = unchecked(sol.next[startOf(r)]);
    const e = endOf(r);
    while (x != e) {
      if (!isPinned(x)) {
        if (k == position && c > 0) seqVisit(c);
        seqVisit(x);
        k++;
      }
      x = unchecked(sol.next[x]);
    }
  }
  if (c > 0 && (alone || k <= position)) seqVisit(c);
  if (unchecked(vReturnEmpty[r]) != 0 && pin >= 0) seqVisit(pin);
  const used = unchecked(sol.rSize[r]) > 0;
  const base: i64 = used && !alone ? unchecked(sol.rCost[r]) : 0;
  const ok = seqFits(sol, r);
  trialAddedCost = sequenceCost(sol, r) - base;
  return ok ? FAIL_OK : failCode;
}
