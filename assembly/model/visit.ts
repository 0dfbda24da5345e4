// Per-visit attributes that depend on the visit's kind (job, route start/end, reload stop).

import { N, R, D, PN, jService, jSetup, jTwFirst, jTwCount, fService, fSetup, fTwFirst, fTwCount, tw, jPick, jDel, INF, bTwFirst, bTwCount } from './problem';

// @ts-ignore: decorator
@inline export function isJob(v: i32): bool {
  return v < N;
}

// @ts-ignore: decorator
@inline export function isReloadVisit(v: i32): bool {
  return v >= N + 2 * R;
}

/** A reload visit that always stays right before its route's end (return-empty vehicles). */
// @ts-ignore: decorator
@inline export function isPinned(v: i32): bool {
  return v >= N + 2 * R + PN;
}

/** Route start or end visit. */
// @ts-ignore: decorator
@inline export function isDepotVisit(v: i32): bool {
  return v >= N && v < N + 2 * R;
}

/** True for every visit that is not a job: start, end and reload visits. */
// @ts-ignore: decorator
@inline export function isBoundary(v: i32): bool {
  return v >= N;
}

/** True for the end visit of any route. */
// @ts-ignore: decorator
@inline export function isEndVisit(v: i32): bool {
  return v >= N && v < N + 2 * R && ((v - N) & 1) == 1;
}

// @ts-ignore: decorator
@inline export function startOf(r: i32): i32 {
  return N + 2 * r;
}

// @ts-ignore: decorator
@inline export function endOf(r: i32): i32 {
  return N + 2 * r + 1;
}

/** Service duration of visit v (fac = facility of a reload visit, else ignored). */
// @ts-ignore: decorator
@inline export function serviceOf(v: i32, fac: i32): i64 {
  if (v < N) return <i64>unchecked(jService[v]);
  if (fac >= 0) return <i64>unchecked(fService[fac]);
  return 0;
}

// @ts-ignore: decorator
@inline export function setupOf(v: i32, fac: i32): i64 {
  if (v < N) return <i64>unchecked(jSetup[v]);
  if (fac >= 0) return <i64>unchecked(fSetup[fac]);
  return 0;
}

// @ts-ignore: decorator
@inline export function pickOf(v: i32, k: i32): i32 {
  return v < N ? unchecked(jPick[v * D + k]) : 0;
}

// @ts-ignore: decorator
@inline export function delOf(v: i32, k: i32): i32 {
  return v < N ? unchecked(jDel[v * D + k]) : 0;
}

// the windows of the visit last looked up by windowsOf
let wFirst: i32 = -1;
let wCount: i32 = 0;

/** Looks up where visit v's windows are (a job's, or its facility's for a reload visit). */
// @ts-ignore: decorator
@inline function windowsOf(v: i32, fac: i32): void {
  if (v < N) {
    wFirst = unchecked(jTwFirst[v]);
    wCount = unchecked(jTwCount[v]);
  } else if (fac >= 0) {
    wFirst = unchecked(fTwFirst[fac]);
    wCount = unchecked(fTwCount[fac]);
  } else {
    wFirst = -1;
    wCount = 0;
  }
}

/** Earliest start ≥ t inside one of the windows first..first+count-1 of tw, t itself when there are none, or -1 when every window is over. */
// @ts-ignore: decorator
@inline function earliestIn(first: i32, count: i32, t: i64): i64 {
  if (count == 0) return t;
  for (let i = 0; i < count; i++) {
    const e = <i64>unchecked(tw[2 * (first + i) + 1]);
    if (e >= t) {
      const s = <i64>unchecked(tw[2 * (first + i)]);
      return s > t ? s : t;
    }
  }
  return -1;
}

/** Earliest service start ≥ `arrive` inside one of the visit's windows, or -1 when too late. */
export function earliestStart(v: i32, fac: i32, arrive: i64): i64 {
  windowsOf(v, fac);
  return earliestIn(wFirst, wCount, arrive);
}

/** Latest time ≤ `bound` inside one of the windows first..first+count-1 of tw, `bound` itself when there are none, or -INF when none opens by then. */
// @ts-ignore: decorator
@inline function latestIn(first: i32, count: i32, bound: i64): i64 {
  if (count == 0) return bound;
  for (let i = count - 1; i >= 0; i--) {
    const s = <i64>unchecked(tw[2 * (first + i)]);
    if (s <= bound) {
      const e = <i64>unchecked(tw[2 * (first + i) + 1]);
      return e < bound ? e : bound;
    }
  }
  return -INF;
}

/** Latest service start ≤ `bound` inside one of the visit's windows, or -INF when none. */
export function latestStart(v: i32, fac: i32, bound: i64): i64 {
  windowsOf(v, fac);
  return latestIn(wFirst, wCount, bound);
}

/**
 * Latest time the vehicle may be ready to take break b so that the break starts no later than
 * `bound` (the break starts at the earliest window time ≥ the ready time): `bound` itself
 * inside a window, else the end of the last window that opens by then; -INF when none does.
 */
export function breakLatestReady(b: i32, bound: i64): i64 {
  return latestIn(unchecked(bTwFirst[b]), unchecked(bTwCount[b]), bound);
}

/** Earliest start ≥ t of break b inside one of its windows, or -1 when every window is over. */
export function breakStart(b: i32, t: i64): i64 {
  return earliestIn(unchecked(bTwFirst[b]), unchecked(bTwCount[b]), t);
}
