// Where routes were relinked since their last refresh: every link change (Sol.unlink,
// Sol.linkAfter, Sol.reversePath) marks the visits on both sides of the new links. The local
// search's work list (search/lsState.ts#routeChanged) then queues, on a long route, only the
// customers within a few positions of a mark instead of the whole route: on an 85-stop route
// a ruin-and-recreate step changes a few places, and re-examining every customer of every
// touched route took most of a step's time.

/** Most marks kept; past it the marks are dropped and whole routes are queued until the next step. */
const MAX_MARKS: i32 = 4096;

let marks: StaticArray<i32> = new StaticArray<i32>(MAX_MARKS);
let nMarks: i32 = 0;
/** True when marks were dropped: the places of the changes are no longer known. */
export let marksOverflowed: bool = false;

/** Marks visit v as next to a changed link. */
// @ts-ignore: decorator
@inline export function markLink(v: i32): void {
  if (nMarks < MAX_MARKS) unchecked((marks[nMarks++] = v));
  else marksOverflowed = true;
}

/** Forgets every mark (a new step starts from a solution whose routes are all refreshed). */
export function clearMarks(): void {
  nMarks = 0;
  marksOverflowed = false;
}

/** Number of marks kept. */
// @ts-ignore: decorator
@inline export function markCount(): i32 {
  return nMarks;
}

/** The i-th mark. */
// @ts-ignore: decorator
@inline export function markAt(i: i32): i32 {
  return unchecked(marks[i]);
}

/** Replaces the i-th mark (compaction by the consumer). */
// @ts-ignore: decorator
@inline export function setMarkAt(i: i32, v: i32): void {
  unchecked((marks[i] = v));
}

/** Keeps the first n marks (compaction by the consumer). */
export function setMarkCount(n: i32): void {
  nMarks = n;
}
