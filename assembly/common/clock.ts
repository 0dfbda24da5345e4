// The host's clock (performance.now(), in ms) for the one check the search makes against the
// time limit inside an iteration: on 10,000 stops an iteration's local search can run for a
// second or more, past what the host's chunking can stop. The host sets the deadline
// (setParam DEADLINE); with an iteration budget alone there is none, so the output stays
// deterministic.

// @ts-ignore: decorator
@external("env", "clock")
declare function hostClock(): f64;

/** performance.now() time in ms after which long steps stop early; 0 = none. */
let deadline: f64 = 0.0;

/** Sets the deadline (0 = none). */
export function setDeadline(ms: f64): void {
  deadline = ms;
}

/** True once the deadline, if any, has passed. */
export function pastDeadline(): bool {
  return deadline > 0.0 && hostClock() >= deadline;
}
