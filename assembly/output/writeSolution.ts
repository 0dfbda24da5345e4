// The core's answer to the host: the best solution with its full schedule, written by the same
// route walk that decides feasibility during the search (model/feasibility.ts#seqFits), so
// the host never re-simulates a route. Layout: src/core/coreProtocol.ts (CORE_CONSTANTS and
// the comment on the output).

import { N, D, R, NB, vTwStart, vTwEnd, vBreakCount, vBreakFirst, bService, jPrize } from '../model/problem';
import { Sol, startOf, endOf, isReloadVisit } from '../model/Sol';
import {
  seqStart, seqPath, seqFits, seqSchedule, seqLength, seqAt, walkStart, walkEnd, breakAt,
  posArrive, posBegin, posSetup, posDep, posTravel, posDist, posLoadAt,
  breakArrive, breakBegin, breakTravel, breakDist,
} from '../model/feasibility';
import { serviceOf } from '../model/visit';
import { HEADER_FIELDS, ROUTE_FIELDS, STEP_FIELDS, STEP_START, STEP_JOB, STEP_RELOAD, STEP_BREAK, STEP_END } from '../protocol.generated';

let out: StaticArray<f64> = new StaticArray<f64>(0);

/** Describes route r as it stands as the walk's sequence. */
function describeRoute(sol: Sol, r: i32): void {
  seqStart(sol, r);
  const first = unchecked(sol.next[startOf(r)]);
  const en = endOf(r);
  seqPath(sol, first, unchecked(sol.prev[en]), false, first != en);
}

/**
 * Walks route r with the schedule recorded, leaving as late as possible without reaching the
 * end later than the earliest possible end (VROOM's rule: no avoidable waiting). The set of
 * such departures is searched by bisection, each probe being the same walk. Returns false
 * when the route is infeasible (a solver bug; the host reports it).
 */
export function scheduleRoute(sol: Sol, r: i32): bool {
  describeRoute(sol, r);
  if (!seqFits(sol, r)) {
    seqSchedule(sol, r, -1, true);
    return false;
  }
  const earliestEnd = walkEnd;
  let lo = <i64>unchecked(vTwStart[r]);
  let hi = min(<i64>unchecked(vTwEnd[r]), earliestEnd);
  while (lo < hi) {
    const mid = lo + (hi - lo + 1) / 2;
    if (seqSchedule(sol, r, mid, false) && walkEnd <= earliestEnd) lo = mid;
    else hi = mid - 1;
  }
  return seqSchedule(sol, r, lo, true);
}

// @ts-ignore: decorator
@inline function put(k: i32, x: f64): i32 {
  unchecked((out[k] = x));
  return k + 1;
}

/** Writes one step: kind, index, location, times, travel and distance so far, then D loads from posLoad row `loadRow`. */
function putStep(k: i32, kind: i32, index: i32, loc: i32, arrive: i64, begin: i64, setup: i64, service: i64, depart: i64, travel: i64, distance: i64, loadRow: i32): i32 {
  k = put(k, <f64>kind);
  k = put(k, <f64>index);
  k = put(k, <f64>loc);
  k = put(k, <f64>arrive);
  k = put(k, <f64>begin);
  k = put(k, <f64>setup);
  k = put(k, <f64>service);
  k = put(k, <f64>depart);
  k = put(k, <f64>travel);
  k = put(k, <f64>distance);
  for (let d = 0; d < D; d++) k = put(k, <f64>posLoadAt(loadRow, d));
  return k;
}

/** Writes the breaks of the last recorded walk that come right after sequence position `after`. */
function putBreaks(sol: Sol, r: i32, k: i32, after: i32, loc: i32): i32 {
  const nb = unchecked(vBreakCount[r]);
  const b0 = unchecked(vBreakFirst[r]);
  for (let i = 0; i < nb; i++) {
    if (unchecked(breakAt[i]) != after) continue;
    const begin = unchecked(breakBegin[i]);
    const service = <i64>unchecked(bService[b0 + i]);
    k = putStep(k, STEP_BREAK, i, loc, unchecked(breakArrive[i]), begin, 0, service, begin + service, unchecked(breakTravel[i]), unchecked(breakDist[i]), after + 1);
  }
  return k;
}

/**
 * Writes `sol` with every used route's schedule; returns the output's address (its length is
 * {@link outputLength}).
 */
export function writeSolution(sol: Sol): usize {
  let routes = 0;
  let steps = 0;
  let unserved = 0;
  let prizes: i64 = 0;
  for (let r = 0; r < R; r++) {
    if (unchecked(sol.rSize[r]) == 0) continue;
    routes++;
    describeRoute(sol, r);
    steps += seqLength() + 2 + unchecked(vBreakCount[r]);
  }
  for (let v = 1; v < N; v++) {
    if (unchecked(sol.route[v]) >= 0) continue;
    unserved++;
    prizes += unchecked(jPrize[v]);
  }
  out = new StaticArray<f64>(HEADER_FIELDS + routes * ROUTE_FIELDS + steps * (STEP_FIELDS + D) + unserved);
  let allOk = true;
  let k = HEADER_FIELDS;
  for (let r = 0; r < R; r++) {
    if (unchecked(sol.rSize[r]) == 0) continue;
    const ok = scheduleRoute(sol, r);
    if (!ok) allOk = false;
    const n = seqLength();
    k = put(k, <f64>r);
    k = put(k, <f64>(n + 2 + unchecked(vBreakCount[r])));
    k = put(k, <f64>unchecked(sol.rCost[r]));
    k = put(k, ok ? 1 : 0);
    let loc = unchecked(sol.vloc[startOf(r)]);
    k = putStep(k, STEP_START, -1, loc, walkStart, walkStart, 0, 0, unchecked(posDep[0]), 0, 0, 0);
    k = putBreaks(sol, r, k, -1, loc);
    for (let i = 0; i < n; i++) {
      const x = seqAt(i);
      loc = unchecked(sol.vloc[x]);
      const reload = isReloadVisit(x);
      const fac = reload ? unchecked(sol.fac[x]) : -1;
      const p = i + 1;
      k = putStep(k, reload ? STEP_RELOAD : STEP_JOB, reload ? fac : x - 1, loc, unchecked(posArrive[p]), unchecked(posBegin[p]), unchecked(posSetup[p]), serviceOf(x, fac), unchecked(posDep[p]), unchecked(posTravel[p]), unchecked(posDist[p]), p);
      k = putBreaks(sol, r, k, i, loc);
    }
    const te = unchecked(posArrive[n + 1]);
    k = putStep(k, STEP_END, -1, unchecked(sol.vloc[endOf(r)]), te, te, 0, 0, te, unchecked(posTravel[n + 1]), unchecked(posDist[n + 1]), n);
  }
  for (let v = 1; v < N; v++) if (unchecked(sol.route[v]) < 0) k = put(k, <f64>(v - 1));
  put(0, <f64>routes);
  put(1, <f64>unserved);
  put(2, <f64>sol.cost);
  put(3, <f64>prizes);
  put(4, <f64>sol.objective());
  put(5, allOk ? 1 : 0);
  assert(k == out.length, 'writeSolution: length');
  void NB;
  return changetype<usize>(out);
}

/** Length of the last output, in f64 values. */
export function outputLength(): i32 {
  return out.length;
}
